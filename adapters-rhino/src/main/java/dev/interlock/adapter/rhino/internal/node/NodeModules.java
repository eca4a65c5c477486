package dev.interlock.adapter.rhino.internal.node;

import dev.interlock.adapter.rhino.HostModule;
import dev.interlock.adapter.rhino.RhinoConfig;
import dev.interlock.adapter.rhino.internal.HostModules;
import dev.interlock.adapter.rhino.internal.NodeBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * The Node compatibility layer: the Web and Node globals real Actions use (Buffer, URL, fetch,
 * ...) and the built-in modules {@code require} returns (crypto, url, util, events, jsonwebtoken,
 * axios, auth0, ...; {@code node:} prefixes accepted), plus the application's {@link HostModule}s. Most
 * of it is JavaScript ({@code node/*.js}) written on a few JDK-backed host functions; it is built
 * once into the shared scope and frozen with it, so executions share no mutable object.
 */
public final class NodeModules implements HostModules {
  private static final String[] SOURCES = {
    "globals.js", "host.js", "url.js", "querystring.js", "modules.js", "jwt.js", "http.js", "axios.js", "auth0-rest.js",
    "auth0.js", "jose.js"
  };
  private static final String[] GLOBALS = {
    "DOMException", "Buffer", "TextEncoder", "TextDecoder", "atob", "btoa", "structuredClone", "crypto", "URL",
    "URLSearchParams", "fetch", "Headers", "Response", "AbortController", "AbortSignal"
  };
  private static final String[] BUILTIN = {
    "crypto", "url", "querystring", "util", "buffer", "events", "jsonwebtoken", "axios", "auth0", "jose", "jwks-rsa"
  };

  private final NodeHttp http;
  private final Map<String, HostModule> hostModules = new LinkedHashMap<>();
  private final Map<String, Object> exports = new LinkedHashMap<>();
  /** Everything the layer's files returned, the objects only a closure leads to included ({@code $shared*}). */
  private Object library;

  public NodeModules(RhinoConfig config) {
    this.http = new NodeHttp(new EgressPolicy(config.egress()), config.fetchInterceptor());
    for (HostModule m : config.hostModules()) {
      String name = m.name();
      if (name == null || name.isBlank() || name.startsWith("node:") || List.of(BUILTIN).contains(name)) {
        throw new IllegalArgumentException("host module name '" + name + "' is empty or clashes with a built-in module");
      }
      if (hostModules.put(name, m) != null) {
        throw new IllegalArgumentException("two host modules are named '" + name + "'");
      }
    }
  }

  private static String bare(String name) {
    return name.startsWith("node:") ? name.substring(5) : name;
  }

  @Override
  public boolean provides(String name) {
    return exports.isEmpty() ? names().contains(bare(name)) || names().contains(name) : exports.containsKey(key(name));
  }

  private String key(String name) {
    return hostModules.containsKey(name) ? name : bare(name);
  }

  @Override
  public List<String> names() {
    List<String> out = new ArrayList<>(new TreeSet<>(List.of(BUILTIN)));
    out.addAll(hostModules.keySet());
    return out;
  }

  @Override
  public Object require(Context cx, Scriptable scope, String name) {
    Object module = exports.get(key(name));
    if (module == null) {
      throw new IllegalArgumentException(name);
    }
    return module;
  }

  @Override
  public void installGlobals(Context cx, ScriptableObject global) {
    NativeObject natives = NodeNatives.build(global, http);
    NativeObject lib = NodeBridge.newObject(global);
    for (String file : SOURCES) {
      Function factory = (Function) cx.evaluateString(global, source(file), "node/" + file, 1, null);
      Scriptable result = (Scriptable) factory.call(cx, global, global, new Object[] {natives, lib});
      for (Object id : result.getIds()) {
        lib.put((String) id, lib, result.get((String) id, result));
      }
    }
    for (String name : GLOBALS) {
      global.defineProperty(name, lib.get(name, lib), ScriptableObject.DONTENUM);
    }
    for (String name : BUILTIN) {
      exports.put(name, lib.get(name, lib));
    }
    library = lib;
    for (HostModule m : hostModules.values()) {
      exports.put(m.name(), hostModule(global, m));
    }
  }

  @Override
  public java.util.Collection<Object> exports() {
    List<Object> all = new ArrayList<>(exports.values());
    if (library != null) {
      all.add(library);
    }
    return all;
  }

  private static Object hostModule(ScriptableObject global, HostModule module) {
    NativeObject exportsObject = NodeBridge.newObject(global);
    for (Map.Entry<String, HostModule.Function> e : module.functions().entrySet()) {
      String what = module.name() + "." + e.getKey();
      HostModule.Function fn = e.getValue();
      exportsObject.defineProperty(e.getKey(), new LambdaFunction(global, e.getKey(), 0, (cx, scope, thisObj, args) -> {
        List<Object> json = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
          try {
            json.add(NodeBridge.toJson(args[i], what + " argument " + (i + 1)));
          } catch (RuntimeException ex) {
            throw ScriptRuntime.constructError("TypeError", ex.getMessage());
          }
        }
        Scriptable target = NodeBridge.scope(cx);
        Object result = call(fn, json, what);
        if (result instanceof CompletionStage<?> stage) {
          // A copy: when the execution ends first it cancels what it waits for, never the host's own stage.
          return later(cx, stage.toCompletableFuture().copy(), what);
        }
        return js(cx, target, result, what);
      }), ScriptableObject.PERMANENT);
    }
    return exportsObject;
  }

  private static Object js(Context cx, Scriptable scope, Object value, String what) {
    try {
      return NodeBridge.toJs(cx, scope, value);
    } catch (IllegalArgumentException ex) {
      throw ScriptRuntime.constructError("TypeError", what + " returned a value scripts cannot use");
    }
  }

  /**
   * A promise settled when the host function's stage completes; meanwhile the execution holds no
   * thread. Its deadline still applies: a stage that never completes fails the action with
   * {@code action_timeout}.
   */
  private static Object later(Context cx, java.util.concurrent.CompletableFuture<?> stage, String what) {
    return NodeBridge.promise(cx, stage,
        (slice, value) -> js(slice, NodeBridge.scope(slice), value, what),
        (slice, failure) -> failure instanceof RhinoException
            ? errorObject(slice, NodeBridge.scope(slice), "TypeError", what + " returned a value scripts cannot use")
            : errorObject(slice, NodeBridge.scope(slice), "Error", what + " failed: " + failure.getMessage()));
  }

  private static Scriptable errorObject(Context cx, Scriptable scope, String name, String message) {
    return cx.newObject(scope, name, new Object[] {message});
  }

  private static Object call(HostModule.Function fn, List<Object> json, String what) {
    try {
      return fn.apply(json);
    } catch (RhinoException ex) {
      throw ex;
    } catch (Exception ex) {
      throw ScriptRuntime.constructError("Error", what + " failed: " + ex.getMessage());
    }
  }

  private static String source(String file) {
    try (InputStream in = NodeModules.class.getResourceAsStream("/dev/interlock/adapter/rhino/node/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource node/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
