package dev.interlock.core.execution;

/**
 * Status of an execution. {@code PENDING} is an addition to the shared record shape: an accepted
 * execution of an async trigger that has not finished yet.
 */
public enum ExecutionStatus {
  COMPLETED,
  DENIED,
  FAILED,
  SUSPENDED,
  PENDING;

  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ExecutionStatus fromJson(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
