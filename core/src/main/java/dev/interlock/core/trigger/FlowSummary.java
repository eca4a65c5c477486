package dev.interlock.core.trigger;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionStatus;
import java.util.List;
import java.util.Map;

/**
 * A flow at its end (or suspension), for computing the trigger's outcome.
 *
 * @param event the event as the flow received it (after validation and defaults)
 * @param results every action that ran so far, in order (skipped ones included)
 * @param flowState the flow's shared state
 * @param status the execution status so far
 */
public record FlowSummary(
    Map<String, Object> event,
    List<ActionResult> results,
    Map<String, Object> flowState,
    ExecutionStatus status) {

  /**
   * Commands of actions whose effects count, in flow order: completed, denied and suspended
   * actions. A failed action's commands are kept in the record but do not reach the outcome.
   */
  public List<Command> effectiveCommands() {
    return results.stream()
        .filter(r -> switch (r.status()) {
          case COMPLETED, DENIED, SUSPENDED -> true;
          case FAILED, SKIPPED -> false;
        })
        .flatMap(r -> r.commands().stream())
        .toList();
  }
}
