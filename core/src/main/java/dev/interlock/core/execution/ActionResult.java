package dev.interlock.core.execution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one bound action did in one execution.
 *
 * @param version deployed version number that ran; {@code null} for ad-hoc code
 * @param logsTruncated true when console output went over the per-action cap and the rest was
 *     dropped (the cap is reported, never silently applied)
 */
public record ActionResult(
    String actionId,
    String actionName,
    Integer version,
    String handler,
    ActionStatus status,
    Instant startedAt,
    Instant endedAt,
    double durationMs,
    List<Command> commands,
    List<LogEntry> logs,
    boolean logsTruncated,
    ScriptError error) {
  public ActionResult {
    Objects.requireNonNull(actionName, "actionName");
    Objects.requireNonNull(status, "status");
    commands = List.copyOf(commands);
    logs = List.copyOf(logs);
  }

  /** A bound action the flow never reached. */
  public static ActionResult skipped(String actionId, String actionName, Integer version, String handler) {
    return new ActionResult(
        actionId, actionName, version, handler, ActionStatus.SKIPPED, null, null, 0, List.of(), List.of(), false, null);
  }

  /** Commands of this action with the given name, in call order. */
  public List<Command> commands(String name) {
    return commands.stream().filter(c -> c.name().equals(name)).toList();
  }
}
