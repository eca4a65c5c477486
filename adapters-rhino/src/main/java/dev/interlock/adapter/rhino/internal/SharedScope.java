package dev.interlock.adapter.rhino.internal;

import java.util.ArrayList;
import java.util.List;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.TopLevel;

/**
 * The global scope every execution shares, built once: the safe standard objects (no Java
 * access), minus anything Java-ish or non-standard, plus the Node-like host globals and the
 * size-checking built-ins; then everything reachable from it, from the transpiler's helpers and
 * from the intrinsics no property leads to (iterator and generator prototypes) is frozen by
 * {@link Freezer} and checked by {@link Freezer#verify}. Each execution runs in its own scope
 * whose prototype is this one, so its globals stay its own.
 *
 * <p>The transpiler's {@code $jscomp} helpers are not a global: they live in a closure, handed
 * only to transpiled code through {@link #helpers()} (see {@code RhinoLoadedAction}).
 */
final class SharedScope {
  private static final String[] REMOVED = {
    "Continuation", "Packages", "java", "javax", "org", "com", "edu", "net", "getClass", "JavaAdapter",
    "JavaImporter", "importClass", "importPackage", "load", "loadClass", "print", "XML", "XMLList",
    "Namespace", "QName", "isXMLName", "uneval", "Script", "Iterator", "StopIteration", "With", "Call"
  };

  /**
   * Intrinsics that no property of the global leads to, besides the iterator prototypes that
   * {@link BuiltinGuards#install} returns.
   */
  private static final String INTRINSICS =
      "[Object.getPrototypeOf(function* () {}), Object.getOwnPropertyDescriptor(Function.prototype, 'caller')]";

  private final ScriptableObject global;
  private final Scriptable helpers;
  private final Function promiseThen;
  private final Object[] settleCallbacks;

  private final Freezer freezer;

  private SharedScope(ScriptableObject global, Scriptable helpers, Function promiseThen, Object[] settleCallbacks, Freezer freezer) {
    this.freezer = freezer;
    this.global = global;
    this.helpers = helpers;
    this.promiseThen = promiseThen;
    this.settleCallbacks = settleCallbacks;
  }

  /**
   * Freezes objects built later for all executions to share (an action's api template), as the
   * scope itself was frozen. Needs an entered Context.
   */
  void freeze(Context cx, Scriptable root) {
    freezer.freeze(cx, global, List.of(root));
    freezer.verify(cx, global, List.of(root));
  }

  /** The transpiler's {@code $jscomp} helpers, frozen; never reachable by name from a script. */
  Scriptable helpers() {
    return helpers;
  }

  /**
   * {@code [onFulfilled, onRejected]} for {@link #promiseThen()}: they report to the execution on
   * the current Context, so one pair serves every execution.
   */
  Object[] settleCallbacks() {
    return settleCallbacks.clone();
  }

  ScriptableObject global() {
    return global;
  }

  /** The original {@code Promise.prototype.then}, for the runtime to watch the handler's promise. */
  Function promiseThen() {
    return promiseThen;
  }

  private static Function settle(ScriptableObject global, boolean fulfilled) {
    return new org.mozilla.javascript.LambdaFunction(global, fulfilled ? "onFulfilled" : "onRejected", 1, (cx, scope, thisObj, args) -> {
      Execution.current(cx).settle(fulfilled, args.length > 0 ? args[0] : org.mozilla.javascript.Undefined.instance);
      return org.mozilla.javascript.Undefined.instance;
    });
  }

  static SharedScope build(SandboxContextFactory factory, HostModules modules) {
    Context cx = factory.enterContext();
    try {
      ScriptableObject global = cx.initSafeStandardObjects(new TopLevel(), false);
      for (String name : REMOVED) {
        global.delete(name);
      }
      for (Object id : global.getAllIds()) {
        // Forces lazily loaded constructors (RegExp, typed arrays, ...) to exist before freezing.
        if (id instanceof String name) {
          ScriptableObject.getProperty(global, name);
        }
      }
      BuiltinGuards.installDefinitionGuards(cx, global);
      Scriptable helpers = (Scriptable) cx.evaluateString(global, Transpiler.runtimeLibraryInClosure(), "jscomp-runtime.js", 1, null);
      HostGlobals.install(global, modules);
      List<Object> iteratorPrototypes = BuiltinGuards.install(cx, global);
      SizeGuards.install(cx, global);
      Scriptable promiseProto = ScriptableObject.getClassPrototype(global, "Promise");
      Function then = (Function) ScriptableObject.getProperty(promiseProto, "then");
      Object[] callbacks = {settle(global, true), settle(global, false)};
      List<Object> roots = new ArrayList<>(List.of(global, helpers, callbacks[0], callbacks[1]));
      roots.addAll(modules.exports());
      roots.addAll(iteratorPrototypes);
      roots.addAll(((NativeArray) cx.evaluateString(global, INTRINSICS, "intrinsics.js", 1, null)));
      Freezer freezer = new Freezer(cx, global);
      freezer.freeze(cx, global, roots);
      freezer.verify(cx, global, roots);
      return new SharedScope(global, helpers, then, callbacks, freezer);
    } finally {
      Context.exit();
    }
  }
}
