package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * What the size and loop guards share: replacing a built-in by a version that first runs a
 * check, and cheap reads of lengths and arguments that neither flatten strings nor copy arrays.
 * Checks only apply inside an execution; building the shared scope runs the originals.
 */
final class Guard {
  /** Allocations below this are not worth a budget check (the observer sees them soon enough). */
  private static final double SMALL_BYTES = 64 * 1024;

  private Guard() {}

  /** Runs before the original built-in; throws {@link ScriptLimitError} to refuse the call. */
  @FunctionalInterface
  interface Check {
    void check(Context cx, Budget budget, Scriptable thisObj, Object[] args);
  }

  /** Replaces {@code owner[name]} (if it is a function) by one that runs {@code check} first. */
  static void wrap(ScriptableObject global, Scriptable owner, String name, Check check) {
    Object value = owner.get(name, owner);
    if (!(value instanceof Function original)) {
      return;
    }
    Function guarded =
        new LambdaFunction(
            global,
            name,
            BuiltinGuards.arity(original),
            (cx, scope, thisObj, args) -> {
              Budget budget = budget(cx);
              if (budget != null) {
                check.check(cx, budget, thisObj, args);
              }
              return original.call(cx, scope, thisObj, args);
            });
    BuiltinGuards.replace(owner, name, guarded);
  }

  static Budget budget(Context cx) {
    return cx instanceof SandboxContextFactory.SandboxContext s && s.execution != null ? s.execution.budget() : null;
  }

  /** Refuses an allocation of about {@code bytes} that does not fit the remaining budget. */
  static void reserve(Budget budget, double bytes, String what) {
    if (budget != null && bytes > SMALL_BYTES) {
      budget.reserve(bytes, what);
    }
  }

  static void reserve(Context cx, double bytes, String what) {
    reserve(budget(cx), bytes, what);
  }

  /**
   * The length of a string receiver without flattening it: a concatenated string ({@code s + s}
   * in a loop) is a tree that only becomes characters when a built-in reads it, so its length can
   * be far beyond what the budget could hold.
   */
  static double stringLength(Object value) {
    if (value instanceof CharSequence s) {
      return s.length();
    }
    if (value instanceof Scriptable s && "String".equals(s.getClassName())) {
      Object len = ScriptableObject.getProperty(s, "length");
      return len instanceof Number n ? n.doubleValue() : 0;
    }
    return value == null || value == Undefined.instance ? 0 : ScriptRuntime.toString(value).length();
  }

  /**
   * A string argument's length without flattening it; 0 for a missing argument. Non-strings are
   * converted (their text is what the built-in would use).
   */
  static double stringArgLength(Object[] args, int i) {
    if (args.length <= i || args[i] == Undefined.instance) {
      return 0;
    }
    Object a = args[i];
    return a instanceof CharSequence s ? s.length() : stringLength(a);
  }

  /** {@code ToLength(value.length)} as the generic built-ins read it (0 when absent). */
  static double length(Object value) {
    if (value instanceof NativeArray a) {
      return a.getLength();
    }
    if (value instanceof CharSequence s) {
      return s.length();
    }
    if (value instanceof Scriptable s) {
      if ("String".equals(s.getClassName())) {
        return stringLength(s);
      }
      Object len = ScriptableObject.getProperty(s, "length");
      if (len instanceof Number n) {
        double d = n.doubleValue();
        return Double.isNaN(d) ? 0 : Math.max(0, Math.min(d, 9007199254740991.0));
      }
      if (len instanceof CharSequence c) {
        double d = ScriptRuntime.toNumber(c);
        return Double.isNaN(d) ? 0 : Math.max(0, d);
      }
    }
    return 0;
  }

  /** A non-negative number argument (0 when missing or NaN). */
  static double num(Object[] args, int i) {
    if (args.length <= i || args[i] == Undefined.instance) {
      return 0;
    }
    double d = ScriptRuntime.toNumber(args[i]);
    return Double.isNaN(d) ? 0 : Math.max(0, d);
  }
}
