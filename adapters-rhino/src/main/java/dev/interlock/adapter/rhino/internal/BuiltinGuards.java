package dev.interlock.adapter.rhino.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;

/**
 * What freezing ({@link Freezer}) cannot cover by itself: one Rhino invariant bug ({@link
 * #installDefinitionGuards}), and the shared state not held in properties: internal slots of shared
 * prototypes, Rhino's global symbol registry, and the lexical scope that a direct {@code eval}
 * would expose.
 *
 * <ul>
 *   <li>{@code Date.prototype}, {@code RegExp.prototype}, the generator prototype and the
 *       iterator prototypes are, in Rhino, instances of their classes with a time value, a
 *       compiled pattern or an iteration state; their methods ({@code setTime}, {@code compile},
 *       {@code next}, ...) refuse the shared prototype as their receiver, as ECMAScript's
 *       ordinary-object prototypes would ("this is not a Date object").
 *   <li>{@code Symbol.for}/{@code Symbol.keyFor} keep their registry per execution instead of on
 *       the shared global (where it was shared, and never freed).
 *   <li>{@code eval} is always indirect: it runs code in the execution's global scope, never in
 *       the caller's lexical scope, which holds the transpiler's helpers.
 * </ul>
 */
final class BuiltinGuards {
  private static final String SYMBOLS = "interlock.symbol-registry";

  private BuiltinGuards() {}

  /**
   * Rhino 1.9.2's {@code defineOwnProperty} does not enforce one invariant freezing relies on: a
   * non-configurable accessor can be redefined as a data property. The script-reachable entry
   * points to it refuse a shared (frozen and sealed) target, and so does {@code Proxy}, whose
   * default traps forward to the target's Java methods. Installed before any other code runs in the
   * shared scope, so that no helper or host function holds an unguarded original.
   */
  static void installDefinitionGuards(Context cx, ScriptableObject global) {
    Scriptable object = (Scriptable) global.get("Object", global);
    for (String name : new String[] {"defineProperty", "defineProperties"}) {
      guardFirstArgument(global, object, name, "Object." + name);
    }
    Scriptable reflect = (Scriptable) global.get("Reflect", global);
    guardFirstArgument(global, reflect, "defineProperty", "Reflect.defineProperty");
    Scriptable objectPrototype = ScriptableObject.getObjectPrototype(global);
    for (String name : new String[] {"__defineGetter__", "__defineSetter__"}) {
      refuse(global, objectPrototype, name, (thisObj, args) -> isShared(thisObj) ? name + " cannot change a shared built-in object" : null);
    }
    Function install = (Function) cx.evaluateString(global,
        "(function (isShared) {\n"
            + "  var P = Proxy, revocable = Proxy.revocable;\n"
            + "  function check(t) { if (isShared(t)) throw new TypeError('a shared built-in object cannot be the target of a Proxy'); }\n"
            + "  var guarded = function Proxy(target, handler) { check(target); return new P(target, handler); };\n"
            + "  guarded.revocable = function revocable(target, handler) { check(target); return revocable(target, handler); };\n"
            + "  Object.defineProperty(this, 'Proxy', { value: guarded, writable: true, configurable: true, enumerable: false });\n"
            + "})", "guards.js", 1, null);
    Function isShared = new LambdaFunction(global, "isShared", 1, (c, s, t, args) -> args.length > 0 && isShared(args[0]));
    install.call(cx, global, global, new Object[] {isShared});
  }

  private static void guardFirstArgument(ScriptableObject global, Scriptable owner, String name, String label) {
    refuse(global, owner, name,
        (thisObj, args) -> args.length > 0 && isShared(args[0]) ? label + " cannot change a shared built-in object" : null);
  }

  /** Why a call must be refused (a TypeError with that message), or null to let it through. */
  @FunctionalInterface
  private interface Refusal {
    String why(Scriptable thisObj, Object[] args);
  }

  /** Replaces {@code owner[name]} (a function, once) by one that first asks {@code refusal}. */
  private static void refuse(ScriptableObject global, Scriptable owner, String name, Refusal refusal) {
    Object value = owner.get(name, owner);
    if (!(value instanceof Function original) || value instanceof Refusing) {
      return;
    }
    replace(owner, name, new Refusing(global, name, arity(original), (cx, scope, thisObj, args) -> {
      String why = refusal.why(thisObj, args);
      if (why != null) {
        throw ScriptRuntime.typeError(why);
      }
      return original.call(cx, scope, thisObj, args);
    }));
  }

  /** A built-in wrapped by {@link #refuse}, so that it is wrapped once. */
  private static final class Refusing extends LambdaFunction {
    private static final long serialVersionUID = 1L;

    Refusing(Scriptable scope, String name, int length, org.mozilla.javascript.SerializableCallable target) {
      super(scope, name, length, target);
    }
  }

  /**
   * Installs the receiver guards, the per-execution symbol registry and the indirect {@code eval};
   * returns the generator and iterator prototypes it guarded, which no property of the global
   * leads to, for the caller to freeze with the rest.
   */
  static java.util.List<Object> install(Context cx, ScriptableObject global) {
    for (String name : new String[] {"Date", "RegExp"}) {
      guardReceiver(global, ScriptableObject.getClassPrototype(global, name), name);
    }
    org.mozilla.javascript.NativeArray iterators = (org.mozilla.javascript.NativeArray) cx.evaluateString(global,
        "(function (p) { return [p(p((function* () {})())), p([][Symbol.iterator]()), p(''[Symbol.iterator]()),"
            + " p(new Map()[Symbol.iterator]()), p(new Set()[Symbol.iterator]()), p(/a/g[Symbol.matchAll]('a'))]; })"
            + "(Object.getPrototypeOf)", "guards.js", 1, null);
    for (Object prototype : iterators.toArray()) {
      guardReceiver(global, (Scriptable) prototype, ((Scriptable) prototype).getClassName());
    }
    Scriptable symbol = (Scriptable) global.get("Symbol", global);
    Function create = (Function) symbol;
    replace(symbol, "for", new LambdaFunction(global, "for", 1, (c, scope, thisObj, args) -> {
      String key = ScriptRuntime.toString(args.length > 0 ? args[0] : Undefined.instance);
      Registry registry = registry(c);
      return registry.byKey.computeIfAbsent(key, k -> {
        Object s = create.call(c, global, Undefined.SCRIPTABLE_UNDEFINED, new Object[] {k});
        registry.byValue.put(s, k);
        return s;
      });
    }));
    replace(symbol, "keyFor", new LambdaFunction(global, "keyFor", 1, (c, scope, thisObj, args) -> {
      Object s = args.length > 0 ? args[0] : Undefined.instance;
      if (!(s instanceof Symbol)) {
        throw ScriptRuntime.typeError(ScriptRuntime.toString(s) + " is not a symbol");
      }
      String key = registry(c).byValue.get(s);
      return key == null ? Undefined.instance : key;
    }));
    replace(global, "eval", new LambdaFunction(global, "eval", 1, (c, scope, thisObj, args) -> {
      Object code = args.length > 0 ? args[0] : Undefined.instance;
      if (!(code instanceof CharSequence)) {
        return code;
      }
      Scriptable own = Execution.current(c).scope();
      return c.evaluateString(own, code.toString(), "eval", 1, null);
    }));
    return java.util.List.of(iterators.toArray());
  }

  /** The symbols one execution registered with {@code Symbol.for}. */
  private static final class Registry {
    final Map<String, Object> byKey = new HashMap<>();
    final Map<Object, String> byValue = new IdentityHashMap<>();
  }

  private static Registry registry(Context cx) {
    ScriptableObject scope = (ScriptableObject) Execution.current(cx).scope();
    Object registry = scope.getAssociatedValue(SYMBOLS);
    if (registry == null) {
      registry = new Registry();
      scope.associateValue(SYMBOLS, registry);
    }
    return (Registry) registry;
  }

  /** Every method of {@code prototype} refuses {@code prototype} itself (shared) as its receiver. */
  private static void guardReceiver(ScriptableObject global, Scriptable prototype, String className) {
    for (Object id : ((ScriptableObject) prototype).getAllIds()) {
      if (id instanceof String name && !name.equals("constructor")) {
        refuse(global, prototype, name, (thisObj, args) -> thisObj == prototype
            ? className + ".prototype." + name + " cannot be called on the shared " + className + ".prototype" : null);
      }
    }
  }

  /** Whether a value belongs to the shared scope (frozen and sealed objects are never the script's own). */
  static boolean isShared(Object value) {
    return value instanceof ScriptableObject so && so.isSealed();
  }

  static void replace(Scriptable owner, String name, Function replacement) {
    ScriptableObject o = (ScriptableObject) owner;
    int attributes = o.has(name, o) ? o.getAttributes(name) : ScriptableObject.DONTENUM;
    o.delete(name);
    o.defineProperty(name, replacement, attributes);
  }

  static int arity(Function f) {
    return f instanceof org.mozilla.javascript.BaseFunction b ? b.getLength() : 0;
  }
}
