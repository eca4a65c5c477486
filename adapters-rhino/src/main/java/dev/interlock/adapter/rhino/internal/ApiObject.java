package dev.interlock.adapter.rhino.internal;

import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiContract;
import dev.interlock.core.trigger.ApiMethod;
import java.util.ArrayList;
import java.util.List;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * The script's {@code api} object for one contract: nested objects of functions
 * ({@code api.accessToken.setCustomClaim}). The functions are built once per loaded action and
 * frozen with the shared scope; each call goes to the api session of the execution running on the
 * current Context. Each execution gets its own objects holding them ({@link #instance}), so a
 * script may add to its own {@code api} as on Auth0 ({@code api.helper = ...}) without another
 * execution seeing it.
 */
final class ApiObject {
  private ApiObject() {}

  /** The template {@link #instance} copies; the caller freezes it. */
  static Scriptable build(ScriptableObject shared, ApiContract contract) {
    NativeObject api = JsValues.newObject(shared);
    List<ScriptableObject> built = new ArrayList<>();
    built.add(api);
    for (ApiMethod method : contract.methods()) {
      NativeObject owner = namespace(shared, api, method.namespace(), built);
      LambdaFunction f =
          new LambdaFunction(shared, method.name(), method.params().size(), (cx, scope, thisObj, args) -> call(cx, method, args));
      owner.defineProperty(method.name(), f, ScriptableObject.EMPTY);
      built.add(f);
    }
    return api;
  }

  /**
   * The execution's own {@code api}: a new object whose properties are new namespace objects
   * ({@code api.accessToken}, ...), each inheriting its functions from the frozen template's. So
   * a script may add to {@code api} and to its namespaces, as on Auth0, without another execution
   * seeing it, at the cost of one small object per namespace (copying every function was a
   * microsecond per execution). Unlike Auth0, a namespace's functions are inherited, not own:
   * {@code Object.keys(api.accessToken)} lists only what the script added.
   */
  static NativeObject instance(Scriptable scope, Scriptable template) {
    NativeObject api = JsValues.newObject(scope);
    for (Object id : template.getIds()) {
      String name = (String) id;
      Object value = template.get(name, template);
      if (value instanceof Scriptable ns && !(value instanceof org.mozilla.javascript.Function)) {
        NativeObject own = new NativeObject();
        own.setPrototype(ns);
        own.setParentScope(scope);
        value = own;
      }
      api.put(name, api, value);
    }
    return api;
  }

  private static NativeObject namespace(ScriptableObject shared, NativeObject api, String path, List<ScriptableObject> built) {
    NativeObject current = api;
    for (String part : path.split("\\.")) {
      Object existing = current.get(part, current);
      if (existing instanceof NativeObject n) {
        current = n;
      } else {
        NativeObject n = JsValues.newObject(shared);
        current.defineProperty(part, n, ScriptableObject.EMPTY);
        built.add(n);
        current = n;
      }
    }
    return current;
  }

  private static Object call(Context cx, ApiMethod method, Object[] args) {
    Execution execution = Execution.current(cx);
    Object result;
    try {
      List<Object> json = new ArrayList<>(args.length);
      for (int i = 0; i < args.length; i++) {
        int index = i;
        json.add(JsValues.toJson(args[i], () -> "api." + method.path() + ": "
            + (method.params().size() > index ? method.params().get(index).name() : "argument " + (index + 1))));
      }
      result = execution.invocation().api().invoke(method, json);
    } catch (ApiCallException e) {
      if (method.returnKind() == ApiMethod.ReturnKind.PROMISE) {
        Scriptable error = cx.newObject(execution.scope(), e.errorName(), new Object[] {e.getMessage()});
        return promise(cx, execution.scope(), "reject", error);
      }
      throw jsError(e.errorName(), e.getMessage());
    }
    switch (method.returnKind()) {
      case API:
        return execution.api();
      case VOID:
        return org.mozilla.javascript.Undefined.instance;
      case PROMISE:
        if (result instanceof java.util.concurrent.CompletionStage<?> stage) {
          return later(cx, execution, stage);
        }
        return promise(cx, execution.scope(), "resolve",
            result == Undefined.VALUE ? org.mozilla.javascript.Undefined.instance : JsValues.toJs(cx, execution.scope(), result));
      default:
        return result == Undefined.VALUE ? org.mozilla.javascript.Undefined.instance : JsValues.toJs(cx, execution.scope(), result);
    }
  }

  /**
   * A promise settled when {@code stage} completes (an api method answering later, such as a
   * directory lookup). The stage is copied, so that an execution ending first cancels only its own
   * wait.
   */
  private static Object later(Context cx, Execution execution, java.util.concurrent.CompletionStage<?> stage) {
    return HostPromises.promise(cx, execution, stage.toCompletableFuture().copy(),
        (slice, scope, value) -> value == Undefined.VALUE ? org.mozilla.javascript.Undefined.instance
            : JsValues.toJs(slice, scope, value),
        (slice, scope, failure) -> failure instanceof ApiCallException a
            ? slice.newObject(scope, a.errorName(), new Object[] {a.getMessage()})
            : slice.newObject(scope, "Error", new Object[] {"the api call failed: " + failure.getMessage()}));
  }

  /** {@code Promise.resolve(value)} or {@code Promise.reject(value)} in the execution's scope. */
  private static Object promise(Context cx, Scriptable scope, String how, Object value) {
    Scriptable promise = (Scriptable) ScriptableObject.getProperty(scope, "Promise");
    org.mozilla.javascript.Function f = (org.mozilla.javascript.Function) ScriptableObject.getProperty(promise, how);
    return f.call(cx, scope, promise, new Object[] {value});
  }

  static RuntimeException jsError(String name, String message) {
    switch (name) {
      case "TypeError":
        return ScriptRuntime.typeError(message);
      case "RangeError":
        return ScriptRuntime.rangeError(message);
      default:
        return ScriptRuntime.constructError(name, message);
    }
  }

  /** Applies an api method's change to the script's own event object. */
  static void updateEvent(Context cx, Execution execution, List<String> path, Object value) {
    Scriptable current = execution.event();
    for (int i = 0; i < path.size() - 1; i++) {
      Object next = current.get(path.get(i), current);
      if (!(next instanceof Scriptable s) || next instanceof org.mozilla.javascript.Function) {
        NativeObject created = JsValues.newObject(execution.scope());
        current.put(path.get(i), current, created);
        next = created;
      }
      current = (Scriptable) next;
    }
    String last = path.get(path.size() - 1);
    if (value == Undefined.VALUE) {
      current.delete(last);
    } else {
      current.put(last, current, JsValues.toJs(cx, execution.scope(), value));
    }
  }
}
