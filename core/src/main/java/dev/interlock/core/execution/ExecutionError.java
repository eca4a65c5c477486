package dev.interlock.core.execution;

import java.util.Objects;

/** Execution-level error: a code, a message naming the action, and the action's name. */
public record ExecutionError(ErrorCode code, String message, String actionName) {
  public ExecutionError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
