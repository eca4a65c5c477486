package dev.interlock.core.port;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.trigger.TriggerDefinition;

/**
 * Driven port: told about every action and execution as it ends, for metrics and tracing. Called
 * on the executing thread, so implementations must be fast and must not throw.
 */
public interface ExecutionObserver {
  default void actionFinished(TriggerDefinition trigger, ActionResult result) {}

  default void executionFinished(TriggerDefinition trigger, ExecutionRecord record) {}

  /** Observes nothing. */
  ExecutionObserver NONE = new ExecutionObserver() {};
}
