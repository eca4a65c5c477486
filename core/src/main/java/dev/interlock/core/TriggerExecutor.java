package dev.interlock.core;

import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.TriggerId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Driving port: run a trigger's flow. The library, the HTTP service and the CLI all go through
 * this interface, so behaviour never differs between them.
 *
 * <p>Events are JSON values ({@link dev.interlock.core.json.Json}). An event that does not fit the
 * trigger's contract is refused with an {@link InvalidRequestException} of code {@code
 * invalid_event} listing every problem with its JSON path; nothing runs.
 */
public interface TriggerExecutor {

  /**
   * Runs the trigger's bound flow. For a sync trigger, returns when the flow has completed, been
   * denied, failed or suspended. For an async trigger, stores the accepted execution and returns
   * {@link ExecutionResult.Pending} at once; the flow runs on the bounded worker pool and its
   * record can be read with {@link #find}.
   *
   * @throws EngineBusyException when an async flow cannot be queued
   */
  ExecutionResult execute(TriggerId trigger, Map<String, Object> event);

  /**
   * Like {@link #execute} but never waits: runs on the calling thread until the flow completes or
   * first waits for I/O (an action awaiting an HTTP response, a timer or a host module's promise),
   * and completes the returned stage on the thread that finishes the flow. While an action waits,
   * no thread is held for it, so a thread that serves many requests (an HTTP server's) stays free
   * for other executions. For an async trigger the stage is already complete with {@link
   * ExecutionResult.Pending}, as {@link #execute} returns it. The stage fails with the {@link
   * InterlockException} {@link #execute} would throw once the flow has started.
   *
   * @throws InvalidRequestException when the event does not fit the trigger's contract (nothing runs)
   * @throws EngineBusyException when an async flow cannot be queued
   */
  CompletionStage<ExecutionResult> executeAsync(TriggerId trigger, Map<String, Object> event);

  /**
   * Like {@link #execute} but always on the worker pool, completing with the final result (for
   * async triggers: after the background run).
   */
  CompletionStage<ExecutionResult> submit(TriggerId trigger, Map<String, Object> event);

  /**
   * Resumes a suspended flow, named by its execution id or continuation state, with the request
   * that came back; runs the resume handler or the next action, then the rest of the flow.
   *
   * @throws NotFoundException when no execution has that id or state
   * @throws ConflictException when the execution is not suspended (already resumed or finished)
   */
  ExecutionResult resume(String executionIdOrState, ResumeRequest request);

  /**
   * Runs the given code as the trigger's flow, in order, without deploying or binding it. Always
   * waits for the end, also for async triggers.
   */
  ExecutionResult run(TriggerId trigger, List<AdHocAction> actions, Map<String, Object> event);

  /** A stored execution record. */
  Optional<ExecutionRecord> find(ExecutionId id);
}
