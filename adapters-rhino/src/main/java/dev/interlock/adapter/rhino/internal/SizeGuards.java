package dev.interlock.adapter.rhino.internal;

import java.util.IdentityHashMap;
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * Size-checking versions of the built-ins that allocate inside Java in a single call, where the
 * instruction observer cannot stop them ({@code 'x'.repeat(1e9)}, {@code padEnd(5e8)}, {@code
 * new Array(2e8).join()}, {@code Array.from({length: 3e7})}, typed arrays, {@code JSON.stringify}
 * of huge trees, {@code Object.keys} of a long string). Each estimates what the call would
 * allocate and stops the execution with {@code action_limit} if it does not fit the remaining
 * budget, before anything is allocated. Also installs the {@link StringGuards} and the {@link
 * LoopGuards} (built-ins that loop rather than allocate).
 */
final class SizeGuards {
  /** Bytes per array element, a rough lower bound of Rhino's dense array slot cost. */
  private static final double ELEMENT_BYTES = LoopGuards.ELEMENT_BYTES;

  private SizeGuards() {}

  /** Estimates the bytes a call would allocate. */
  @FunctionalInterface
  interface Estimate {
    double bytes(Context cx, Scriptable thisObj, Object[] args);
  }

  static void install(Context cx, ScriptableObject global) {
    // first: the typed-array constructors are replaced below, and their prototypes read here
    StringGuards.install(global);
    LoopGuards.install(global);
    Scriptable stringProto = ScriptableObject.getClassPrototype(global, "String");
    Scriptable arrayProto = ScriptableObject.getClassPrototype(global, "Array");
    guard(global, stringProto, "repeat", (c, t, a) -> 2.0 * Guard.stringLength(t) * num(a, 0));
    guard(global, stringProto, "padStart", (c, t, a) -> 2.0 * num(a, 0));
    guard(global, stringProto, "padEnd", (c, t, a) -> 2.0 * num(a, 0));
    guard(global, arrayProto, "join", SizeGuards::joinBytes);
    guard(global, arrayProto, "toString", SizeGuards::joinBytes);
    Scriptable array = (Scriptable) global.get("Array", global);
    guard(global, array, "from", (c, t, a) -> a.length == 0 ? 0 : iterate(c, length(a[0]), "Array.from") * ELEMENT_BYTES);
    Scriptable json = (Scriptable) global.get("JSON", global);
    guard(global, json, "stringify", (c, t, a) -> a.length == 0 ? 0 : jsonBytes(c, a[0], gap(a)));
    // a parsed value costs up to ~30 bytes per character of text ("[[],[],...]"); 8 is typical
    guard(global, json, "parse", (c, t, a) -> 8 * Guard.stringArgLength(a, 0));
    Scriptable object = (Scriptable) global.get("Object", global);
    for (String name : new String[] {"keys", "values", "entries", "getOwnPropertyNames", "getOwnPropertyDescriptors", "assign"}) {
      guard(global, object, name, (c, t, a) -> ownKeysBytes(a, name.equals("assign") ? 1 : 0));
    }
    guard(global, (Scriptable) global.get("Reflect", global), "ownKeys", (c, t, a) -> ownKeysBytes(a, 0));
    for (String typed : new String[] {"ArrayBuffer", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
        "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"}) {
      guardConstructor(global, typed, bytesPerElement(typed));
    }
  }

  /** Admits a loop of {@code n} iterations (see {@link Budget#admitIterations}); returns n. */
  private static double iterate(Context cx, double n, String what) {
    Budget budget = Guard.budget(cx);
    if (budget != null) {
      budget.admitIterations(n, what);
    }
    return n;
  }

  /**
   * Listing the own keys of a string or typed array creates one key (and entry) per index: about
   * 64 bytes each. Arrays and objects list keys that already exist, within the budget.
   */
  private static double ownKeysBytes(Object[] args, int from) {
    double bytes = 0;
    for (int i = from; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof CharSequence || a instanceof Scriptable s && "String".equals(s.getClassName())) {
        bytes += 64 * Guard.stringLength(a);
      } else if (a instanceof org.mozilla.javascript.typedarrays.NativeArrayBufferView v) {
        bytes += 64 * length(v);
      }
    }
    return bytes;
  }

  /** The indentation {@code JSON.stringify} adds per nesting level (at most 10 characters). */
  private static double gap(Object[] args) {
    if (args.length < 3) {
      return 0;
    }
    Object space = args[2];
    if (space instanceof Number n) {
      return Math.max(0, Math.min(10, n.doubleValue()));
    }
    return space instanceof CharSequence c ? Math.min(10, c.length()) : 0;
  }

  private static void guard(ScriptableObject global, Scriptable owner, String name, Estimate estimate) {
    Guard.wrap(global, owner, name, (cx, budget, thisObj, args) -> Guard.reserve(budget, estimate.bytes(cx, thisObj, args), name));
  }

  private static void reserve(Context cx, double bytes, String what) {
    Guard.reserve(cx, bytes, what);
  }

  /** A typed-array constructor that checks the byte length of {@code new X(n)} first. */
  private static void guardConstructor(ScriptableObject global, String name, int bytesPerElement) {
    Object value = global.get(name, global);
    if (!(value instanceof BaseFunction original)) {
      return;
    }
    BaseFunction guarded =
        new BaseFunction(global, ScriptableObject.getFunctionPrototype(global)) {
          private static final long serialVersionUID = 1L;

          @Override
          public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
            check(cx, args);
            return original.call(cx, scope, thisObj, args);
          }

          @Override
          public Scriptable construct(Context cx, Scriptable scope, Object[] args) {
            check(cx, args);
            return original.construct(cx, scope, args);
          }

          @Override
          public boolean hasInstance(Scriptable instance) {
            return original.hasInstance(instance);
          }

          @Override
          public String getFunctionName() {
            return name;
          }

          @Override
          public int getLength() {
            return original.getLength();
          }

          private void check(Context cx, Object[] args) {
            if (args.length > 0 && args[0] instanceof Number n) {
              reserve(cx, n.doubleValue() * bytesPerElement, "new " + name);
            } else if (args.length > 0 && args[0] instanceof Scriptable s && !(s instanceof Function)) {
              reserve(cx, length(s) * (double) bytesPerElement, "new " + name);
            }
          }
        };
    for (Object id : original.getAllIds()) {
      if (id instanceof String key && !key.equals("name") && !key.equals("length")) {
        guarded.defineProperty(key, original.get(key, original), ScriptableObject.DONTENUM);
      }
    }
    // the static from/of and the prototype come from the original (from/of are inherited from
    // %TypedArray%, guarded in LoopGuards)
    guarded.setPrototype(original.getPrototype());
    guarded.setImmunePrototypeProperty(original.get("prototype", original));
    BuiltinGuards.replace(global, name, guarded);
  }

  private static int bytesPerElement(String typed) {
    if (typed.contains("64")) {
      return 8;
    }
    if (typed.contains("32")) {
      return 4;
    }
    return typed.contains("16") ? 2 : 1;
  }

  private static double num(Object[] args, int i) {
    return Guard.num(args, i);
  }

  private static double length(Object value) {
    return Guard.length(value);
  }

  /** Separators plus, for arrays that can be scanned cheaply, the elements' string lengths. */
  private static double joinBytes(Context cx, Scriptable thisObj, Object[] args) {
    double n = length(thisObj);
    String sep = args.length > 0 && args[0] != Undefined.instance ? ScriptRuntime.toString(args[0]) : ",";
    double bytes = 2.0 * Math.max(0, n - 1) * Math.max(1, sep.length());
    if (thisObj instanceof NativeArray a && n <= 1_000_000) {
      for (int i = 0; i < n; i++) {
        Object item = a.get(i, a);
        if (item instanceof CharSequence s) {
          bytes += 2.0 * s.length();
        }
      }
    }
    return bytes;
  }

  /**
   * A lower bound of the text {@code JSON.stringify} would produce, counting shared sub-objects
   * every time they appear (as the output does) and the indentation of every line ({@code gap}
   * characters per level); stops counting once it is over the remaining budget.
   */
  private static double jsonBytes(Context cx, Object root, double gap) {
    Budget budget = Guard.budget(cx);
    double cap = budget != null ? budget.remainingBytes() + 1.0 : 1e9;
    double[] total = {0};
    walk(root, total, cap, gap, new IdentityHashMap<>(), 0);
    return total[0];
  }

  /** Stops at cycles (stringify throws there) and below 1000 levels. */
  private static void walk(
      Object v, double[] total, double cap, double gap, IdentityHashMap<Object, Boolean> path, int depth) {
    if (total[0] > cap || depth > 1000) {
      return;
    }
    if (v instanceof CharSequence s) {
      total[0] += 2.0 * (s.length() + 2);
    } else if (v instanceof Scriptable s && !(v instanceof Function)) {
      if (path.put(s, Boolean.TRUE) != null) {
        return;
      }
      total[0] += 4 + 2.0 * depth * gap;
      for (Object id : s.getIds()) {
        total[0] += 2.0 * (String.valueOf(id).length() + 4 + (depth + 1) * gap);
        walk(id instanceof Integer i ? s.get(i, s) : s.get(String.valueOf(id), s), total, cap, gap, path, depth + 1);
        if (total[0] > cap) {
          break;
        }
      }
      path.remove(s);
    } else {
      total[0] += 8;
    }
  }
}
