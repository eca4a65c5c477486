package dev.interlock.core.execution;

/** Why an execution failed; the JSON value is the lower-case name. */
public enum ErrorCode {
  /** The script threw or its promise rejected. */
  ACTION_ERROR,
  /** The action or the flow ran past its deadline. */
  ACTION_TIMEOUT,
  /** A budget other than time ran out: memory, stack, output, promise jobs. */
  ACTION_LIMIT,
  /** The action could not be loaded: syntax error, missing or non-async handler, top-level throw. */
  ACTION_LOAD,
  /** The input event does not fit the trigger's contract. */
  INVALID_EVENT,
  /** Interlock itself or one of its stores failed. */
  PLATFORM_ERROR;

  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ErrorCode fromJson(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
