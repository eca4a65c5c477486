package dev.interlock.adapter.rhino.internal;

import java.util.IdentityHashMap;
import org.mozilla.javascript.ConsString;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;

/**
 * Node-like text for console arguments: a light {@code util.format}/{@code util.inspect}
 * ({@code %s %d %i %f %j %o %O %%} placeholders, objects as {@code { a: 1, b: 'x' }}, arrays as
 * {@code [ 1, 2 ]}, nesting beyond two levels as {@code [Object]}, errors by their stack).
 */
final class Inspect {
  private static final int MAX_DEPTH = 2;
  private static final int MAX_ITEMS = 100;
  private static final int MAX_CHARS = 64 * 1024;

  private Inspect() {}

  static String format(Object[] args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    if (args.length > 0 && isString(args[0])) {
      String f = args[0].toString();
      next = 1;
      for (int i = 0; i < f.length(); i++) {
        char c = f.charAt(i);
        if (c == '%' && i + 1 < f.length()) {
          char k = f.charAt(i + 1);
          if (k == '%') {
            out.append('%');
            i++;
            continue;
          }
          if ("sdifjoOc".indexOf(k) >= 0 && next < args.length) {
            out.append(placeholder(k, args[next++]));
            i++;
            continue;
          }
        }
        out.append(c);
      }
    }
    for (int i = next; i < args.length; i++) {
      if (out.length() > 0 || i > 0) {
        out.append(' ');
      }
      Object a = args[i];
      out.append(isString(a) ? a.toString() : inspect(a));
      if (out.length() > MAX_CHARS) {
        break;
      }
    }
    return out.toString();
  }

  private static String placeholder(char kind, Object value) {
    switch (kind) {
      case 's':
        return isString(value) ? value.toString() : value instanceof Scriptable && !(value instanceof Function) ? inspect(value) : ScriptRuntime.toString(value);
      case 'd':
      case 'i':
        double d = ScriptRuntime.toNumber(value);
        return kind == 'i' && !Double.isNaN(d) && !Double.isInfinite(d) ? ScriptRuntime.numberToString(Math.floor(Math.abs(d)) * Math.signum(d), 10) : ScriptRuntime.numberToString(d, 10);
      case 'f':
        return ScriptRuntime.numberToString(ScriptRuntime.toNumber(value), 10);
      case 'j':
        return jsonish(value);
      case 'c':
        return "";
      default:
        return inspect(value);
    }
  }

  private static String jsonish(Object value) {
    try {
      Object json = JsValues.toJson(value, () -> "value");
      return dev.interlock.core.json.Json.write(json == dev.interlock.core.json.Undefined.VALUE ? null : json);
    } catch (RuntimeException e) {
      return "[Circular]";
    }
  }

  static String inspect(Object value) {
    StringBuilder sb = new StringBuilder();
    inspect(value, sb, 0, new IdentityHashMap<>());
    return sb.toString();
  }

  private static boolean isString(Object v) {
    return v instanceof String || v instanceof ConsString;
  }

  private static void inspect(Object v, StringBuilder sb, int depth, IdentityHashMap<Object, Boolean> seen) {
    if (sb.length() > MAX_CHARS) {
      return;
    }
    if (v == null) {
      sb.append("null");
    } else if (v == Undefined.instance || v == Scriptable.NOT_FOUND) {
      sb.append("undefined");
    } else if (isString(v)) {
      sb.append(depth == 0 ? v.toString() : quote(v.toString()));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(ScriptRuntime.toString(v));
    } else if (v instanceof Symbol) {
      sb.append(v);
    } else if (v instanceof Function f) {
      String name = f instanceof org.mozilla.javascript.BaseFunction b ? b.getFunctionName() : "";
      sb.append(name == null || name.isEmpty() ? "[Function (anonymous)]" : "[Function: " + name + "]");
    } else if (v instanceof Scriptable s) {
      object(s, sb, depth, seen);
    } else {
      sb.append(v);
    }
  }

  private static void object(Scriptable s, StringBuilder sb, int depth, IdentityHashMap<Object, Boolean> seen) {
    String cls = s.getClassName();
    if ("Error".equals(cls)) {
      Object stack = ScriptableObject.getProperty(s, "stack");
      sb.append(ErrorMapper.describeError(s));
      if (stack instanceof CharSequence st && st.length() > 0) {
        sb.append('\n').append(st);
      }
      return;
    }
    if ("Date".equals(cls)) {
      sb.append(ScriptRuntime.toString(ScriptableObject.callMethod(s, "toISOString", new Object[0])));
      return;
    }
    if (seen.containsKey(s)) {
      sb.append("[Circular *1]");
      return;
    }
    boolean array = s instanceof NativeArray;
    if (depth > MAX_DEPTH) {
      sb.append(array ? "[Array]" : "[Object]");
      return;
    }
    seen.put(s, Boolean.TRUE);
    Object[] ids = s.getIds();
    if (ids.length == 0) {
      sb.append(array ? "[]" : "{}");
      seen.remove(s);
      return;
    }
    sb.append(array ? "[ " : "{ ");
    int n = 0;
    for (Object id : ids) {
      if (n > 0) {
        sb.append(", ");
      }
      if (++n > MAX_ITEMS) {
        sb.append("... ").append(ids.length - MAX_ITEMS).append(" more items");
        break;
      }
      Object item = id instanceof Integer i ? s.get(i, s) : s.get(String.valueOf(id), s);
      if (!(array && id instanceof Integer)) {
        String key = String.valueOf(id);
        sb.append(key.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? key : quote(key)).append(": ");
      }
      inspect(item, sb, depth + 1, seen);
    }
    sb.append(array ? " ]" : " }");
    seen.remove(s);
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }
}
