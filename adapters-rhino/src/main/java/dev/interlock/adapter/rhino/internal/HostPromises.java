package dev.interlock.adapter.rhino.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * A script promise settled by a host operation that answers later (an api method, a host
 * module's stage): the execution waits for it without holding a thread ({@link
 * Execution#awaitHost}) and settles the promise in a later slice.
 */
final class HostPromises {
  private HostPromises() {}

  /** Turns the operation's value into the script's, on the slice that delivers it. */
  @FunctionalInterface
  interface Value<T> {
    Object toJs(Context cx, Scriptable scope, T value);
  }

  /** Turns a failure (the operation's, or a conversion's) into the script's rejection reason. */
  @FunctionalInterface
  interface Reason {
    Object toJs(Context cx, Scriptable scope, Throwable failure);
  }

  static <T> Object promise(
      Context cx, Execution execution, CompletableFuture<T> future, Value<? super T> value, Reason reason) {
    Scriptable scope = execution.scope();
    Function[] settle = new Function[2];
    Function ctor = (Function) ScriptableObject.getProperty(scope, "Promise");
    Object promise = ctor.construct(cx, scope, new Object[] {
        new LambdaFunction(scope, "executor", 2, (c, s, t, args) -> {
          settle[0] = (Function) args[0];
          settle[1] = (Function) args[1];
          return Undefined.instance;
        })});
    execution.awaitHost(future, (slice, v, error) -> {
      if (error == null) {
        Object js;
        try {
          js = value.toJs(slice, scope, v);
        } catch (RhinoException e) {
          settle[1].call(slice, scope, scope, new Object[] {reason.toJs(slice, scope, e)});
          return;
        }
        settle[0].call(slice, scope, scope, new Object[] {js});
        return;
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      settle[1].call(slice, scope, scope, new Object[] {reason.toJs(slice, scope, cause)});
    });
    return promise;
  }
}
