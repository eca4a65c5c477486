package dev.interlock.adapter.rhino.internal;

import dev.interlock.core.port.InstalledPackages;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeJSON;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * A CommonJS loader for the npm packages of one loaded action. Package files are compiled once
 * per package version into a {@link Scripts} cache shared by every action of the runtime; module
 * objects are made per execution ({@link Instances}), lazily on first {@code require}, so no
 * module state outlives an execution. Built-in modules win over packages of the same name, also
 * inside packages. Resolution follows Node's: relative paths with {@code .js}/{@code .cjs}/{@code
 * .json}/{@code /index.js}, then the package's own dependencies, then the declared roots
 * (hoisting); {@code package.json} {@code exports} (conditions {@code require}, {@code node},
 * {@code default}, subpaths) and {@code main}.
 */
final class PackageLoader {
  private static final String[] CONDITIONS = {"require", "node", "default"};
  private final InstalledPackages tree;
  private final Scripts scripts;
  private final HostModules builtins;
  private final SharedScope shared;

  PackageLoader(InstalledPackages tree, Scripts scripts, HostModules builtins, SharedScope shared) {
    this.tree = tree;
    this.scripts = scripts;
    this.builtins = builtins;
    this.shared = shared;
  }

  /** Whether the action's own {@code require(name)} can resolve {@code name} to a package. */
  boolean providesRoot(String request) {
    return tree.roots().containsKey(packageName(request));
  }

  /** A compiled package file: the module wrapper function's script, and whether it was transpiled. */
  record Compiled(Script script, boolean transpiled) {}

  /** Compiled package files by {@code id/path}, bounded (least recently used goes first). */
  static final class Scripts {
    private final Map<String, Compiled> cache;

    Scripts(int max) {
      this.cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
          return size() > max;
        }
      };
    }

    Compiled get(String key, java.util.function.Supplier<Compiled> compile) {
      synchronized (cache) {
        Compiled c = cache.get(key);
        if (c != null) {
          return c;
        }
      }
      Compiled c = compile.get();
      synchronized (cache) {
        cache.putIfAbsent(key, c);
      }
      return c;
    }

    int size() {
      synchronized (cache) {
        return cache.size();
      }
    }
  }

  /** One execution's module objects ({@code require.cache}), keyed by {@code id/path}. */
  final class Instances {
    private final Map<String, Scriptable> modules = new HashMap<>();
    private final Scriptable scope;
    private final NativeObject cacheObject;

    Instances(Scriptable scope) {
      this.scope = scope;
      this.cacheObject = JsValues.newObject(scope);
    }

    /** {@code require(request)} from the action's own code. */
    Object requireFromAction(Context cx, String request) {
      return require(cx, null, "action.js", null, request);
    }

    private Object require(Context cx, InstalledPackages.Package from, String fromPath, Scriptable parent, String request) {
      if (builtins.provides(request)) {
        return builtins.require(cx, scope, request);
      }
      String[] target = resolve(cx, from, fromPath, request);
      String key = target[0] + "/" + target[1];
      Scriptable existing = modules.get(key);
      if (existing != null) {
        return existing.get("exports", existing);
      }
      InstalledPackages.Package pkg = tree.packages().get(target[0]);
      String source = pkg.files().get(target[1]);
      NativeObject module = JsValues.newObject(scope);
      NativeObject exports = JsValues.newObject(scope);
      module.put("exports", module, exports);
      module.put("id", module, key);
      module.put("filename", module, "/node_modules/" + pkg.name() + "/" + target[1]);
      module.put("loaded", module, false);
      module.put("parent", module, parent == null ? null : parent);
      modules.put(key, module);
      cacheObject.put(key, cacheObject, module);
      if (target[1].endsWith(".json")) {
        module.put("exports", module, NativeJSON.parse(cx, scope, source, (c, s, t, a) -> a[1]));
      } else {
        Compiled compiled = scripts.get(key, () -> compile(cx, key, source));
        NativeObject moduleScope = new NativeObject();
        moduleScope.setPrototype(null);
        moduleScope.setParentScope(scope);
        if (compiled.transpiled()) {
          moduleScope.defineProperty(Transpiler.RESERVED, shared.helpers(), ScriptableObject.DONTENUM
              | ScriptableObject.READONLY | ScriptableObject.PERMANENT);
        }
        Function wrapper = (Function) compiled.script().exec(cx, moduleScope, moduleScope);
        String filename = "/node_modules/" + pkg.name() + "/" + target[1];
        String dirname = filename.substring(0, filename.lastIndexOf('/'));
        try {
          wrapper.call(cx, scope, exports, new Object[] {exports, requireFunction(pkg, target[1], module), module,
              filename, dirname});
        } catch (RuntimeException e) {
          modules.remove(key);
          cacheObject.delete(key);
          throw e;
        }
      }
      module.put("loaded", module, true);
      return module.get("exports", module);
    }

    private Function requireFunction(InstalledPackages.Package pkg, String path, Scriptable module) {
      LambdaFunction req = new LambdaFunction(scope, "require", 1, (cx, s, thisObj, args) ->
          require(cx, pkg, path, module, args.length == 0 ? "undefined" : org.mozilla.javascript.ScriptRuntime.toString(args[0])));
      req.put("resolve", req, new LambdaFunction(scope, "resolve", 1, (cx, s, thisObj, args) -> {
        String request = args.length == 0 ? "undefined" : org.mozilla.javascript.ScriptRuntime.toString(args[0]);
        if (builtins.provides(request)) {
          return request;
        }
        String[] t = resolve(cx, pkg, path, request);
        return "/node_modules/" + tree.packages().get(t[0]).name() + "/" + t[1];
      }));
      req.put("cache", req, cacheObject);
      module.put("require", module, req);
      return req;
    }

    /** {@code [package id, file path]} of the file {@code request} names, or a MODULE_NOT_FOUND error. */
    private String[] resolve(Context cx, InstalledPackages.Package from, String fromPath, String request) {
      String where = from == null ? fromPath : from.id() + "/" + fromPath;
      if (from != null && (request.startsWith("./") || request.startsWith("../") || request.equals(".")
          || request.equals(".."))) {
        String base = fromPath.contains("/") ? fromPath.substring(0, fromPath.lastIndexOf('/')) : "";
        String path = normalize(base.isEmpty() ? request : base + "/" + request);
        String file = path == null ? null : file(from, path);
        if (file == null) {
          throw notFound(cx, request, where);
        }
        return new String[] {from.id(), file};
      }
      String name = packageName(request);
      String id = from != null && from.dependencies().containsKey(name) ? from.dependencies().get(name) : tree.roots().get(name);
      InstalledPackages.Package pkg = id == null ? null : tree.packages().get(id);
      if (pkg == null) {
        throw notFound(cx, request, where);
      }
      String sub = request.length() > name.length() ? "." + request.substring(name.length()) : ".";
      String file = entry(cx, pkg, sub);
      if (file == null) {
        throw notFound(cx, request, where);
      }
      return new String[] {pkg.id(), file};
    }

    private String entry(Context cx, InstalledPackages.Package pkg, String sub) {
      String manifest = pkg.files().get("package.json");
      Scriptable json = null;
      if (manifest != null) {
        Object parsed = NativeJSON.parse(cx, scope, manifest, (c, s, t, a) -> a[1]);
        json = parsed instanceof Scriptable j ? j : null;
      }
      Object exports = json == null ? null : json.get("exports", json);
      if (exports != null && exports != Scriptable.NOT_FOUND) {
        Object target = exportsTarget(exports, sub);
        String path = target instanceof String t ? normalize(t) : null;
        return path != null && pkg.files().containsKey(path) ? path : null;
      }
      if (!sub.equals(".")) {
        return file(pkg, normalize(sub));
      }
      Object main = json == null ? null : json.get("main", json);
      if (main instanceof CharSequence m) {
        String path = normalize(m.toString());
        String file = path == null ? null : file(pkg, path);
        if (file != null) {
          return file;
        }
      }
      return file(pkg, "index");
    }

    private Object exportsTarget(Object exports, String sub) {
      if (exports instanceof CharSequence || !(exports instanceof Scriptable map)) {
        return sub.equals(".") ? conditions(exports) : null;
      }
      boolean subpaths = false;
      for (Object id : map.getIds()) {
        subpaths |= id instanceof String s && s.startsWith(".");
      }
      if (!subpaths) {
        return sub.equals(".") ? conditions(exports) : null;
      }
      Object direct = map.get(sub, map);
      if (direct != Scriptable.NOT_FOUND) {
        return conditions(direct);
      }
      for (Object id : map.getIds()) {
        if (id instanceof String pattern && pattern.endsWith("/*") && sub.startsWith(pattern.substring(0, pattern.length() - 1))) {
          Object t = conditions(map.get(pattern, map));
          if (t instanceof String s) {
            return s.replace("*", sub.substring(pattern.length() - 1));
          }
        }
      }
      return null;
    }

    private Object conditions(Object target) {
      while (target instanceof Scriptable s && !(target instanceof CharSequence)) {
        Object next = null;
        for (String c : CONDITIONS) {
          Object v = s.get(c, s);
          if (v != Scriptable.NOT_FOUND) {
            next = v;
            break;
          }
        }
        if (next == null) {
          return null;
        }
        target = next;
      }
      return target instanceof CharSequence cs ? cs.toString() : null;
    }
  }

  /** The file of {@code path} in the package as Node tries it: exact, .js, .cjs, .json, /index.js, /package.json main. */
  private static String file(InstalledPackages.Package pkg, String path) {
    if (path == null) {
      return null;
    }
    for (String candidate : new String[] {path, path + ".js", path + ".cjs", path + ".json", path + "/index.js",
        path + "/index.json"}) {
      if (pkg.files().containsKey(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** {@code path} without {@code .} and {@code ..} segments, relative to the package root; null when it leaves it. */
  static String normalize(String path) {
    java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
    for (String seg : path.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (out.isEmpty()) {
          return null;
        }
        out.removeLast();
      } else {
        out.addLast(seg);
      }
    }
    return String.join("/", out);
  }

  static String packageName(String request) {
    String[] parts = request.split("/", -1);
    if (request.startsWith("@") && parts.length >= 2) {
      return parts[0] + "/" + parts[1];
    }
    return parts[0];
  }

  private static JavaScriptException notFound(Context cx, String request, String where) {
    Scriptable scope = Execution.current(cx).scope();
    Scriptable error = cx.newObject(scope, "Error", new Object[] {"Cannot find module '" + request + "' from '" + where + "'"});
    error.put("code", error, "MODULE_NOT_FOUND");
    return new JavaScriptException(error, where, 0);
  }

  private Compiled compile(Context cx, String name, String source) {
    String wrapped = "(function (exports, require, module, __filename, __dirname) {" + source + "\n})";
    try {
      return new Compiled(cx.compileString(wrapped, name, 1, null), false);
    } catch (EvaluatorException e) {
      // Syntax Rhino does not parse (classes with fields, async, ...): lower it as the action's code is.
      Transpiler.Output es5 = Transpiler.transpile(wrapped);
      return new Compiled(cx.compileString(es5.code(), name, 1, null), true);
    }
  }
}
