package dev.interlock.adapter.rhino.internal;

import java.util.Arrays;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * The Node-like globals of the shared scope: {@code console}, {@code setTimeout}/{@code
 * clearTimeout} (and the interval and immediate variants), {@code queueMicrotask} and {@code
 * require}. They are built once and sealed with the scope; each call finds its execution through
 * the current Context.
 */
final class HostGlobals {
  private static final String[] CONSOLE_LEVELS = {"log", "info", "warn", "error", "debug", "trace"};

  private HostGlobals() {}

  static void install(ScriptableObject global, HostModules modules) {
    NativeObject console = JsValues.newObject(global);
    for (String level : CONSOLE_LEVELS) {
      console.defineProperty(level, new LambdaFunction(global, level, 0, (cx, scope, thisObj, args) -> {
        Execution.current(cx).invocation().console().write(level, Inspect.format(args));
        return Undefined.instance;
      }), ScriptableObject.EMPTY);
    }
    console.defineProperty("dir", console.get("log", console), ScriptableObject.EMPTY);
    global.defineProperty("console", console, ScriptableObject.DONTENUM);

    define(global, "setTimeout", 2, (cx, scope, thisObj, args) -> timer(cx, args, false));
    define(global, "setInterval", 2, (cx, scope, thisObj, args) -> timer(cx, args, true));
    define(global, "setImmediate", 1, (cx, scope, thisObj, args) -> timer(cx, withDelay(args), false));
    for (String clear : new String[] {"clearTimeout", "clearInterval", "clearImmediate"}) {
      define(global, clear, 1, (cx, scope, thisObj, args) -> {
        if (args.length > 0 && args[0] instanceof Number n) {
          Execution.current(cx).cancelTimer(n.intValue());
        }
        return Undefined.instance;
      });
    }
    define(global, "queueMicrotask", 1, (cx, scope, thisObj, args) -> {
      Function f = callback(args, "queueMicrotask");
      Execution e = Execution.current(cx);
      cx.enqueueMicrotask(() -> f.call(cx, e.scope(), e.scope(), ScriptRuntime.emptyArgs));
      return Undefined.instance;
    });
    define(global, "require", 1, (cx, scope, thisObj, args) -> {
      String name = args.length == 0 ? "undefined" : ScriptRuntime.toString(args[0]);
      if (!modules.provides(name)) {
        PackageLoader.Instances packages = Execution.current(cx).packages();
        if (packages != null && !name.startsWith(".")) {
          return packages.requireFromAction(cx, name);
        }
        throw ScriptRuntime.constructError("Error", "Cannot find module '" + name + "'" + available(modules));
      }
      return modules.require(cx, Execution.current(cx).scope(), name);
    });
    modules.installGlobals(Context.getCurrentContext(), global);
  }

  static String available(HostModules modules) {
    return modules.names().isEmpty() ? "" : "; available modules: " + String.join(", ", modules.names());
  }

  private static void define(ScriptableObject global, String name, int arity, org.mozilla.javascript.SerializableCallable body) {
    global.defineProperty(name, new LambdaFunction(global, name, arity, body), ScriptableObject.DONTENUM);
  }

  private static Object timer(Context cx, Object[] args, boolean repeat) {
    Function f = callback(args, repeat ? "setInterval" : "setTimeout");
    double delay = args.length > 1 ? ScriptRuntime.toNumber(args[1]) : 0;
    Object[] extra = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : ScriptRuntime.emptyArgs;
    return Execution.current(cx).addTimer(f, extra, delay, repeat);
  }

  private static Object[] withDelay(Object[] args) {
    Object[] out = new Object[Math.max(2, args.length + 1)];
    out[0] = args.length > 0 ? args[0] : Undefined.instance;
    out[1] = 0;
    if (args.length > 1) {
      System.arraycopy(args, 1, out, 2, args.length - 1);
    }
    return out;
  }

  private static Function callback(Object[] args, String name) {
    if (args.length == 0 || !(args[0] instanceof Function f)) {
      throw ScriptRuntime.typeError("The \"callback\" argument of " + name + " must be of type function");
    }
    return f;
  }

}
