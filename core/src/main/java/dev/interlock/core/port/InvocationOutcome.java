package dev.interlock.core.port;

import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ScriptError;
import java.util.Objects;

/** How a handler call ended. */
public sealed interface InvocationOutcome permits InvocationOutcome.Success, InvocationOutcome.Failure {

  /** The handler's promise resolved (its value is ignored, as on Auth0). */
  record Success() implements InvocationOutcome {}

  /**
   * The handler failed: {@code code} is {@code ACTION_ERROR} for a throw or rejection, {@code
   * ACTION_TIMEOUT}, {@code ACTION_LIMIT} for a budget, {@code ACTION_LOAD} when the module could
   * not be initialised or lacks the handler.
   */
  record Failure(ErrorCode code, ScriptError error) implements InvocationOutcome {
    public Failure {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(error, "error");
    }
  }

  InvocationOutcome SUCCESS = new Success();
}
