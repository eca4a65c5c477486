package dev.interlock.core.internal;

import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ScriptError;

/** The execution-level message of a failed action: what happened, where in the author's source, and the error. */
final class FailureMessage {
  private FailureMessage() {}

  /** {@code Action 'name' failed at line 4: TypeError: ...}; the error is expected to be masked already. */
  static String describe(String action, ErrorCode code, ScriptError e) {
    String what =
        switch (code) {
          case ACTION_TIMEOUT -> "timed out";
          case ACTION_LIMIT -> "ran over a limit";
          case ACTION_LOAD -> "could not be loaded";
          case PLATFORM_ERROR -> "hit a platform error";
          default -> "failed";
        };
    String line = code == ErrorCode.ACTION_ERROR ? userLine(action, e.stack()) : null;
    return "Action '" + action + "' " + what + (line == null ? "" : " at line " + line) + ": " + e.name() + ": "
        + e.message();
  }

  /** The line of the innermost stack frame in the action's own source ({@code (name:12)}), if any. */
  private static String userLine(String action, String stack) {
    if (stack == null) {
      return null;
    }
    String frame = "(" + action;
    for (int at = stack.indexOf(frame); at >= 0; at = stack.indexOf(frame, at + 1)) {
      int i = at + frame.length();
      if (stack.startsWith(".js", i)) {
        i += 3;
      }
      int digits = i + 1;
      while (digits < stack.length() && stack.charAt(digits) >= '0' && stack.charAt(digits) <= '9') {
        digits++;
      }
      if (i < stack.length() && stack.charAt(i) == ':' && digits > i + 1) {
        return stack.substring(i + 1, digits);
      }
    }
    return null;
  }
}
