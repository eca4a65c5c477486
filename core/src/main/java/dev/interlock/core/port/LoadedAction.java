package dev.interlock.core.port;

import java.util.concurrent.CompletionStage;

/**
 * An action ready to run, shared by all executions (so it must be thread-safe and keep no
 * per-execution state). Each invocation gets its own event, api session and console.
 */
public interface LoadedAction {

  /**
   * Calls the handler {@link Invocation#handler()} with the invocation's event and api and
   * completes when the handler has settled, failed or run out of time or another budget.
   *
   * <p>Contract: never complete exceptionally for script faults; report them as {@link
   * InvocationOutcome.Failure}. Never modify {@link Invocation#event()}: give the script its own
   * copy, so that its writes are not seen by later actions. Stop at {@link
   * Invocation#deadlineNanos()} (a {@link System#nanoTime()} value) with {@code action_timeout}.
   */
  CompletionStage<InvocationOutcome> invoke(Invocation invocation);
}
