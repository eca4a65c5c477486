package dev.interlock.adapter.rhino.internal;

import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCallException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mozilla.javascript.ConsString;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.TopLevel;

/**
 * Converts between the engine's JSON values (maps, lists, strings, numbers, booleans, null) and
 * plain JavaScript objects and arrays, in both directions, without going through JSON text.
 *
 * <p>A script value handed to Java (api arguments, host module arguments, {@code %j}) is a graph:
 * the same object can appear many times ({@code o = [o, o]} 200 times is 2^200 values once
 * expanded into a tree). The conversion therefore counts every value and character each time it
 * is expanded and stops with {@code action_limit} beyond {@link #MAX_VALUES} values or {@link
 * #MAX_CHARS} characters, before the Java copy can outgrow the memory budget; cycles are a
 * TypeError, as before.
 */
final class JsValues {
  private static final int MAX_DEPTH = 200;
  /**
   * Values one conversion may produce: a Java copy costs 50-100 bytes per value, so this stays a
   * fraction of the 64 MiB budget; far more than any api argument the engine accepts (see the
   * result limits in core) or a realistic request body.
   */
  static final int MAX_VALUES = 250_000;
  /** Characters of strings and keys one conversion may copy (8 MiB as UTF-16). */
  static final int MAX_CHARS = 4 * 1024 * 1024;

  /** What one conversion has produced so far. */
  private static final class Size {
    long values;
    long chars;
  }

  private JsValues() {}

  /** A fresh JavaScript copy of a JSON value (objects and arrays are new each call). */
  static Object toJs(Context cx, Scriptable scope, Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value == Undefined.VALUE) {
      return org.mozilla.javascript.Undefined.instance;
    }
    if (value instanceof Number n) {
      return number(n);
    }
    if (value instanceof Map<?, ?> map) {
      NativeObject o = newObject(scope);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = e.getValue();
        if (v != Undefined.VALUE) {
          o.put(String.valueOf(e.getKey()), o, toJs(cx, scope, v));
        }
      }
      return o;
    }
    if (value instanceof List<?> list) {
      return toJsArray(cx, scope, list);
    }
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }

  static NativeObject newObject(Scriptable scope) {
    NativeObject o = new NativeObject();
    o.setPrototype(TopLevel.getBuiltinPrototype(ScriptableObject.getTopLevelScope(scope), TopLevel.Builtins.Object));
    o.setParentScope(scope);
    return o;
  }

  private static Object toJsArray(Context cx, Scriptable scope, List<?> list) {
    Object[] items = new Object[list.size()];
    for (int i = 0; i < items.length; i++) {
      items[i] = toJs(cx, scope, list.get(i));
    }
    NativeArray a = new NativeArray(items);
    a.setPrototype(TopLevel.getBuiltinPrototype(ScriptableObject.getTopLevelScope(scope), TopLevel.Builtins.Array));
    a.setParentScope(scope);
    return a;
  }

  private static Object number(Number n) {
    if (n instanceof Integer || n instanceof Double) {
      return n;
    }
    double d = n.doubleValue();
    if (n instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    return d;
  }

  /**
   * The JSON value of a script argument, for api methods: {@code undefined} becomes {@link
   * Undefined#VALUE}, functions and symbols are a TypeError naming {@code what} (built only when
   * there is an error, as this runs on every api call).
   */
  static Object toJson(Object value, java.util.function.Supplier<String> what) {
    Size size = new Size();
    if (!(value instanceof Scriptable)) {
      return scalar(value, what, null, size);
    }
    return toJson(value, what, new IdentityHashMap<>(), new ArrayDeque<>(), size);
  }

  private static void count(Size size, long chars, java.util.function.Supplier<String> what) {
    size.values++;
    size.chars += chars;
    if (size.values > MAX_VALUES || size.chars > MAX_CHARS) {
      throw ScriptLimitError.limit(what.get() + " is too large: more than " + MAX_VALUES + " values or " + MAX_CHARS
          + " characters once expanded (an object that appears several times counts each time)");
    }
  }

  private static Object scalar(
      Object value, java.util.function.Supplier<String> what, ArrayDeque<Object> path, Size size) {
    count(size, value instanceof CharSequence s ? s.length() : 0, what);
    if (value == null) {
      return null;
    }
    if (value == org.mozilla.javascript.Undefined.instance || value == Scriptable.NOT_FOUND) {
      return Undefined.VALUE;
    }
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      return Json.normalizeNumber(n);
    }
    if (value instanceof Function || value instanceof Symbol) {
      throw ApiCallException.typeError(
          where(what, path) + " must not be a " + (value instanceof Function ? "function" : "symbol"));
    }
    throw ApiCallException.typeError(where(what, path) + " has an unsupported value");
  }

  private static String where(java.util.function.Supplier<String> what, ArrayDeque<Object> path) {
    StringBuilder sb = new StringBuilder(what.get());
    if (path != null) {
      java.util.Iterator<Object> it = path.descendingIterator();
      while (it.hasNext()) {
        Object key = it.next();
        sb.append(key instanceof Integer ? "[" + key + "]" : "." + key);
      }
    }
    return sb.toString();
  }

  private static Object toJson(
      Object value, java.util.function.Supplier<String> what, IdentityHashMap<Object, Boolean> seen, ArrayDeque<Object> path,
      Size size) {
    if (!(value instanceof Scriptable s) || value instanceof Function || value instanceof Symbol) {
      return scalar(value, what, path, size);
    }
    count(size, 0, what);
    if (path.size() > MAX_DEPTH) {
      throw ApiCallException.rangeError(where(what, null) + " is nested more than " + MAX_DEPTH + " levels deep");
    }
    if (seen.put(s, Boolean.TRUE) != null) {
      throw ApiCallException.typeError(where(what, path) + " contains a circular reference");
    }
    try {
      String className = s.getClassName();
      if (s instanceof NativeArray a) {
        long length = a.getLength();
        List<Object> out = new ArrayList<>((int) Math.min(length, 1024));
        for (int i = 0; i < length; i++) {
          path.push(i);
          Object json = toJson(a.get(i, a), what, seen, path, size);
          path.pop();
          out.add(json == Undefined.VALUE ? null : json);
        }
        return out;
      }
      if ("Date".equals(className)) {
        return ScriptRuntime.toString(ScriptableObject.callMethod(s, "toISOString", new Object[0]));
      }
      if ("String".equals(className) || "Number".equals(className) || "Boolean".equals(className)) {
        return scalar(primitive(s), what, path, size);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Object id : s.getIds()) {
        String key = String.valueOf(id);
        Object item = id instanceof Integer i ? s.get(i, s) : s.get(key, s);
        if (item instanceof Function) {
          continue;
        }
        size.chars += key.length();
        path.push(key);
        Object json = toJson(item, what, seen, path, size);
        path.pop();
        if (json != Undefined.VALUE) {
          out.put(key, json);
        }
      }
      return out;
    } finally {
      seen.remove(s);
    }
  }

  private static Object primitive(Scriptable s) {
    Object v = s.getDefaultValue(null);
    return v instanceof ConsString c ? c.toString() : v;
  }

  /** A plain string for any JavaScript value, as {@code String(value)} would give. */
  static String string(Object value) {
    return ScriptRuntime.toString(value);
  }
}
