package dev.interlock.core.internal;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.ConflictException;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.InterlockException;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.PlatformException;
import dev.interlock.core.Problem;
import dev.interlock.core.TriggerExecutor;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.FlowSnapshot;
import dev.interlock.core.port.StoredExecution;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link TriggerExecutor} use cases over the ports. */
public final class Engine implements TriggerExecutor, AutoCloseable {
  private final TriggerCatalog catalog;
  private final ActionLoader loader;
  private final ExecutionStore executions;
  private final InstantSource clock;
  private final dev.interlock.core.port.IdGenerator ids;
  private final EngineConfig config;
  private final FlowEngine flows;
  private final AsyncFlows async;
  private final Set<String> resuming = ConcurrentHashMap.newKeySet();
  private final FlowResolver resolver;

  public Engine(
      TriggerCatalog catalog,
      ActionLoader loader,
      ActionStore actions,
      BindingStore bindings,
      ExecutionStore executions,
      dev.interlock.core.port.ActionCache cache,
      InstantSource clock,
      dev.interlock.core.port.IdGenerator ids,
      dev.interlock.core.port.ExecutionObserver observer,
      EngineConfig config,
      dev.interlock.core.port.UserDirectory directory) {
    this.catalog = catalog;
    this.loader = loader;
    this.executions = executions;
    this.clock = clock;
    this.ids = ids;
    this.config = config;
    this.flows = new FlowEngine(config, cache, executions, clock, ids, observer, directory);
    this.resolver = new FlowResolver(loader, actions, bindings);
    this.async = new AsyncFlows(catalog, bindings, executions, clock, config, flows, resolver);
  }

  @Override
  public ExecutionResult execute(TriggerId triggerId, Map<String, Object> event) {
    TriggerDefinition trigger = catalog.require(triggerId);
    Map<String, Object> input = validated(trigger, event);
    List<PreparedAction> flow = resolver.bound(trigger);
    if (trigger.isAsync()) {
      return accept(trigger, flow, input);
    }
    return ExecutionResult.of(await(flows.start(newRun(trigger, flow, input, newExecutionId(), clock.instant()))));
  }

  @Override
  public CompletionStage<ExecutionResult> executeAsync(TriggerId triggerId, Map<String, Object> event) {
    TriggerDefinition trigger = catalog.require(triggerId);
    Map<String, Object> input = validated(trigger, event);
    List<PreparedAction> flow = resolver.bound(trigger);
    if (trigger.isAsync()) {
      return CompletableFuture.completedFuture(accept(trigger, flow, input));
    }
    return flows.start(newRun(trigger, flow, input, newExecutionId(), clock.instant())).handle((record, t) -> {
      if (t != null) {
        throw new CompletionException(failure(t));
      }
      return ExecutionResult.of(record);
    });
  }

  @Override
  public CompletionStage<ExecutionResult> submit(TriggerId triggerId, Map<String, Object> event) {
    TriggerDefinition trigger = catalog.require(triggerId);
    Map<String, Object> input = validated(trigger, event);
    List<PreparedAction> flow = resolver.bound(trigger);
    ExecutionId id = newExecutionId();
    if (trigger.isAsync()) {
      return async.accept(trigger, flow, input, id).run().thenApply(ExecutionResult::of);
    }
    Instant created = clock.instant();
    return async.onPool(() -> flows.start(newRun(trigger, flow, input, id, created))).thenApply(ExecutionResult::of);
  }

  private ExecutionResult accept(TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input) {
    return ExecutionResult.of(async.accept(trigger, flow, input, newExecutionId()).pending());
  }

  /** Recovers pending executions now and then every lease period; returns how many were queued now. */
  public int startRecovery() {
    return async.startRecovery();
  }

  /** Runs again every accepted async execution left unfinished by an engine that stopped; returns how many. */
  public int recoverPending() {
    return async.recoverPending();
  }

  /** Failed async executions whose retries are used up, oldest first. */
  public List<ExecutionRecord> exhausted() {
    return async.exhausted();
  }

  /** Delivers an exhausted execution again, from the action that failed, with a fresh set of attempts. */
  public ExecutionResult redeliver(ExecutionId id) {
    return async.redeliver(id);
  }

  /**
   * Keeps each trigger's resolved and loaded flow in memory instead of reading the stores on every
   * execution. Only sound when every change reaches {@link #invalidateFlows()}: the administration
   * calls it on deploy and binding changes, a {@link dev.interlock.core.port.ChangeFeed} for changes
   * made elsewhere.
   */
  public void enableFlowCache() {
    resolver.enableCache();
  }

  /** Drops the resolved flows; the next execution of each trigger reads the stores again. */
  public void invalidateFlows() {
    resolver.invalidate();
  }

  @Override
  public ExecutionResult run(TriggerId triggerId, List<AdHocAction> code, Map<String, Object> event) {
    TriggerDefinition trigger = catalog.require(triggerId);
    Map<String, Object> input = validated(trigger, event);
    if (code.size() > config.maxActionsPerTrigger()) {
      throw new InvalidRequestException(
          "too_many_actions", "a flow runs at most " + config.maxActionsPerTrigger() + " actions, got " + code.size());
    }
    List<PreparedAction> flow = new ArrayList<>();
    for (AdHocAction a : code) {
      flow.add(loader.adHoc(a, trigger));
    }
    return ExecutionResult.of(await(flows.start(newRun(trigger, flow, input, newExecutionId(), clock.instant()))));
  }

  @Override
  public ExecutionResult resume(String executionIdOrState, ResumeRequest request) {
    StoredExecution stored = findStored(executionIdOrState);
    ExecutionRecord record = stored.record();
    if (record.status() != ExecutionStatus.SUSPENDED || stored.snapshot() == null) {
      throw new ConflictException(
          "execution_not_suspended",
          "execution " + record.id() + " is " + record.status().json() + "; only a suspended execution can be resumed");
    }
    if (!resuming.add(record.id().value())) {
      throw new ConflictException("execution_resuming", "execution " + record.id() + " is being resumed already");
    }
    try {
      TriggerDefinition trigger = catalog.require(record.triggerId());
      FlowSnapshot snap = stored.snapshot();
      List<PreparedAction> flow = resolver.snapshot(snap.actions(), trigger);
      Map<String, Object> flowState = Json.copyObject(snap.flowState());
      long now = System.nanoTime();
      FlowRun run =
          new FlowRun(
              trigger, record.id(), record.createdAt(), now, now + config.flowTimeout().toNanos(), flow,
              record.results().toArray(new ActionResult[0]), snap.event(), flowState, record.durationMs());
      run.event = trigger.behavior().resumedEvent(snap.event(), request, flowState);
      run.index = snap.index();
      run.resume = request;
      run.resumeIndex = snap.index();
      run.resumeSame = snap.resumeSame();
      if (!snap.resumeSame() && snap.index() > 0) {
        // the challenged action has passed its challenge: it completed
        int i = snap.index() - 1;
        ActionResult r = run.results[i];
        run.results[i] = new ActionResult(r.actionId(), r.actionName(), r.version(), r.handler(),
            dev.interlock.core.execution.ActionStatus.COMPLETED, r.startedAt(), r.endedAt(), r.durationMs(),
            r.commands(), r.logs(), r.logsTruncated(), r.error());
        run.resumeIndex = -1;
      }
      return ExecutionResult.of(await(flows.start(run)));
    } finally {
      resuming.remove(record.id().value());
    }
  }

  private StoredExecution findStored(String idOrState) {
    if (idOrState == null || idOrState.isBlank()) {
      throw new InvalidRequestException("invalid_resume", "an execution id or continuation state is required");
    }
    Optional<StoredExecution> found =
        idOrState.startsWith("exec_") ? executions.find(new ExecutionId(idOrState)) : Optional.empty();
    if (found.isEmpty()) {
      found = executions.findByState(idOrState);
    }
    return found.orElseThrow(
        () -> new NotFoundException("execution_not_found", "no execution with id or state '" + idOrState + "'"));
  }

  @Override
  public Optional<ExecutionRecord> find(ExecutionId id) {
    return executions.find(id).map(StoredExecution::record);
  }

  private FlowRun newRun(
      TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input, ExecutionId id, Instant created) {
    return FlowRun.fresh(trigger, flow, input, id, created, config.flowTimeout());
  }

  private ExecutionId newExecutionId() {
    return new ExecutionId(ids.newId("exec"));
  }

  private static ExecutionRecord await(CompletableFuture<ExecutionRecord> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw failure(e);
    }
  }

  /** What a flow that ended with {@code t} reports: its InterlockException, or a platform failure. */
  private static InterlockException failure(Throwable t) {
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (c instanceof InterlockException ie) {
      return ie;
    }
    return new PlatformException("the flow could not be completed: " + c, c);
  }

  /** Deep copy, validation against the contract, defaults. */
  static Map<String, Object> validated(TriggerDefinition trigger, Map<String, Object> event) {
    if (event == null) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_EVENT.json(), "an event object is required", List.of(new Problem("$", "is required")));
    }
    Map<String, Object> copy = Json.copyObject(event);
    List<Problem> problems = trigger.event().validateDroppingNulls(copy);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_EVENT.json(),
          "the event does not fit trigger " + trigger.id() + " " + trigger.version() + " (" + problems.size()
              + (problems.size() == 1 ? " problem)" : " problems)"),
          problems);
    }
    trigger.event().applyDefaults(copy);
    return copy;
  }

  /** Stops accepting async flows and waits up to {@code timeout} for running ones to finish. */
  public void shutdown(java.time.Duration timeout) {
    async.shutdown(timeout);
  }

  @Override
  public void close() {
    shutdown(config.flowTimeout());
  }
}
