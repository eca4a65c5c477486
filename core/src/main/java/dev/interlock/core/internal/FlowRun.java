package dev.interlock.core.internal;

import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ExecutionError;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.port.FlowSnapshot;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.TriggerDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The mutable state of one flow run, confined to whichever thread is advancing it. */
final class FlowRun {
  final TriggerDefinition trigger;
  final ExecutionId id;
  final Instant createdAt;
  final long startNanos;
  final long deadlineNanos;
  final List<PreparedAction> actions;
  final ActionResult[] results;
  final Map<String, Object> initialEvent;
  final Map<String, Object> flowState;
  final double priorDurationMs;
  /** Per action, its secrets' masker, looked up once per run (the lookup hashes every value). */
  private final Redactor[] redactors;
  /** The event the next action starts from (without secrets and configuration). */
  Map<String, Object> event;
  int index;
  /** Set on resume: the request, and whether the action at {@link #resumeIndex} resumes itself. */
  ResumeRequest resume;
  int resumeIndex = -1;
  boolean resumeSame;
  ExecutionError error;
  String state;
  FlowSnapshot snapshot;
  String redirectUrl;
  Map<String, Object> suspensionDetails = Map.of();
  String resumeHandlerOnSuspend;
  /** What this run's actions have recorded so far (created with the first action). */
  ResultBudget recorded;

  FlowRun(
      TriggerDefinition trigger,
      ExecutionId id,
      Instant createdAt,
      long startNanos,
      long deadlineNanos,
      List<PreparedAction> actions,
      ActionResult[] results,
      Map<String, Object> initialEvent,
      Map<String, Object> flowState,
      double priorDurationMs) {
    this.trigger = trigger;
    this.id = id;
    this.createdAt = createdAt;
    this.startNanos = startNanos;
    this.deadlineNanos = deadlineNanos;
    this.actions = actions;
    this.results = results;
    this.initialEvent = initialEvent;
    this.flowState = flowState;
    this.priorDurationMs = priorDurationMs;
    this.event = initialEvent;
    this.redactors = new Redactor[actions.size()];
  }

  Redactor redactor(int i) {
    Redactor r = redactors[i];
    if (r == null) {
      r = redactors[i] = Redactor.of(actions.get(i).secrets().values());
    }
    return r;
  }

  /** A run of the whole flow from its first action. */
  static FlowRun fresh(
      TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input, ExecutionId id, Instant created,
      java.time.Duration flowTimeout) {
    long now = System.nanoTime();
    return new FlowRun(trigger, id, created, now, now + flowTimeout.toNanos(), flow, new ActionResult[flow.size()],
        input, new java.util.LinkedHashMap<>(), 0);
  }

  /** A run that continues a stored execution at {@code index}, keeping the results before it. */
  static FlowRun continuing(
      TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input,
      dev.interlock.core.execution.ExecutionRecord record, int index, java.time.Duration flowTimeout) {
    ActionResult[] results = new ActionResult[flow.size()];
    for (int i = 0; i < index && i < record.results().size(); i++) {
      results[i] = record.results().get(i);
    }
    long now = System.nanoTime();
    FlowRun run = new FlowRun(trigger, record.id(), record.createdAt(), now, now + flowTimeout.toNanos(), flow,
        results, input, new java.util.LinkedHashMap<>(), record.durationMs());
    run.index = index;
    return run;
  }
}
