package dev.interlock.core.internal;

import dev.interlock.core.ConflictException;
import dev.interlock.core.EngineBusyException;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.action.Binding;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.FlowSnapshot;
import dev.interlock.core.port.FlowSnapshot.ActionRef;
import dev.interlock.core.port.StoredExecution;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The async side of the engine: accepted executions stored with their event before they are
 * acknowledged, run on the bounded worker pool once claimed (so that two engines never run one
 * twice), retried per binding with backoff, recovered after a crash, and delivered again on
 * request. Also runs {@code submit}'s sync flows on the same pool.
 */
final class AsyncFlows {
  private final TriggerCatalog catalog;
  private final BindingStore bindings;
  private final ExecutionStore executions;
  private final InstantSource clock;
  private final EngineConfig config;
  private final FlowEngine flows;
  private final FlowResolver resolver;
  private final ExecutorService asyncPool;
  private final java.util.concurrent.ScheduledExecutorService retryTimer =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "interlock-retry");
        t.setDaemon(true);
        return t;
      });

  /** An accepted execution: its pending record, and its run on the worker pool. */
  record Accepted(ExecutionRecord pending, CompletableFuture<ExecutionRecord> run) {}

  AsyncFlows(
      TriggerCatalog catalog, BindingStore bindings, ExecutionStore executions, InstantSource clock, EngineConfig config,
      FlowEngine flows, FlowResolver resolver) {
    this.catalog = catalog;
    this.bindings = bindings;
    this.executions = executions;
    this.clock = clock;
    this.config = config;
    this.flows = flows;
    this.resolver = resolver;
    this.asyncPool = WorkerPool.create("interlock-flow", config.asyncWorkers(), config.asyncQueueCapacity());
  }

  /**
   * Stores the execution as pending with its event (so that a restart can run it again), then
   * queues it on the worker pool.
   *
   * @throws EngineBusyException when the worker pool's queue is full
   */
  Accepted accept(TriggerDefinition trigger, List<PreparedAction> flow, Map<String, Object> input, ExecutionId id) {
    Instant created = clock.instant();
    ExecutionRecord pending = pendingRecord(trigger, id, created, flow);
    Map<String, Object> pristine = Json.copyObject(input);
    StoredExecution stored = new StoredExecution(pending, pendingSnapshot(pristine, flow));
    executions.save(stored);
    CompletableFuture<ExecutionRecord> run = startClaimed(trigger, flow, pristine, stored,
        () -> FlowRun.fresh(trigger, flow, input, id, created, config.flowTimeout()), 1);
    return new Accepted(pending, run);
  }

  /** Runs {@code work} on the worker pool. @throws EngineBusyException when its queue is full */
  CompletableFuture<ExecutionRecord> onPool(java.util.function.Supplier<CompletableFuture<ExecutionRecord>> work) {
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
  int startRecovery() {
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
  int recoverPending() {
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
            ? FlowRun.continuing(t, flow, Json.copyObject(input), record, snap.index(), config.flowTimeout())
            : FlowRun.fresh(t, flow, Json.copyObject(input), record.id(), record.createdAt(), config.flowTimeout()), attempt);
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
              () -> FlowRun.continuing(trigger, flow, Json.copyObject(input), record, index, config.flowTimeout()), attempt + 1);
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

  /** Failed async executions whose retries are used up, oldest first. */
  List<ExecutionRecord> exhausted() {
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
  ExecutionResult redeliver(ExecutionId id) {
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
    startClaimed(trigger, flow, input, again,
        () -> FlowRun.continuing(trigger, flow, Json.copyObject(input), record, snap.index(), config.flowTimeout()), 1);
    return ExecutionResult.of(pending);
  }

  private ExecutionRecord pendingRecord(TriggerDefinition trigger, ExecutionId id, Instant created, List<PreparedAction> flow) {
    List<ActionResult> results = new ArrayList<>();
    for (PreparedAction a : flow) {
      results.add(ActionResult.skipped(a.ref().actionId(), a.name(), a.ref().version(), trigger.handler()));
    }
    return new ExecutionRecord(
        id, trigger.id(), trigger.version(), ExecutionStatus.PENDING, created, created, 0, null, results, Map.of(), null);
  }


  /** Stops accepting flows and waits up to {@code timeout} for running ones to finish. */
  void shutdown(java.time.Duration timeout) {
    retryTimer.shutdownNow();
    asyncPool.shutdown();
    try {
      asyncPool.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
