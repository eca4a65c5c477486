package dev.interlock.core.internal;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.ConflictException;
import dev.interlock.core.EngineBusyException;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.InterlockException;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.PlatformException;
import dev.interlock.core.Problem;
import dev.interlock.core.TriggerExecutor;
import dev.interlock.core.action.Binding;
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
import dev.interlock.core.port.FlowSnapshot.ActionRef;
import dev.interlock.core.port.StoredExecution;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/** The {@link TriggerExecutor} use cases over the ports. */
public final class Engine implements TriggerExecutor, AutoCloseable {
  private final TriggerCatalog catalog;
  private final ActionLoader loader;
  private final ActionStore actions;
  private final BindingStore bindings;
  private final ExecutionStore executions;
  private final InstantSource clock;
  private final dev.interlock.core.port.IdGenerator ids;
  private final EngineConfig config;
  private final FlowEngine flows;
  private final ExecutorService asyncPool;
  private final Set<String> resuming = ConcurrentHashMap.newKeySet();
  private final FlowResolver resolver;
  private final java.util.concurrent.ScheduledExecutorService retryTimer =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "interlock-retry");
        t.setDaemon(true);
        return t;
      });

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
    this.actions = actions;
    this.bindings = bindings;
    this.executions = executions;
    this.clock = clock;
    this.ids = ids;
    this.config = config;
    this.flows = new FlowEngine(config, cache, executions, clock, ids, observer, directory);
    this.resolver = new FlowResolver(loader, actions, bindings);
    this.asyncPool = WorkerPool.create("interlock-flow", config.asyncWorkers(), config.asyncQueueCapacity());
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
    Instant created = clock.instant();
    if (trigger.isAsync()) {
      Map<String, Object> pristine = Json.copyObject(input);
      StoredExecution pending = new StoredExecution(pendingRecord(trigger, id, created, flow), pendingSnapshot(pristine, flow));
      executions.save(pending);
      return startClaimed(trigger, flow, pristine, pending, () -> newRun(trigger, flow, input, id, created), 1)
          .thenApply(ExecutionResult::of);
    }
    return onPool(() -> flows.start(newRun(trigger, flow, input, id, created)))
        .thenApply(ExecutionResult::of);
  }

  private ExecutionResult accept(TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input) {
    ExecutionId id = newExecutionId();
    Instant created = clock.instant();
    ExecutionRecord pending = pendingRecord(trigger, id, created, flow);
    // stored with its event before it is acknowledged, so that a restart can run it again
    Map<String, Object> pristine = Json.copyObject(input);
    StoredExecution stored = new StoredExecution(pending, pendingSnapshot(pristine, flow));
    executions.save(stored);
    startClaimed(trigger, flow, pristine, stored, () -> newRun(trigger, flow, input, id, created), 1);
    return ExecutionResult.of(pending);
  }

  private CompletableFuture<ExecutionRecord> onPool(java.util.function.Supplier<CompletableFuture<ExecutionRecord>> work) {
    CompletableFuture<ExecutionRecord> result = new CompletableFuture<>();
    try {
      asyncPool.execute(
          () -> {
            try {
              work.get().whenComplete((r, t) -> {
                if (t != null) {
                  result.completeExceptionally(t);
                } else {
                  result.complete(r);
                }
              });
            } catch (Throwable t) {
              result.completeExceptionally(t);
            }
          });
    } catch (RejectedExecutionException e) {
      throw new EngineBusyException(
          "the async flow queue is full (" + config.asyncQueueCapacity() + " waiting); retry later");
    }
    return result;
  }

  private static FlowSnapshot pendingSnapshot(Map<String, Object> input, List<PreparedAction> flow) {
    List<ActionRef> refs = new ArrayList<>(flow.size());
    for (PreparedAction a : flow) {
      refs.add(a.ref());
    }
    return new FlowSnapshot(input, Map.of(), refs, 0, false);
  }

  /**
   * Runs a stored pending execution on the worker pool once this engine has claimed it (moved its
   * {@code updated_at} from the value it was stored with); when another engine claimed it first,
   * completes with what is stored instead of running it twice.
   */
  private CompletableFuture<ExecutionRecord> startClaimed(
      TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input, StoredExecution pending,
      java.util.function.Supplier<FlowRun> run, int attempt) {
    return onPool(() -> {
      ExecutionRecord r = pending.record();
      Instant before = r.updatedAt();
      long nowMs = clock.instant().toEpochMilli();
      if (before != null && nowMs <= before.toEpochMilli()) {
        nowMs = before.toEpochMilli() + 1;
      }
      ExecutionRecord claimed = new ExecutionRecord(r.id(), r.triggerId(), r.triggerVersion(), ExecutionStatus.PENDING,
          r.createdAt(), Instant.ofEpochMilli(nowMs), r.durationMs(), null, r.results(), Map.of(), null);
      if (!executions.claim(new StoredExecution(claimed, pending.snapshot()), before)) {
        return CompletableFuture.completedFuture(executions.find(r.id()).map(StoredExecution::record).orElse(r));
      }
      CompletableFuture<ExecutionRecord> started = flows.start(run.get());
      watchAsync(trigger, flow, input, started, attempt);
      return started;
    });
  }

  /** How long a claimed pending execution belongs to the engine that claimed it. */
  private java.time.Duration lease() {
    return config.flowTimeout().multipliedBy(2);
  }

  /**
   * Recovers pending executions now and then every lease period (twice the flow timeout): those
   * accepted or claimed by an engine that has not touched them for a lease period (it crashed or
   * stopped). Returns how many were queued now.
   */
  public int startRecovery() {
    int now = recoverPending();
    long ms = Math.max(1, lease().toMillis());
    try {
      retryTimer.scheduleWithFixedDelay(() -> {
        try {
          recoverPending();
        } catch (RuntimeException e) {
          // the store is unavailable: the next sweep tries again
        }
      }, ms, ms, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // shutting down
    }
    return now;
  }

  /**
   * Runs again, on the worker pool, every accepted async execution that an engine stored but did
   * not finish and has not touched for a lease period (crash or restart). Returns how many were
   * queued.
   */
  public int recoverPending() {
    int n = 0;
    Instant expired = clock.instant().minus(lease());
    for (StoredExecution stored : executions.pending()) {
      FlowSnapshot snap = stored.snapshot();
      ExecutionRecord record = stored.record();
      if (record.updatedAt() != null && record.updatedAt().isAfter(expired)) {
        continue; // an engine may be working on it
      }
      Optional<TriggerDefinition> trigger = catalog.find(record.triggerId());
      if (snap == null || trigger.isEmpty()) {
        continue;
      }
      List<PreparedAction> flow = resolver.snapshot(snap.actions(), trigger.get());
      Map<String, Object> input = Json.copyObject(snap.event());
      int attempt = snap.flowState().get(ATTEMPT) instanceof Number a ? a.intValue() : 1;
      try {
        TriggerDefinition t = trigger.get();
        startClaimed(t, flow, input, stored, () -> snap.index() > 0
            ? runFrom(t, flow, Json.copyObject(input), record, snap.index())
            : newRun(t, flow, Json.copyObject(input), record.id(), record.createdAt()), attempt);
        n++;
      } catch (EngineBusyException e) {
        break; // the rest stays pending and is picked up at the next start
      }
    }
    return n;
  }

  private static final String ATTEMPT = "attempt";

  /** After an async attempt: retry the failed action when its binding asks for it. */
  private void watchAsync(
      TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input,
      CompletableFuture<ExecutionRecord> attemptRun, int attempt) {
    attemptRun.whenComplete((record, thrown) -> {
      if (record != null && record.status() == ExecutionStatus.FAILED) {
        try {
          afterFailedAttempt(trigger, flow, input, record, attempt);
        } catch (RuntimeException e) {
          // the store failed: the failed record stands, as it would without a retry policy
        }
      }
    });
  }

  private void afterFailedAttempt(
      TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input, ExecutionRecord record, int attempt) {
    int failed = -1;
    for (int i = 0; i < record.results().size() && i < flow.size(); i++) {
      if (record.results().get(i).status() == dev.interlock.core.execution.ActionStatus.FAILED) {
        failed = i;
        break;
      }
    }
    if (failed < 0) {
      return;
    }
    dev.interlock.core.action.RetryPolicy policy = retryPolicyOf(trigger, flow.get(failed).ref().actionId());
    if (!policy.enabled()) {
      return;
    }
    // every attempt keeps its own record, readable by id
    executions.save(new StoredExecution(new ExecutionRecord(
        new ExecutionId(record.id().value() + "-attempt-" + attempt), record.triggerId(), record.triggerVersion(),
        record.status(), record.createdAt(), record.updatedAt(), record.durationMs(), record.error(), record.results(),
        record.outcome(), null), null));
    if (attempt >= policy.maxAttempts()) {
      // exhausted: kept with its snapshot, so that it is listed and can be delivered again
      executions.save(new StoredExecution(record, retrySnapshot(input, flow, failed, attempt)));
      return;
    }
    int index = failed;
    ExecutionRecord waiting = new ExecutionRecord(record.id(), record.triggerId(), record.triggerVersion(),
        ExecutionStatus.PENDING, record.createdAt(), clock.instant(), record.durationMs(), null, record.results(),
        Map.of(), null);
    StoredExecution waitingStored = new StoredExecution(waiting, retrySnapshot(input, flow, index, attempt + 1));
    executions.save(waitingStored);
    try {
      retryTimer.schedule(() -> {
        try {
          startClaimed(trigger, flow, input, waitingStored,
              () -> runFrom(trigger, flow, Json.copyObject(input), record, index), attempt + 1);
        } catch (EngineBusyException e) {
          // stays pending in the store; the next start recovers it
        }
      }, policy.backoffBefore(attempt + 1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // shutting down: stays pending in the store; the next start recovers it
    }
  }

  private static FlowSnapshot retrySnapshot(Map<String, Object> input, List<PreparedAction> flow, int index, int attempt) {
    List<ActionRef> refs = new ArrayList<>(flow.size());
    for (PreparedAction a : flow) {
      refs.add(a.ref());
    }
    return new FlowSnapshot(input, Map.of(ATTEMPT, (long) attempt), refs, index, false);
  }

  private dev.interlock.core.action.RetryPolicy retryPolicyOf(TriggerDefinition trigger, String actionId) {
    if (actionId == null) {
      return dev.interlock.core.action.RetryPolicy.NONE;
    }
    for (Binding b : bindings.get(trigger.id()).bindings()) {
      if (b.action().value().equals(actionId)) {
        return b.retry();
      }
    }
    return dev.interlock.core.action.RetryPolicy.NONE;
  }

  /** A run that continues a stored execution at {@code index}, keeping the results before it. */
  private FlowRun runFrom(
      TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input, ExecutionRecord record, int index) {
    ActionResult[] results = new ActionResult[flow.size()];
    for (int i = 0; i < index && i < record.results().size(); i++) {
      results[i] = record.results().get(i);
    }
    long now = System.nanoTime();
    FlowRun run = new FlowRun(trigger, record.id(), record.createdAt(), now, now + config.flowTimeout().toNanos(), flow,
        results, input, new LinkedHashMap<>(), record.durationMs());
    run.index = index;
    return run;
  }

  /** Failed async executions whose retries are used up, oldest first. */
  public List<ExecutionRecord> exhausted() {
    List<ExecutionRecord> out = new ArrayList<>();
    for (StoredExecution e : executions.exhausted()) {
      out.add(e.record());
    }
    return out;
  }

  /**
   * Delivers an exhausted execution again: from the action that failed, with a fresh set of
   * attempts, on the worker pool.
   */
  public ExecutionResult redeliver(ExecutionId id) {
    StoredExecution stored = executions.find(id).orElseThrow(
        () -> new NotFoundException("execution_not_found", "no execution with id '" + id + "'"));
    FlowSnapshot snap = stored.snapshot();
    ExecutionRecord record = stored.record();
    if (record.status() != ExecutionStatus.FAILED || snap == null) {
      throw new ConflictException("execution_not_redeliverable", "execution " + id + " is " + record.status().json()
          + "; only a failed async execution whose retries are used up can be delivered again");
    }
    TriggerDefinition trigger = catalog.require(record.triggerId());
    List<PreparedAction> flow = resolver.snapshot(snap.actions(), trigger);
    Map<String, Object> input = Json.copyObject(snap.event());
    ExecutionRecord pending = new ExecutionRecord(record.id(), record.triggerId(), record.triggerVersion(),
        ExecutionStatus.PENDING, record.createdAt(), clock.instant(), record.durationMs(), null, record.results(),
        Map.of(), null);
    StoredExecution again = new StoredExecution(pending, new FlowSnapshot(input, Map.of(ATTEMPT, 1L), snap.actions(),
        snap.index(), false));
    executions.save(again);
    startClaimed(trigger, flow, input, again, () -> runFrom(trigger, flow, Json.copyObject(input), record, snap.index()), 1);
    return ExecutionResult.of(pending);
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

  private ExecutionRecord pendingRecord(TriggerDefinition trigger, ExecutionId id, Instant created, List<PreparedAction> flow) {
    List<ActionResult> results = new ArrayList<>();
    for (PreparedAction a : flow) {
      results.add(ActionResult.skipped(a.ref().actionId(), a.name(), a.ref().version(), trigger.handler()));
    }
    return new ExecutionRecord(
        id, trigger.id(), trigger.version(), ExecutionStatus.PENDING, created, created, 0, null, results, Map.of(), null);
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
    long now = System.nanoTime();
    return new FlowRun(
        trigger, id, created, now, now + config.flowTimeout().toNanos(), flow, new ActionResult[flow.size()],
        input, new LinkedHashMap<>(), 0);
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
    List<Problem> problems = trigger.event().validate(copy);
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
    retryTimer.shutdownNow();
    asyncPool.shutdown();
    try {
      asyncPool.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown(config.flowTimeout());
  }
}
