package dev.interlock.adapter.rhino.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * Makes every object the executions share deeply frozen in the ECMAScript sense, so that the
 * object model itself, not a list of guarded entry points, keeps one execution from changing what
 * another sees.
 *
 * <p>Frozen means: not extensible, every data property non-writable and non-configurable, every
 * accessor non-configurable. Whatever function a script gets hold of ({@code
 * Object.defineProperty}, {@code Reflect.*}, {@code __proto__}, a species constructor, a helper
 * that captured an original built-in), the language's own invariants refuse to change such an
 * object. Each object is also Rhino-sealed, so that a plain assignment to it throws instead of
 * failing silently.
 *
 * <p>Freezing prototypes has one well-known cost, the "override mistake": assigning {@code
 * obj.toString = f} to an ordinary object whose prototype's {@code toString} is read-only fails.
 * Real code does that all the time ({@code this.name = 'MyError'}, {@code
 * Child.prototype.constructor = Child}, transpiled {@code this.message = ...}), so the properties
 * in {@link #OVERRIDABLE} of shared non-function objects become accessors whose getter returns the
 * original value and whose setter gives the receiver its own property, unless the receiver is
 * itself frozen (a shared object), which it refuses.
 *
 * <p>Internal slots are the other way to change an object without touching its properties ({@code
 * Date.prototype.setTime.call(Date.prototype, 0)}). {@link #verify} therefore accepts a shared
 * object only when its Java class is known to hold no state that a method can change ({@link
 * #STATELESS}), or is one of the {@link #RECEIVER_GUARDED} prototypes whose methods refuse a
 * shared receiver ({@link BuiltinGuards}); any other class fails the runtime's start-up, so a new
 * Rhino version or host module cannot quietly add shared state.
 */
final class Freezer {
  /**
   * Property names that ordinary code assigns on objects inheriting them from a built-in prototype.
   * {@code fileName} and {@code lineNumber} are Rhino's, on {@code Error.prototype}: Rhino assigns
   * them to every new error, and in strict code it refuses an assignment that finds a data property
   * on a non-extensible prototype (even to an extensible receiver), which would fail every error
   * created in strict code.
   */
  static final List<String> OVERRIDABLE = List.of(
      "constructor", "toString", "toLocaleString", "valueOf", "toJSON", "name", "message", "stack", "fileName",
      "lineNumber", "columnNumber");

  /** Java classes whose instances hold nothing but their (frozen) properties or immutable values. */
  private static final Set<String> STATELESS = Set.of(
      "org.mozilla.javascript.NativeObject",
      "org.mozilla.javascript.TopLevel",
      "org.mozilla.javascript.NativeArray", // Array.prototype: empty, and frozen like any other object
      "org.mozilla.javascript.NativeError",
      "org.mozilla.javascript.NativeMath",
      "org.mozilla.javascript.NativeJSON",
      "org.mozilla.javascript.NativeReflect",
      "org.mozilla.javascript.NativeBoolean", // primitive wrappers: their value is immutable
      "org.mozilla.javascript.NativeNumber",
      "org.mozilla.javascript.NativeString",
      "org.mozilla.javascript.NativeBigInt",
      "org.mozilla.javascript.NativeSymbol",
      "org.mozilla.javascript.NativeCallSite",
      "org.mozilla.javascript.Arguments");

  /** Shared prototypes that are instances of a class with internal slots; their methods refuse them. */
  static final Set<String> RECEIVER_GUARDED = Set.of(
      "org.mozilla.javascript.NativeDate", "org.mozilla.javascript.regexp.NativeRegExp", "org.mozilla.javascript.ES6Generator",
      "org.mozilla.javascript.NativeArrayIterator", "org.mozilla.javascript.NativeCollectionIterator",
      "org.mozilla.javascript.NativeStringIterator", "org.mozilla.javascript.regexp.NativeRegExpStringIterator");

  private static final String FREEZE =
      "(function (objects, overridable, taming) {\n"
          + "  var failures = [], names = new Set(overridable);\n"
          + "  function tame(o, k, d) {\n"
          + "    var value = o[k];\n"
          + "    Object.defineProperty(o, k, { enumerable: d.enumerable, configurable: false,\n"
          + "      get: function () { return value; },\n"
          + "      set: function (v) {\n"
          + "        if (Object.isFrozen(this)) throw new TypeError('Cannot assign to read only property \\'' + String(k) + '\\' of a shared built-in object');\n"
          + "        Object.defineProperty(this, k, { value: v, writable: true, enumerable: true, configurable: true });\n"
          + "      } });\n"
          + "  }\n"
          + "  for (var i = 0; i < objects.length; i++) {\n"
          + "    var o = objects[i], keys;\n"
          + "    try { keys = Reflect.ownKeys(o); } catch (e) { failures.push(String(e)); continue; }\n"
          + "    for (var j = 0; j < keys.length; j++) {\n"
          + "      var k = keys[j], d;\n"
          + "      try { d = Object.getOwnPropertyDescriptor(o, k); } catch (e) { failures.push(String(k) + ': ' + e); continue; }\n"
          + "      if (!d) continue;\n"
          + "      try {\n"
          + "        if ('value' in d) {\n"
          + "          if (taming && typeof o !== 'function' && typeof k === 'string' && names.has(k) && d.configurable) tame(o, k, d);\n"
          + "          else if (d.writable || d.configurable)\n"
          + "            Object.defineProperty(o, k, { value: o[k], writable: false, enumerable: d.enumerable, configurable: false });\n"
          + "        } else if (d.configurable) {\n"
          + "          Object.defineProperty(o, k, { get: d.get, set: d.set, enumerable: d.enumerable, configurable: false });\n"
          + "        }\n"
          + "      } catch (e) { failures.push(String(k) + ': ' + e); }\n"
          + "    }\n"
          + "    Object.preventExtensions(o);\n"
          + "  }\n"
          + "  return failures;\n"
          + "})";

  /**
   * Lists everything reachable from {@code root} (own keys including symbols, accessors,
   * prototypes), but neither lists nor enters objects {@code skip} accepts (except the root).
   */
  private static final String WALK =
      "(function (root, skip) {\n"
          + "  var seen = new Set(), out = [], stack = [root];\n"
          + "  while (stack.length) {\n"
          + "    var o = stack.pop();\n"
          + "    if (o === null || o === undefined || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || (o !== root && skip(o))) continue;\n"
          + "    seen.add(o); out.push(o); stack.push(Object.getPrototypeOf(o));\n"
          + "    var keys; try { keys = Reflect.ownKeys(o); } catch (e) { continue; }\n"
          + "    for (var i = 0; i < keys.length; i++) {\n"
          + "      var d; try { d = Object.getOwnPropertyDescriptor(o, keys[i]); } catch (e) { continue; }\n"
          + "      if (!d) continue;\n"
          + "      if ('value' in d) { try { stack.push(o[keys[i]]); } catch (e) {} } else { stack.push(d.get); stack.push(d.set); }\n"
          + "    }\n"
          + "  }\n"
          + "  return out;\n"
          + "})";

  private final Set<Object> frozen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Object> verified = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Function walk;
  private final Function freeze;
  private final Function skip;

  /** A freezer that remembers what it froze, so that later calls walk only what is new. */
  Freezer(Context cx, ScriptableObject global) {
    this.walk = (Function) cx.evaluateString(global, WALK, "walk.js", 1, null);
    this.freeze = (Function) cx.evaluateString(global, FREEZE, "freeze.js", 1, null);
    this.skip = new org.mozilla.javascript.LambdaFunction(global, "skip", 1, (c, s, t, args) -> frozen.contains(args[0]));
  }

  /**
   * Freezes everything reachable from {@code roots} that this freezer has not frozen before
   * (taming the overridable properties) and seals it; the accessors created on the way, and the
   * freezer's own functions, are frozen too.
   */
  synchronized void freeze(Context cx, ScriptableObject global, List<Object> roots) {
    List<Object> pending = new ArrayList<>(roots);
    pending.add(walk);
    pending.add(freeze);
    pending.add(skip);
    List<ScriptableObject> fresh = new ArrayList<>();
    // Taming creates accessor functions, which are reachable in turn: repeat until nothing is new.
    // Only the first round tames; later rounds hold those accessors (and their lazily created
    // prototype objects), which are frozen as they are.
    boolean taming = true;
    while (!pending.isEmpty()) {
      Set<Object> batch = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Object root : pending) {
        for (Object o : ((NativeArray) walk.call(cx, global, global, new Object[] {root, skip})).toArray()) {
          if (o instanceof ScriptableObject so && !frozen.contains(so) && !batch.contains(so)) {
            batch.add(so);
          }
        }
      }
      if (batch.isEmpty()) {
        break;
      }
      List<?> problems = (List<?>) freeze.call(cx, global, global, new Object[] {
          cx.newArray(global, batch.toArray()), cx.newArray(global, OVERRIDABLE.toArray()), taming});
      taming = false;
      if (!problems.isEmpty()) {
        throw new IllegalStateException("could not freeze the shared scope: " + problems);
      }
      for (Object o : batch) {
        frozen.add(o);
        fresh.add((ScriptableObject) o);
      }
      pending = new ArrayList<>(batch);
    }
    for (ScriptableObject so : fresh) {
      so.sealObject();
    }
  }

  /**
   * Walks everything reachable from {@code roots} again (what an earlier call checked excepted) and
   * fails unless each object is frozen and of a vetted class: the start-up check that the shared
   * scope shares nothing changeable.
   */
  synchronized void verify(Context cx, ScriptableObject global, List<Object> roots) {
    Function skipVerified = new org.mozilla.javascript.LambdaFunction(global, "skip", 1, (c, s, t, args) -> verified.contains(args[0]));
    Set<String> problems = new TreeSet<>();
    List<ScriptableObject> checked = new ArrayList<>();
    for (Object root : roots) {
      for (Object o : ((NativeArray) walk.call(cx, global, global, new Object[] {root, skipVerified})).toArray()) {
        if (!(o instanceof ScriptableObject so)) {
          continue;
        }
        checked.add(so);
        if (so.isExtensible() || !so.isSealed()) {
          problems.add("not frozen: " + describe(so));
        }
        if (!vetted(so)) {
          problems.add("unvetted class: " + describe(so));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the shared scope would share changeable state: " + problems);
    }
    verified.addAll(checked);
  }

  private static boolean vetted(ScriptableObject so) {
    String name = so.getClass().getName();
    return so instanceof Function || STATELESS.contains(name) || RECEIVER_GUARDED.contains(name);
  }

  private static String describe(Scriptable so) {
    String what = so instanceof org.mozilla.javascript.BaseFunction f ? " " + f.getFunctionName()
        : " with keys " + java.util.Arrays.toString(so.getIds());
    return so.getClass().getName() + " (" + so.getClassName() + what + ")";
  }
}
