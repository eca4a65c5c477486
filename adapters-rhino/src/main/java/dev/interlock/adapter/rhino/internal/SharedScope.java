package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.TopLevel;

/**
 * The global scope every execution shares, built once: the safe standard objects (no Java
 * access), minus anything Java-ish, plus the transpiler's {@code $jscomp} helpers, the Node-like
 * host globals and the guarded built-ins; then every object reachable from it is sealed. Each
 * execution runs in its own scope whose prototype is this one, so its globals stay its own.
 */
final class SharedScope {
  private static final String[] REMOVED = {
    "Continuation", "Packages", "java", "javax", "org", "com", "edu", "net", "getClass", "JavaAdapter",
    "JavaImporter", "importClass", "importPackage", "load", "loadClass", "print", "XML", "XMLList",
    "Namespace", "QName", "isXMLName", "uneval"
  };

  /** Visits everything reachable (own keys incl. symbols, accessors, prototypes). */
  private static final String COLLECT = Reachability.FUNCTION + "(this)";

  private final ScriptableObject global;
  private final Function promiseThen;
  private final Object[] settleCallbacks;

  private SharedScope(ScriptableObject global, Function promiseThen, Object[] settleCallbacks) {
    this.global = global;
    this.promiseThen = promiseThen;
    this.settleCallbacks = settleCallbacks;
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
        // Forces lazily loaded constructors (RegExp, typed arrays, ...) to exist before sealing.
        if (id instanceof String name) {
          global.get(name, global);
        }
      }
      Script runtime = cx.compileString(Transpiler.runtimeLibrary(), "jscomp-runtime.js", 1, null);
      runtime.exec(cx, global, global);
      HostGlobals.install(global, modules);
      BuiltinGuards.install(cx, global);
      SizeGuards.install(cx, global);
      Scriptable promiseProto = ScriptableObject.getClassPrototype(global, "Promise");
      Function then = (Function) ScriptableObject.getProperty(promiseProto, "then");
      Object[] callbacks = {settle(global, true), settle(global, false)};
      NativeArray all = (NativeArray) cx.evaluateString(global, COLLECT, "seal.js", 1, null);
      for (Object o : all.toArray()) {
        if (o instanceof ScriptableObject so) {
          so.sealObject();
        }
      }
      for (Object f : callbacks) {
        ((ScriptableObject) f).sealObject();
      }
      return new SharedScope(global, then, callbacks);
    } finally {
      Context.exit();
    }
  }
}
