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
 *
 * <p>Bounded: a line stops at {@link #MAX_LINE} characters (the console keeps 256 KiB per action
 * anyway), an inspected value at 64 K characters, 100 items per level and two levels; and the
 * work of inspecting one value (objects visited plus keys listed, counted each time a shared
 * object appears again) stops with {@code action_limit} beyond {@link #MAX_WORK}. {@code %j}
 * goes through the bounded {@link JsValues#toJson} conversion.
 */
final class Inspect {
  private static final int MAX_DEPTH = 2;
  private static final int MAX_ITEMS = 100;
  private static final int MAX_CHARS = 64 * 1024;
  /** Characters of one formatted console line; the rest is cut and marked. */
  static final int MAX_LINE = 256 * 1024;
  /** Objects visited plus keys listed while inspecting one value. */
  static final int MAX_WORK = 1_000_000;
  private static final String CUT = "... (line truncated)";

  private Inspect() {}

  /** Appends as much of {@code text} as fits the line; false once the line is full. */
  private static boolean append(StringBuilder out, CharSequence text) {
    int room = MAX_LINE - out.length();
    if (text.length() <= room) {
      out.append(text);
      return true;
    }
    if (room > 0) {
      Guard.reserve(org.mozilla.javascript.Context.getCurrentContext(), 2.0 * text.length(), "console.log");
      out.append(text, 0, room).append(CUT);
    }
    return false;
  }

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
            if (!append(out, placeholder(k, args[next++]))) {
              return out.toString();
            }
            i++;
            continue;
          }
        }
        if (out.length() >= MAX_LINE) {
          return out.append(CUT).toString();
        }
        out.append(c);
      }
    }
    for (int i = next; i < args.length; i++) {
      if (out.length() > 0 || i > 0) {
        out.append(' ');
      }
      Object a = args[i];
      if (!append(out, isString(a) ? (CharSequence) a : inspect(a))) {
        break;
      }
    }
    return out.toString();
  }

  private static CharSequence placeholder(char kind, Object value) {
    switch (kind) {
      case 's':
        return isString(value) ? (CharSequence) value : value instanceof Scriptable && !(value instanceof Function) ? inspect(value) : ScriptRuntime.toString(value);
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
      Object json = JsValues.toJson(value, () -> "the value logged with %j");
      return dev.interlock.core.json.Json.write(json == dev.interlock.core.json.Undefined.VALUE ? null : json);
    } catch (RuntimeException e) {
      return "[Circular]";
    }
  }

  static String inspect(Object value) {
    StringBuilder sb = new StringBuilder();
    inspect(value, sb, 0, new IdentityHashMap<>(), new int[1]);
    return sb.toString();
  }

  private static boolean isString(Object v) {
    return v instanceof String || v instanceof ConsString;
  }

  private static void inspect(Object v, StringBuilder sb, int depth, IdentityHashMap<Object, Boolean> seen, int[] work) {
    if (sb.length() > MAX_CHARS) {
      return;
    }
    if (v == null) {
      sb.append("null");
    } else if (v == Undefined.instance || v == Scriptable.NOT_FOUND) {
      sb.append("undefined");
    } else if (isString(v)) {
      CharSequence text = (CharSequence) v;
      if (text.length() > MAX_CHARS - sb.length()) {
        // only a prefix shows: no need to copy (or flatten) all of a huge string
        text = ScriptRuntime.toString(v).substring(0, Math.max(0, MAX_CHARS - sb.length()));
      }
      sb.append(depth == 0 ? text.toString() : quote(text.toString()));
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(ScriptRuntime.toString(v));
    } else if (v instanceof Symbol) {
      sb.append(v);
    } else if (v instanceof Function f) {
      String name = f instanceof org.mozilla.javascript.BaseFunction b ? b.getFunctionName() : "";
      sb.append(name == null || name.isEmpty() ? "[Function (anonymous)]" : "[Function: " + name + "]");
    } else if (v instanceof Scriptable s) {
      object(s, sb, depth, seen, work);
    } else {
      sb.append(v);
    }
  }

  private static void work(int[] work, int amount) {
    work[0] += amount;
    if (work[0] > MAX_WORK || work[0] < 0) {
      throw ScriptLimitError.limit("the value logged is too large to format: more than " + MAX_WORK
          + " objects and keys (an object that appears several times counts each time)");
    }
  }

  private static void object(Scriptable s, StringBuilder sb, int depth, IdentityHashMap<Object, Boolean> seen, int[] work) {
    work(work, 1);
    String cls = s.getClassName();
    if ("Error".equals(cls)) {
      Object stack = ScriptableObject.getProperty(s, "stack");
      Object message = ScriptableObject.getProperty(s, "message");
      if (message instanceof CharSequence m && m.length() > MAX_CHARS) {
        sb.append("Error: ").append(m, 0, MAX_CHARS).append("...");
        return;
      }
      sb.append(ErrorMapper.describeError(s));
      if (stack instanceof CharSequence st && st.length() > 0) {
        sb.append('\n').append(st, 0, Math.min(st.length(), MAX_CHARS));
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
    Object[] ids = array ? arrayIds((NativeArray) s) : s.getIds();
    work(work, ids.length);
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
        long total = array ? ((NativeArray) s).getLength() : ids.length;
        sb.append("... ").append(total - MAX_ITEMS).append(" more items");
        break;
      }
      Object item = id instanceof Integer i ? s.get(i, s) : s.get(String.valueOf(id), s);
      if (!(array && id instanceof Integer)) {
        String key = String.valueOf(id);
        sb.append(key.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? key : quote(key)).append(": ");
      }
      inspect(item, sb, depth + 1, seen, work);
    }
    sb.append(array ? " ]" : " }");
    seen.remove(s);
  }

  /**
   * The first {@code MAX_ITEMS + 1} present indices of an array (among its first 100,000), and
   * for short arrays its other own keys, without listing every index of a long one.
   */
  private static Object[] arrayIds(NativeArray a) {
    java.util.List<Object> ids = new java.util.ArrayList<>();
    long length = a.getLength();
    for (int i = 0; i < length && i < 100_000 && ids.size() <= MAX_ITEMS; i++) {
      if (a.has(i, a)) {
        ids.add(i);
      }
    }
    if (ids.size() <= MAX_ITEMS && length <= 10_000) {
      for (Object id : a.getIds()) {
        if (!(id instanceof Integer)) {
          ids.add(id);
        }
      }
    }
    return ids.toArray();
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }
}
