package dev.interlock.adapter.rhino.internal;

import dev.interlock.core.execution.ErrorCode;

/**
 * Stops a script that ran out of time or another budget. It is a {@link Error}, not a Rhino
 * exception, so neither {@code catch} nor {@code finally} blocks in the script can intercept it.
 */
final class ScriptLimitError extends Error {
  private static final long serialVersionUID = 1L;
  private final transient ErrorCode code;
  private final String errorName;
  private final transient org.mozilla.javascript.RhinoException where;

  ScriptLimitError(ErrorCode code, String errorName, String message) {
    super(message, null, false, false);
    this.code = code;
    this.errorName = errorName;
    // Captures the script's stack at the moment the limit was hit, for the author's stack trace.
    this.where = new org.mozilla.javascript.EvaluatorException(message);
  }

  /** Where in the script the limit was hit (its script stack), as a Rhino exception. */
  org.mozilla.javascript.RhinoException where() {
    return where;
  }

  static ScriptLimitError timeout() {
    return new ScriptLimitError(ErrorCode.ACTION_TIMEOUT, "TimeoutError", "the action ran past its deadline");
  }

  static ScriptLimitError limit(String message) {
    return new ScriptLimitError(ErrorCode.ACTION_LIMIT, "LimitError", message);
  }

  ErrorCode code() {
    return code;
  }

  String errorName() {
    return errorName;
  }
}
