package dev.interlock.core.execution;

/** Status of one action within an execution. */
public enum ActionStatus {
  COMPLETED,
  DENIED,
  FAILED,
  SUSPENDED,
  SKIPPED;

  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ActionStatus fromJson(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
