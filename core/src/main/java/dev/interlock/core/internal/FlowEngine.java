package dev.interlock.core.internal;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.Continuation;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionError;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.execution.LogEntry;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.core.port.ActionCache;
import dev.interlock.core.port.ExecutionObserver;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.FlowSnapshot;
import dev.interlock.core.port.IdGenerator;
import dev.interlock.core.port.Invocation;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.StoredExecution;
import dev.interlock.core.port.UserDirectory;
import dev.interlock.core.trigger.ActionStep;
import dev.interlock.core.trigger.FlowEffect;
import dev.interlock.core.trigger.FlowSummary;
import dev.interlock.core.trigger.TriggerDefinition;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a flow's actions in order and produces its record: the rules of {@code common.md} section 4
 * in one place. Actions whose runtime completes synchronously run in a plain loop on the calling
 * thread; an action that completes later continues the loop on the thread that completes it.
 */
final class FlowEngine {
  private static final long TIMEOUT_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final EngineConfig config;
  private final ActionCache cache;
  private final ExecutionStore store;
  private final InstantSource clock;
  private final IdGenerator ids;
  private final ExecutionObserver observer;
  private final UserDirectory directory;

  FlowEngine(
      EngineConfig config,
      ActionCache cache,
      ExecutionStore store,
      InstantSource clock,
      IdGenerator ids,
      ExecutionObserver observer,
      UserDirectory directory) {
    this.directory = directory;
    this.config = config;
    this.cache = cache;
    this.store = store;
    this.clock = clock;
    this.ids = ids;
    this.observer = observer;
  }

  /** Runs from {@code run.index} to the end or the first stop; completes with the saved record. */
  CompletableFuture<ExecutionRecord> start(FlowRun run) {
    CompletableFuture<ExecutionRecord> done = new CompletableFuture<>();
    advance(run, done);
    return done;
  }

  private void advance(FlowRun run, CompletableFuture<ExecutionRecord> done) {
    try {
      while (run.index < run.actions.size()) {
        Step step = begin(run);
        if (!step.outcome.isDone()) {
          step.outcome.whenComplete(
              (o, t) -> {
                try {
                  if (finish(run, step, o, t)) {
                    complete(run, done);
                  } else {
                    run.index++;
                    advance(run, done);
                  }
                } catch (Throwable x) {
                  done.completeExceptionally(x);
                }
              });
          return;
        }
        InvocationOutcome o;
        Throwable t = null;
        try {
          o = step.outcome.join();
        } catch (CompletionException e) {
          o = null;
          t = e.getCause();
        }
        if (finish(run, step, o, t)) {
          break;
        }
        run.index++;
      }
      complete(run, done);
    } catch (Throwable x) {
      done.completeExceptionally(x);
    }
  }

  /** One action in progress. */
  private record Step(
      PreparedAction action,
      String handler,
      Map<String, Object> event,
      ApiSessionImpl session,
      CappedConsole console,
      Redactor redactor,
      Instant startedAt,
      long startNanos,
      CompletableFuture<InvocationOutcome> outcome) {}

  private Step begin(FlowRun run) {
    PreparedAction action = run.actions.get(run.index);
    boolean resumingSame = run.resumeSame && run.index == run.resumeIndex;
    String handler = resumingSame ? run.trigger.resumeHandler() : run.trigger.handler();
    Map<String, Object> event = new LinkedHashMap<>(run.event);
    event.put("secrets", new LinkedHashMap<String, Object>(action.secrets()));
    event.put("configuration", new LinkedHashMap<String, Object>(action.configuration()));
    Redactor redactor = run.redactor(run.index);
    if (run.recorded == null) {
      run.recorded = new ResultBudget(config.results());
    }
    CappedConsole console = new CappedConsole(config.logLimitBytes(), redactor, run.recorded);
    ApiSessionImpl session =
        new ApiSessionImpl(
            run.trigger,
            run.id.value(),
            action.name(),
            event,
            run.flowState,
            new TriggerCacheAccess(cache, run.trigger.id(), config.cache(), clock),
            clock,
            () -> run.state == null ? (run.state = ids.newId("state")) : run.state,
            run.index == run.resumeIndex ? run.resume : null,
            directory,
            run.recorded);
    Instant startedAt = clock.instant();
    long now = System.nanoTime();
    long deadline = Math.min(run.deadlineNanos, now + config.actionTimeout().toNanos());
    CompletableFuture<InvocationOutcome> outcome;
    if (now - run.deadlineNanos >= 0) {
      outcome = failed(ErrorCode.ACTION_TIMEOUT, "TimeoutError",
          "the flow ran out of its " + config.flowTimeout().toMillis() + " ms budget before this action started");
    } else if (action.loadError() != null) {
      outcome = failed(ErrorCode.ACTION_LOAD, "ActionLoadError", action.loadError().describe());
    } else if (handler == null) {
      outcome = failed(ErrorCode.ACTION_LOAD, "ActionLoadError",
          "trigger " + run.trigger.id() + " has no resume handler");
    } else {
      try {
        outcome =
            action.loaded()
                .invoke(new Invocation(handler, event, session, console, deadline))
                .toCompletableFuture();
        if (!outcome.isDone()) {
          outcome = outcome.orTimeout(
              Math.max(0, deadline - System.nanoTime()) + TIMEOUT_GRACE_NANOS, TimeUnit.NANOSECONDS);
        }
      } catch (RuntimeException | StackOverflowError e) {
        outcome = CompletableFuture.failedFuture(e);
      }
    }
    return new Step(action, handler, event, session, console, redactor, startedAt, now, outcome);
  }

  private static CompletableFuture<InvocationOutcome> failed(ErrorCode code, String name, String message) {
    return CompletableFuture.completedFuture(new InvocationOutcome.Failure(code, ScriptError.of(name, message)));
  }

  /** Records the finished action; true when the flow stops here (failed, denied, suspended). */
  private boolean finish(FlowRun run, Step step, InvocationOutcome outcome, Throwable thrown) {
    if (thrown != null) {
      outcome =
          thrown instanceof TimeoutException
              ? new InvocationOutcome.Failure(
                  ErrorCode.ACTION_TIMEOUT, ScriptError.of("TimeoutError", "the action did not finish before its deadline"))
              : new InvocationOutcome.Failure(
                  ErrorCode.PLATFORM_ERROR, ScriptError.of("PlatformError", "the script runtime failed: " + thrown));
    }
    ApiSessionImpl session = step.session;
    if (session.limitExceeded() != null && !(outcome instanceof InvocationOutcome.Failure f && f.code() == ErrorCode.ACTION_LIMIT)) {
      // the script may have caught the RangeError; a call too large to record still fails the action
      outcome = new InvocationOutcome.Failure(ErrorCode.ACTION_LIMIT, ScriptError.of("LimitError", session.limitExceeded()));
    }
    ActionStatus status;
    ScriptError error = null;
    if (outcome instanceof InvocationOutcome.Failure f) {
      status = ActionStatus.FAILED;
      int max = config.results().maxErrorChars();
      // cut beyond any secret (4 KiB at most) before masking, which copies; then to the limit
      error = bounded(step.redactor.redact(bounded(f.error(), max + 8192)), max);
      // masked again as a whole: a name and a message can each hold half of a secret
      String message = step.redactor.redact(FailureMessage.describe(step.action.name(), f.code(), error));
      run.error = new ExecutionError(f.code(), message, step.action.name());
    } else if (session.stopRequested()) {
      status = ActionStatus.DENIED;
    } else if (session.suspension() != null) {
      status = ActionStatus.SUSPENDED;
    } else {
      status = ActionStatus.COMPLETED;
    }
    ActionResult result = merge(run, step, status, error);
    run.results[run.index] = result;
    observer.actionFinished(run.trigger, step.redactor.redact(result));

    switch (status) {
      case FAILED, DENIED -> {
        skipRest(run);
        return true;
      }
      case SUSPENDED -> {
        suspend(run, session, result);
        return true;
      }
      default -> {
        run.event = run.trigger.behavior().nextEvent(run.event, new ActionStep(result, run.flowState));
        return false;
      }
    }
  }

  /** On a resumed action, the new invocation extends the entry of its first one. */
  private ActionResult merge(FlowRun run, Step step, ActionStatus status, ScriptError error) {
    ActionResult previous = run.index == run.resumeIndex ? run.results[run.index] : null;
    List<Command> commands = new ArrayList<>();
    List<LogEntry> logs = new ArrayList<>();
    Instant startedAt = step.startedAt;
    double duration = (System.nanoTime() - step.startNanos) / 1e6;
    boolean truncated = step.console.truncated();
    if (previous != null && previous.status() != ActionStatus.SKIPPED) {
      commands.addAll(previous.commands());
      logs.addAll(previous.logs());
      startedAt = previous.startedAt();
      duration += previous.durationMs();
      truncated |= previous.logsTruncated();
    }
    commands.addAll(step.session.recorded());
    logs.addAll(step.console.entries());
    PreparedAction a = step.action;
    return new ActionResult(
        a.ref().actionId(), a.name(), a.ref().version(), step.handler, status, startedAt, clock.instant(),
        duration, commands, logs, truncated, error);
  }

  private void suspend(FlowRun run, ApiSessionImpl session, ActionResult result) {
    boolean same = session.suspension() == FlowEffect.SUSPEND_RESUME_SAME;
    if (run.state == null) {
      run.state = ids.newId("state");
    }
    // Auth0 applies the action's pending effects (metadata writes) before the user leaves, so the
    // resumed handler sees them as well as the next action does.
    Map<String, Object> event = run.trigger.behavior().nextEvent(run.event, new ActionStep(result, run.flowState));
    List<FlowSnapshot.ActionRef> refs = new ArrayList<>();
    run.actions.forEach(a -> refs.add(a.ref()));
    run.snapshot = new FlowSnapshot(event, run.flowState, refs, same ? run.index : run.index + 1, same);
    run.redirectUrl = session.redirectUrl();
    run.suspensionDetails = session.suspensionDetails();
    run.resumeHandlerOnSuspend = same ? run.trigger.resumeHandler() : null;
    for (int i = run.index + 1; i < run.actions.size(); i++) {
      run.results[i] = null;
    }
  }

  private void skipRest(FlowRun run) {
    for (int i = run.index + 1; i < run.actions.size(); i++) {
      PreparedAction a = run.actions.get(i);
      run.results[i] = ActionResult.skipped(a.ref().actionId(), a.name(), a.ref().version(), run.trigger.handler());
    }
  }

  private void complete(FlowRun run, CompletableFuture<ExecutionRecord> done) {
    List<ActionResult> results = new ArrayList<>();
    for (int i = 0; i < run.results.length; i++) {
      ActionResult r = run.results[i];
      if (r == null) {
        PreparedAction a = run.actions.get(i);
        // not reached (yet, when suspended): listed as skipped until a resume runs it
        r = ActionResult.skipped(a.ref().actionId(), a.name(), a.ref().version(), run.trigger.handler());
      }
      results.add(r);
    }
    ExecutionStatus status = statusOf(run, results);
    Map<String, Object> outcome;
    try {
      FlowSummary summary = new FlowSummary(run.initialEvent, results, run.flowState, status);
      if (status == ExecutionStatus.COMPLETED) {
        var problem = run.trigger.behavior().completionProblem(summary);
        if (problem.isPresent()) {
          String last = results.isEmpty() ? null : results.get(results.size() - 1).actionName();
          run.error = new ExecutionError(ErrorCode.ACTION_ERROR, redactAll(run, problem.get()), last);
          status = ExecutionStatus.FAILED;
          summary = new FlowSummary(run.initialEvent, results, run.flowState, status);
        }
      }
      outcome = run.trigger.behavior().outcome(summary);
    } catch (RuntimeException e) {
      run.error = new ExecutionError(ErrorCode.PLATFORM_ERROR, redactAll(run, "computing the outcome failed: " + e), null);
      status = ExecutionStatus.FAILED;
      outcome = Map.of();
    }
    List<ActionResult> recorded = withoutSecrets(run, results);
    Continuation continuation =
        status == ExecutionStatus.SUSPENDED
            ? new Continuation(run.state, run.redirectUrl, run.resumeHandlerOnSuspend, run.suspensionDetails)
            : null;
    Instant now = clock.instant();
    double duration = run.priorDurationMs + (System.nanoTime() - run.startNanos) / 1e6;
    ExecutionRecord record =
        new ExecutionRecord(
            run.id, run.trigger.id(), run.trigger.version(), status, run.createdAt, now, duration,
            run.error, recorded, outcome, continuation);
    store.save(new StoredExecution(record, status == ExecutionStatus.SUSPENDED ? run.snapshot : null));
    try {
      observer.executionFinished(run.trigger, record);
    } catch (RuntimeException ignored) {
      // observers must not change an execution's result
    }
    done.complete(record);
  }

  /**
   * The results as recorded: secret values of each action masked in its command arguments. The
   * outcome is computed from the unmasked commands, since the caller must apply what the action
   * deliberately passed on (for example a Duo secret key given to {@code multifactor.enable}).
   */
  private static List<ActionResult> withoutSecrets(FlowRun run, List<ActionResult> results) {
    List<ActionResult> out = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      out.add(run.redactor(i).redact(results.get(i)));
    }
    return out;
  }

  /** A flow-level message (no single action's): masked with every action's secrets. */
  private static String redactAll(FlowRun run, String message) {
    String out = message;
    for (int i = 0; i < run.actions.size(); i++) {
      out = run.redactor(i).redact(out);
    }
    return out;
  }

  private static ExecutionStatus statusOf(FlowRun run, List<ActionResult> results) {
    if (run.error != null) {
      return ExecutionStatus.FAILED;
    }
    if (run.snapshot != null) {
      return ExecutionStatus.SUSPENDED;
    }
    for (ActionResult r : results) {
      if (r.status() == ActionStatus.DENIED) {
        return ExecutionStatus.DENIED;
      }
    }
    return ExecutionStatus.COMPLETED;
  }

  /** An error's name, message and stack cut to {@code max} characters each (a script can throw anything). */
  private static ScriptError bounded(ScriptError e, int max) {
    String message = e.message();
    String stack = e.stack();
    String name = e.name();
    if ((message == null || message.length() <= max) && (stack == null || stack.length() <= max)
        && (name == null || name.length() <= max)) {
      return e;
    }
    return new ScriptError(cut(name, max), cut(message, max), cut(stack, max));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max) + "... (truncated)";
  }
}
