package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * Keeps one execution from changing what the next one sees. The shared scope and everything in
 * it is sealed, but sealing alone does not stop {@code Object.defineProperty}, {@code
 * setPrototypeOf}, {@code freeze/seal/preventExtensions} (a Rhino quirk re-enables writes after
 * {@code preventExtensions} on a sealed object) or {@code Array.of/from.call} with a constructor
 * that returns a shared object. These entry points are replaced by versions that refuse shared
 * (sealed) targets with a TypeError and leave the script's own objects alone.
 */
final class BuiltinGuards {
  private BuiltinGuards() {}

  static void install(Context cx, ScriptableObject global) {
    Scriptable object = (Scriptable) global.get("Object", global);
    for (String name : new String[] {"defineProperty", "defineProperties", "setPrototypeOf", "freeze", "seal", "preventExtensions"}) {
      guardFirstArgument(global, object, name, "Object." + name);
    }
    Scriptable reflect = (Scriptable) global.get("Reflect", global);
    for (String name : new String[] {"defineProperty", "setPrototypeOf", "preventExtensions", "set", "deleteProperty"}) {
      guardFirstArgument(global, reflect, name, "Reflect." + name);
    }
    Scriptable objectPrototype = ScriptableObject.getObjectPrototype(global);
    for (String name : new String[] {"__defineGetter__", "__defineSetter__"}) {
      guardThis(global, objectPrototype, name);
    }
    guardProtoSetter(cx, global);
    Scriptable array = (Scriptable) global.get("Array", global);
    for (String name : new String[] {"of", "from"}) {
      alwaysOnArray(global, array, name);
    }
  }

  /** The {@code __proto__} setter of {@code Object.prototype} changes prototypes unchecked. */
  private static void guardProtoSetter(Context cx, ScriptableObject global) {
    Function install =
        (Function)
            cx.evaluateString(
                global,
                "(function (isShared) {\n"
                    + "  var d = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__');\n"
                    + "  if (!d || !d.set) return;\n"
                    + "  var set = d.set;\n"
                    + "  Object.defineProperty(Object.prototype, '__proto__', { configurable: d.configurable, enumerable: false,\n"
                    + "    get: d.get, set: function (value) {\n"
                    + "      if (isShared(this)) throw new TypeError('__proto__ cannot change a shared built-in object');\n"
                    + "      return set.call(this, value);\n"
                    + "    } });\n"
                    + "})",
                "guards.js",
                1,
                null);
    Function isShared = new LambdaFunction(global, "isShared", 1, (c, s, t, args) -> args.length > 0 && isShared(args[0]));
    install.call(cx, global, global, new Object[] {isShared});
  }

  /** Whether a value belongs to the shared scope (sealed objects are never the script's own). */
  static boolean isShared(Object value) {
    return value instanceof ScriptableObject so && so.isSealed();
  }

  private static void guardFirstArgument(ScriptableObject global, Scriptable owner, String name, String label) {
    Function original = (Function) owner.get(name, owner);
    Function guarded =
        new LambdaFunction(
            global,
            name,
            arity(original),
            (cx, scope, thisObj, args) -> {
              if (args.length > 0 && isShared(args[0])) {
                throw ScriptRuntime.typeError(label + " cannot change a shared built-in object");
              }
              return original.call(cx, scope, thisObj, args);
            });
    replace(owner, name, guarded);
  }

  private static void guardThis(ScriptableObject global, Scriptable owner, String name) {
    Object value = owner.get(name, owner);
    if (!(value instanceof Function original)) {
      return;
    }
    Function guarded =
        new LambdaFunction(
            global,
            name,
            arity(original),
            (cx, scope, thisObj, args) -> {
              if (isShared(thisObj)) {
                throw ScriptRuntime.typeError(name + " cannot change a shared built-in object");
              }
              return original.call(cx, scope, thisObj, args);
            });
    replace(owner, name, guarded);
  }

  /**
   * {@code Array.of} and {@code Array.from} ignore their {@code this}: called on another
   * constructor they would write elements into whatever object it returns, shared ones included.
   */
  private static void alwaysOnArray(ScriptableObject global, Scriptable array, String name) {
    Function original = (Function) array.get(name, array);
    Function guarded =
        new LambdaFunction(global, name, arity(original), (cx, scope, thisObj, args) -> original.call(cx, scope, array, args));
    replace(array, name, guarded);
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
