package dev.interlock.adapter.rhino.internal;

import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.core.port.Invocation;
import dev.interlock.core.port.InvocationOutcome;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.trigger.ApiContract;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.WrappedException;

/**
 * One compiled action. Each invocation gets a new Context and a fresh scope on top of the shared
 * one, and runs the module's top-level code there before calling the handler: module state is
 * never shared between executions (unlike Node's per-instance module cache, which Auth0 says not
 * to rely on), at the price of re-running top-level code each time. A top-level throw fails every
 * execution with {@code action_load}, as on Auth0.
 */
final class RhinoLoadedAction implements LoadedAction {
  /** Node's {@code __filename} and {@code __dirname} of the action's module. */
  private static final String FILENAME = "/" + Transpiler.INPUT_NAME;
  private static final String DIRNAME = "/";
  private final RhinoConfig config;
  private final SandboxContextFactory factory;
  private final SharedScope shared;
  private final Script script;
  private final ModuleShape shape;
  private final ErrorMapper errors;
  private final Scriptable api;
  private final ApiContract contract;
  private final java.util.Map<String, String> dependencies;
  /** The action's npm packages, or null. */
  private final PackageLoader packages;

  RhinoLoadedAction(
      RhinoConfig config, SandboxContextFactory factory, SharedScope shared, Script script, ModuleShape shape,
      ErrorMapper errors, Scriptable api, ApiContract contract, java.util.Map<String, String> dependencies,
      PackageLoader packages) {
    this.packages = packages;
    this.config = config;
    this.factory = factory;
    this.shared = shared;
    this.script = script;
    this.shape = shape;
    this.errors = errors;
    this.api = api;
    this.contract = contract;
    this.dependencies = dependencies;
  }

  @Override
  public CompletionStage<InvocationOutcome> invoke(Invocation invocation) {
    Run run = new Run(invocation);
    run.slice();
    return run.result;
  }

  /**
   * One invocation, run in slices: the first on the caller's thread, each later one on a worker
   * thread once a host operation completes or a timer is due. Between slices the execution holds
   * no thread, so an action waiting for an HTTP response does not stop other executions. Slices
   * never overlap: {@link #wake} starts one only from {@code SUSPENDED}, and a wake-up that
   * arrives while a slice runs makes that slice go round once more instead.
   */
  private final class Run implements Runnable, Watchdog.Slice {
    private static final int RUNNING = 0;
    private static final int RUNNING_WOKEN = 1;
    private static final int SUSPENDED = 2;
    private static final int DONE = 3;

    final CompletableFuture<InvocationOutcome> result = new CompletableFuture<>();
    private final Invocation invocation;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private Execution execution;
    private ScheduledFuture<?> timer;

    Run(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public long deadlineNanos() {
      return invocation.deadlineNanos();
    }

    @Override
    public void expire() {
      result.complete(new InvocationOutcome.Failure(ErrorCode.ACTION_TIMEOUT, ScriptError.of("TimeoutError",
          "the action ran past its deadline inside a single built-in call")));
    }

    /** A later slice, on a worker thread. */
    @Override
    public void run() {
      slice();
    }

    void slice() {
      while (true) {
        if (result.isDone()) {
          // The engine gave up on this action (its own timeout completed the result first).
          end();
          return;
        }
        InvocationOutcome outcome;
        Watchdog.started(this);
        try {
          outcome = runSlice();
        } catch (RuntimeException | Error e) {
          end();
          result.completeExceptionally(e);
          return;
        } finally {
          Watchdog.ended(this);
        }
        if (outcome != null) {
          end();
          result.complete(outcome);
          return;
        }
        execution.budget().pause();
        scheduleWake(JobLoop.wakeAt(execution));
        if (state.compareAndSet(RUNNING, SUSPENDED)) {
          return;
        }
        state.set(RUNNING); // woken while this slice ran: go round again at once
      }
    }

    private void end() {
      state.set(DONE);
      if (execution != null) {
        execution.cancelHostOps();
      }
      cancelTimer();
    }

    /** Called on any thread when the execution may be able to make progress. */
    void wake() {
      while (true) {
        int s = state.get();
        if (s == SUSPENDED) {
          if (state.compareAndSet(SUSPENDED, RUNNING)) {
            try {
              Workers.POOL.execute(this);
            } catch (java.util.concurrent.RejectedExecutionException e) {
              state.set(SUSPENDED);
            }
            return;
          }
        } else if (s == RUNNING) {
          if (state.compareAndSet(RUNNING, RUNNING_WOKEN)) {
            return;
          }
        } else {
          return;
        }
      }
    }

    private void scheduleWake(long atNanos) {
      cancelTimer();
      timer = Workers.TIMER.schedule(this::wake, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }

    /** Runs one slice; the outcome, or null when the execution waits. */
    private InvocationOutcome runSlice() {
      Context entered = factory.enterContext();
      if (!(entered instanceof SandboxContextFactory.SandboxContext cx)) {
        // Rhino reuses a Context already entered on this thread; a foreign one has none of the limits.
        Context.exit();
        throw new IllegalStateException("a non-sandbox Rhino Context is active on this thread; run actions elsewhere");
      }
      // Normally null; restored so that a nested invocation on the same thread leaves the outer one intact.
      Execution outer = cx.execution;
      try {
        if (execution == null) {
          Scriptable scope = new ExecutionScope((org.mozilla.javascript.TopLevel) shared.global());
          execution = new Execution(invocation, new Budget(invocation.deadlineNanos(), config.maxAllocatedBytes(),
              config.maxPromiseJobs(), config.maxCpuTime().toNanos()), config.maxTimers(), scope);
          execution.wakeup(this::wake);
          execution.dependencies(dependencies);
          if (packages != null) {
            execution.packages(packages.new Instances(scope));
          }
          cx.execution = execution;
          return start(cx, execution, scope);
        }
        cx.execution = execution;
        execution.budget().resume();
        execution.budget().check();
        return loop(cx, execution);
      } catch (ScriptLimitError e) {
        return limit(e);
      } catch (StackOverflowError e) {
        return new InvocationOutcome.Failure(ErrorCode.ACTION_LIMIT, ScriptError.of("RangeError", "Maximum call stack size exceeded"));
      } catch (OutOfMemoryError e) {
        return new InvocationOutcome.Failure(ErrorCode.ACTION_LIMIT, ScriptError.of("LimitError", "the action ran out of memory"));
      } catch (NegativeArraySizeException e) {
        // A string or array grew past 2^31 elements inside one built-in step (e.g. repeated s + s).
        return new InvocationOutcome.Failure(
            ErrorCode.ACTION_LIMIT, ScriptError.of("RangeError", "a string or array grew past the engine's size limit"));
      } catch (WrappedException e) {
        if (e.getWrappedException() instanceof ScriptLimitError l) {
          return limit(l);
        }
        throw e;
      } catch (RhinoException e) {
        return scriptFailure(errors.fromException(e), e);
      } finally {
        cx.execution = outer;
        Context.exit();
      }
    }
  }

  /**
   * The scope the module's top-level code runs in, as a Node module's function scope would be: its
   * {@code var}s and functions live here, not on the global; {@code this} is {@code exports}.
   * It also holds the transpiler's helpers under {@code $jscomp}, the one name transpiled code
   * uses for them. No value leads to this object (Rhino's {@code __parent__} is off, {@code eval}
   * is indirect, top-level {@code this} is {@code exports}), source naming {@code $jscomp} is
   * refused, and {@code globalThis} is the scope above it: the helpers have no global name.
   */
  private Scriptable moduleScope(Scriptable scope, Scriptable exports) {
    NativeObject module = new NativeObject();
    module.setPrototype(null);
    module.setParentScope(scope);
    module.defineProperty(Transpiler.RESERVED, shared.helpers(), ScriptableObject.DONTENUM | ScriptableObject.READONLY
        | ScriptableObject.PERMANENT);
    module.defineProperty("__filename", FILENAME, ScriptableObject.DONTENUM);
    module.defineProperty("__dirname", DIRNAME, ScriptableObject.DONTENUM);
    return module;
  }

  private InvocationOutcome start(Context cx, Execution execution, Scriptable scope) {
    Invocation inv = execution.invocation();
    NativeObject module = JsValues.newObject(scope);
    NativeObject exports = JsValues.newObject(scope);
    module.put("exports", module, exports);
    scope.put("module", scope, module);
    scope.put("exports", scope, exports);
    // The global object scripts can write to is this execution's scope, never the sealed shared one.
    scope.put("globalThis", scope, scope);
    scope.put("global", scope, scope);
    try {
      script.exec(cx, moduleScope(scope, exports), exports);
    } catch (RhinoException e) {
      ScriptError error = errors.fromException(e);
      return new InvocationOutcome.Failure(ErrorCode.ACTION_LOAD, error);
    }
    Object exported = module.get("exports", module);
    if (!(exported instanceof Scriptable exportsObject) || exported instanceof Function) {
      return loadFailure("The Action must export an object.");
    }
    String handler = inv.handler();
    Object fn = ScriptableObject.getProperty(exportsObject, handler);
    if (!(fn instanceof Function handlerFn)) {
      return loadFailure("The action does not export the handler '" + handler + "': add exports." + handler
          + " = async function(event, api) {}");
    }
    ModuleShape.Export declared = shape.exports().get(handler);
    if (declared != null && !declared.async()) {
      return loadFailure(RhinoScriptRuntime.notAsyncMessage(handler));
    }
    Scriptable event = (Scriptable) JsValues.toJs(cx, scope, inv.event());
    execution.event(event);
    // The Context of whichever slice is running when the api changes the event.
    inv.api().attachEventUpdater((path, value) -> ApiObject.updateEvent(Context.getCurrentContext(), execution, path, value));
    Scriptable template = api;
    if (inv.api().contract() != contract) {
      template = ApiObject.build(shared.global(), inv.api().contract());
      shared.freeze(cx, template);
    }
    Scriptable apiObject = ApiObject.instance(scope, template);
    execution.api(apiObject);
    Object result;
    try {
      result = handlerFn.call(cx, scope, exportsObject, new Object[] {event, apiObject});
    } catch (RhinoException e) {
      return scriptFailure(errors.fromException(e), e);
    }
    if (result instanceof Scriptable promise && "Promise".equals(promise.getClassName())) {
      shared.promiseThen().call(cx, scope, promise, shared.settleCallbacks());
    } else {
      execution.settle(true, result);
    }
    return loop(cx, execution);
  }

  /** Runs the execution's job loop; the outcome, or null when it waits for a timer or host operation. */
  private InvocationOutcome loop(Context cx, Execution execution) {
    switch (JobLoop.run(cx, execution)) {
      case WAITING:
        return null;
      case STUCK:
        return new InvocationOutcome.Failure(
            ErrorCode.ACTION_TIMEOUT,
            ScriptError.of("TimeoutError", "the handler's promise never settled and nothing was left to run"));
      default:
        if (execution.rejected()) {
          return scriptFailure(errors.fromValue(execution.settledValue()), null);
        }
        return InvocationOutcome.SUCCESS;
    }
  }

  private static InvocationOutcome scriptFailure(ScriptError error, RhinoException cause) {
    boolean depth =
        cause instanceof EvaluatorException e && e.details() != null && e.details().contains("stack depth")
            || error.message() != null && error.message().contains("Exceeded maximum stack depth");
    if (depth) {
      return new InvocationOutcome.Failure(ErrorCode.ACTION_LIMIT, ScriptError.of("RangeError", "Maximum call stack size exceeded"));
    }
    return new InvocationOutcome.Failure(ErrorCode.ACTION_ERROR, error);
  }

  private static InvocationOutcome loadFailure(String message) {
    return new InvocationOutcome.Failure(ErrorCode.ACTION_LOAD, ScriptError.of("ActionLoadError", message));
  }

  private InvocationOutcome limit(ScriptLimitError e) {
    return new InvocationOutcome.Failure(
        e.code(), new ScriptError(e.errorName(), e.getMessage(), errors.stackAt(e.errorName(), e.getMessage(), e.where())));
  }
}
