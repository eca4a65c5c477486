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
  private final RhinoConfig config;
  private final SandboxContextFactory factory;
  private final SharedScope shared;
  private final Script script;
  private final ModuleShape shape;
  private final ErrorMapper errors;
  private final Scriptable api;
  private final ApiContract contract;

  RhinoLoadedAction(
      RhinoConfig config, SandboxContextFactory factory, SharedScope shared, Script script, ModuleShape shape,
      ErrorMapper errors, Scriptable api, ApiContract contract) {
    this.config = config;
    this.factory = factory;
    this.shared = shared;
    this.script = script;
    this.shape = shape;
    this.errors = errors;
    this.api = api;
    this.contract = contract;
  }

  @Override
  public CompletionStage<InvocationOutcome> invoke(Invocation invocation) {
    return CompletableFuture.completedFuture(run(invocation));
  }

  private InvocationOutcome run(Invocation inv) {
    Context entered = factory.enterContext();
    if (!(entered instanceof SandboxContextFactory.SandboxContext cx)) {
      // Rhino reuses a Context already entered on this thread; a foreign one has none of the limits.
      Context.exit();
      throw new IllegalStateException("a non-sandbox Rhino Context is active on this thread; run actions elsewhere");
    }
    // Normally null; restored so that a nested invocation on the same thread leaves the outer one intact.
    Execution outer = cx.execution;
    try {
      Scriptable scope = new ExecutionScope((org.mozilla.javascript.TopLevel) shared.global());
      Execution execution = new Execution(inv, new Budget(inv.deadlineNanos(), config.maxAllocatedBytes(), config.maxPromiseJobs()), config.maxTimers(), scope);
      cx.execution = execution;
      return execute(cx, execution, scope);
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
    } finally {
      cx.execution = outer;
      Context.exit();
    }
  }

  private InvocationOutcome execute(Context cx, Execution execution, Scriptable scope) {
    Invocation inv = execution.invocation();
    NativeObject module = JsValues.newObject(scope);
    NativeObject exports = JsValues.newObject(scope);
    module.put("exports", module, exports);
    scope.put("module", scope, module);
    scope.put("exports", scope, exports);
    try {
      script.exec(cx, scope, scope);
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
    inv.api().attachEventUpdater((path, value) -> ApiObject.updateEvent(cx, execution, path, value));
    Scriptable apiObject = inv.api().contract() == contract ? api : ApiObject.build(shared.global(), inv.api().contract());
    Object result;
    try {
      result = handlerFn.call(cx, scope, exportsObject, new Object[] {event, apiObject});
      return await(cx, execution, scope, result);
    } catch (RhinoException e) {
      return scriptFailure(errors.fromException(e), e);
    }
  }

  private InvocationOutcome await(Context cx, Execution execution, Scriptable scope, Object result) {
    if (result instanceof Scriptable promise && "Promise".equals(promise.getClassName())) {
      shared.promiseThen().call(cx, scope, promise, shared.settleCallbacks());
    } else {
      execution.settle(true, result);
    }
    boolean done = JobLoop.run(cx, execution, execution::settled);
    if (!done) {
      return new InvocationOutcome.Failure(
          ErrorCode.ACTION_TIMEOUT,
          ScriptError.of("TimeoutError", "the handler's promise never settled and nothing was left to run"));
    }
    if (execution.rejected()) {
      return scriptFailure(errors.fromValue(execution.settledValue()), null);
    }
    return InvocationOutcome.SUCCESS;
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
