package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * What the Node compatibility layer ({@code internal.node}) may use of the runtime's internals:
 * the current execution's scope, deadline and memory budget, per-execution host state, value
 * conversion and console formatting. Kept to one small class so the two packages stay apart.
 */
public final class NodeBridge {
  private NodeBridge() {}

  /** The running execution's global scope. */
  public static Scriptable scope(Context cx) {
    return Execution.current(cx).scope();
  }

  /** The running execution's deadline, in {@link System#nanoTime()} terms. */
  public static long deadlineNanos(Context cx) {
    return Execution.current(cx).budget().deadlineNanos();
  }

  /** The version the running action declares for an npm dependency, or null. */
  public static String dependencyVersion(Context cx, String name) {
    return Execution.current(cx).dependencies().get(name);
  }

  /** Fails the execution with {@code action_limit} unless {@code bytes} more fit its memory budget. */
  public static void reserve(Context cx, double bytes, String what) {
    Execution.current(cx).budget().reserve(bytes, what);
  }

  /** Fails the execution with {@code action_timeout} when its deadline has passed. */
  public static void checkDeadline(Context cx) {
    Execution.current(cx).budget().check();
  }

  /**
   * Host-side state of the running execution under {@code key} (invisible to scripts, dropped
   * with the execution), created on first use.
   */
  @SuppressWarnings("unchecked")
  public static <T> T state(Context cx, String key, java.util.function.Supplier<T> create) {
    ScriptableObject scope = (ScriptableObject) Execution.current(cx).scope();
    Object value = scope.getAssociatedValue(key);
    if (value == null) {
      value = create.get();
      scope.associateValue(key, value);
    }
    return (T) value;
  }

  /** What to do with a host operation's result, on the execution's thread, inside its job loop. */
  @FunctionalInterface
  public interface HostResult<T> {
    void deliver(Context cx, Scriptable scope, T value, Throwable error);
  }

  /**
   * Waits for {@code future} without holding the thread: the execution keeps running its other
   * jobs, and once nothing else can run it lets go of the thread until the future completes; then
   * {@code then} runs in a later slice of the execution (possibly on another thread, with that
   * slice's Context). Time spent waiting counts against the deadline, not the memory budget.
   */
  public static <T> void awaitHost(Context cx, java.util.concurrent.CompletableFuture<T> future, HostResult<T> then) {
    Execution execution = Execution.current(cx);
    execution.awaitHost(future, (slice, value, error) -> then.deliver(slice, execution.scope(), value, error));
  }

  /**
   * A script promise settled when {@code future} completes, without the execution holding a thread
   * meanwhile: resolved with {@code value}'s conversion, or rejected with {@code reason}'s (also for a
   * conversion that throws).
   */
  public static <T> Object promise(Context cx, java.util.concurrent.CompletableFuture<T> future,
      java.util.function.BiFunction<Context, T, Object> value, java.util.function.BiFunction<Context, Throwable, Object> reason) {
    return HostPromises.promise(cx, Execution.current(cx), future,
        (slice, scope, v) -> value.apply(slice, v), (slice, scope, failure) -> reason.apply(slice, failure));
  }

  public static Object toJs(Context cx, Scriptable scope, Object json) {
    return JsValues.toJs(cx, scope, json);
  }

  public static Object toJson(Object value, String what) {
    return JsValues.toJson(value, () -> what);
  }

  public static NativeObject newObject(Scriptable scope) {
    return JsValues.newObject(scope);
  }

  /** {@code util.format} as the console formats its arguments. */
  public static String format(Object[] args) {
    return Inspect.format(args);
  }

  /** {@code util.inspect} of one value. */
  public static String inspect(Object value) {
    return Inspect.inspect(value);
  }
}
