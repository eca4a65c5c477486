package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * Refuses, before they start, built-in calls that would loop inside Java for longer than any
 * execution could need. Rhino's generic array methods walk {@code 0..length} of their receiver
 * and never reach the instruction observer on the way, so {@code
 * Array.prototype.includes.call({length: 2**32-1}, 1)} or {@code a.length = 4e9; a.indexOf(1)}
 * would spin a core for minutes, also over holes where no callback runs. Each guarded call admits
 * its length-driven iteration count with {@link Budget#admitIterations} (which also checks the
 * deadline before every heavy call, so calling such a built-in in a loop cannot outrun it).
 * Typed-array methods loop over real elements, bounded by the memory budget; they are guarded too,
 * for the deadline check.
 */
final class LoopGuards {
  /** Array.prototype methods whose work grows with the receiver's length. */
  private static final String[] ARRAY_LOOPS = {
    "copyWithin", "every", "filter", "find", "findIndex", "findLast", "findLastIndex", "flatMap", "forEach",
    "includes", "indexOf", "join", "lastIndexOf", "reduce", "reduceRight", "reverse", "shift", "unshift", "some",
    "splice", "toLocaleString", "toString", "toReversed", "toSpliced", "with"
  };

  private static final String[] TYPED_LOOPS = {
    "copyWithin", "every", "fill", "filter", "find", "findIndex", "findLast", "findLastIndex", "forEach", "includes",
    "indexOf", "join", "lastIndexOf", "map", "reduce", "reduceRight", "reverse", "set", "slice", "some", "sort",
    "toLocaleString", "toReversed", "toSorted", "toString", "with"
  };

  /** Bytes per element of an array a built-in creates (a reference plus a boxed number). */
  static final double ELEMENT_BYTES = 16;

  private LoopGuards() {}

  static void install(ScriptableObject global) {
    Scriptable arrayProto = ScriptableObject.getClassPrototype(global, "Array");
    for (String name : ARRAY_LOOPS) {
      String what = "Array.prototype." + name;
      Guard.wrap(global, arrayProto, name, (cx, b, t, a) -> b.admitIterations(Guard.length(t), what));
    }
    Guard.wrap(global, arrayProto, "map", (cx, b, t, a) -> allocatingLoop(b, Guard.length(t), "Array.prototype.map"));
    Guard.wrap(global, arrayProto, "fill", (cx, b, t, a) -> allocatingLoop(b, range(Guard.length(t), a, 0), "Array.prototype.fill"));
    Guard.wrap(global, arrayProto, "slice", (cx, b, t, a) -> allocatingLoop(b, range(Guard.length(t), a, 0), "Array.prototype.slice"));
    Guard.wrap(global, arrayProto, "sort", LoopGuards::sort);
    Guard.wrap(global, arrayProto, "toSorted", LoopGuards::sort);
    Guard.wrap(global, arrayProto, "concat", LoopGuards::concat);
    Guard.wrap(global, arrayProto, "flat", LoopGuards::flat);
    Scriptable functionProto = ScriptableObject.getFunctionPrototype(global);
    Guard.wrap(global, functionProto, "apply", (cx, b, t, a) -> argumentList(b, a, 1, "Function.prototype.apply"));
    Scriptable reflect = (Scriptable) global.get("Reflect", global);
    Guard.wrap(global, reflect, "apply", (cx, b, t, a) -> argumentList(b, a, 2, "Reflect.apply"));
    Guard.wrap(global, reflect, "construct", (cx, b, t, a) -> argumentList(b, a, 1, "Reflect.construct"));
    Scriptable string = (Scriptable) global.get("String", global);
    Guard.wrap(global, string, "raw", (cx, b, t, a) -> {
      if (a.length > 0 && a[0] instanceof Scriptable s) {
        b.admitIterations(Guard.length(ScriptableObject.getProperty(s, "raw")), "String.raw");
      }
    });
    // the typed arrays' methods and from/of live on %TypedArray% and its prototype
    Object uint8 = global.get("Uint8Array", global);
    Scriptable typedArray = uint8 instanceof Scriptable u ? u.getPrototype() : null;
    if (typedArray != null && ScriptableObject.getProperty((Scriptable) uint8, "prototype") instanceof Scriptable p
        && p.getPrototype() != null) {
      for (String name : TYPED_LOOPS) {
        String what = "TypedArray.prototype." + name;
        Guard.wrap(global, p.getPrototype(), name, (cx, b, t, a) -> b.admitIterations(Guard.length(t), what));
      }
      Guard.wrap(global, typedArray, "from", (cx, b, t, a) -> {
        double n = a.length == 0 ? 0 : Guard.length(a[0]);
        b.admitIterations(n, "TypedArray.from");
        Guard.reserve(b, n * 8, "TypedArray.from");
      });
    }
  }

  /** A loop that also creates an array of up to {@code n} elements. */
  private static void allocatingLoop(Budget budget, double n, String what) {
    budget.admitIterations(n, what);
    Guard.reserve(budget, n * ELEMENT_BYTES, what);
  }

  /** The element count of {@code [start, end)} as slice and fill read their arguments. */
  private static double range(double length, Object[] args, int first) {
    double start = relative(args, first, length, 0);
    double end = relative(args, first + 1, length, length);
    return Math.max(0, end - start);
  }

  private static double relative(Object[] args, int i, double length, double absent) {
    if (args.length <= i || args[i] == Undefined.instance) {
      return absent;
    }
    double d = ScriptRuntime.toInteger(args[i]);
    return d < 0 ? Math.max(0, length + d) : Math.min(d, length);
  }

  /** Sorting copies the elements into a Java array first. */
  private static void sort(Context cx, Budget budget, Scriptable thisObj, Object[] args) {
    double n = Guard.length(thisObj);
    budget.admitIterations(n, "Array.prototype.sort");
    Guard.reserve(budget, n * ELEMENT_BYTES, "Array.prototype.sort");
  }

  private static void concat(Context cx, Budget budget, Scriptable thisObj, Object[] args) {
    double n = Guard.length(thisObj);
    for (Object a : args) {
      n += spreadable(a) ? Guard.length(a) : 1;
    }
    allocatingLoop(budget, n, "Array.prototype.concat");
  }

  private static boolean spreadable(Object value) {
    if (!(value instanceof ScriptableObject s)) {
      return false;
    }
    Object flag = ScriptableObject.getProperty(s, org.mozilla.javascript.SymbolKey.IS_CONCAT_SPREADABLE);
    if (flag != Scriptable.NOT_FOUND && flag != Undefined.instance) {
      return ScriptRuntime.toBoolean(flag);
    }
    return value instanceof NativeArray;
  }

  /**
   * {@code flat(depth)} visits every element of every nested array down to {@code depth}, each
   * time it appears: {@code o = [o, o]} repeated 200 times flattens to 2^200 elements. The
   * elements are counted first, stopping as soon as the count is over the limit.
   */
  private static void flat(Context cx, Budget budget, Scriptable thisObj, Object[] args) {
    double depth = args.length == 0 || args[0] == Undefined.instance ? 1 : ScriptRuntime.toInteger(args[0]);
    double limit = budget.maxIterations() + 1.0;
    double[] count = {0};
    countFlat(thisObj, depth, count, limit);
    allocatingLoop(budget, count[0], "Array.prototype.flat");
  }

  private static void countFlat(Object value, double depth, double[] count, double limit) {
    double n = Guard.length(value);
    count[0] += n;
    if (depth < 1 || !(value instanceof Scriptable s) || count[0] > limit) {
      return;
    }
    for (long i = 0; i < n && count[0] <= limit; i++) {
      Object item = ScriptableObject.getProperty(s, (int) i);
      if (item instanceof NativeArray) {
        countFlat(item, depth - 1, count, limit);
      }
    }
  }

  /** {@code apply} copies its argument list into a Java array of that length. */
  private static void argumentList(Budget budget, Object[] args, int index, String what) {
    if (args.length > index && args[index] instanceof Scriptable list) {
      double n = Guard.length(list);
      budget.admitIterations(n, what);
      Guard.reserve(budget, n * 8, what);
    }
  }
}
