package dev.interlock.core.execution;

import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The record of one run of a trigger's flow: every action's commands, logs and errors, the
 * aggregated outcome and, when suspended, the continuation. The same content is what the HTTP API
 * and the CLI print as JSON ({@link ExecutionRecordJson}).
 */
public record ExecutionRecord(
    ExecutionId id,
    TriggerId triggerId,
    String triggerVersion,
    ExecutionStatus status,
    Instant createdAt,
    Instant updatedAt,
    double durationMs,
    ExecutionError error,
    List<ActionResult> results,
    Map<String, Object> outcome,
    Continuation continuation) {
  public ExecutionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(triggerId, "triggerId");
    Objects.requireNonNull(status, "status");
    results = List.copyOf(results);
    outcome = outcome == null ? Map.of() : outcome;
  }

  /** The result of the named action, if it is bound in this flow. */
  public java.util.Optional<ActionResult> result(String actionName) {
    return results.stream().filter(r -> r.actionName().equals(actionName)).findFirst();
  }

  /** All commands of all actions, in flow order. */
  public List<Command> commands() {
    return results.stream().flatMap(r -> r.commands().stream()).toList();
  }
}
