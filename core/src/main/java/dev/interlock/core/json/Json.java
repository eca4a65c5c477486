package dev.interlock.core.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain Java objects, the one data model shared by events, api arguments, outcomes
 * and execution records.
 *
 * <p>A JSON value is {@code null}, a {@link String}, a {@link Boolean}, a {@link Number} ({@link
 * Long} for integers, {@link Double} otherwise after {@link #normalizeNumber}), a {@code
 * List<Object>} or a {@code Map<String, Object>} with insertion order. Core keeps this small parser
 * and writer so that it needs nothing beyond the JDK (tokens of the redirect protocol, tests,
 * diagnostics); transports are free to use Jackson on the same maps.
 */
public final class Json {
  private Json() {}

  /** Parses one JSON text; throws {@link IllegalArgumentException} with the offset on bad input. */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    p.skipWs();
    Object v = p.value();
    p.skipWs();
    if (p.pos != text.length()) {
      throw p.error("unexpected trailing characters");
    }
    return v;
  }

  /** Parses a JSON object; throws {@link IllegalArgumentException} if the text is not one. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object but found " + typeOf(v));
    }
    return (Map<String, Object>) v;
  }

  /** Writes a JSON value compactly. {@link Undefined} is written as {@code null}. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(128);
    write(sb, value);
    return sb.toString();
  }

  /** The JSON type name of a value, as a JavaScript author would say it. */
  public static String typeOf(Object v) {
    if (v == null) {
      return "null";
    }
    if (v == Undefined.VALUE) {
      return "undefined";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof Map) {
      return "object";
    }
    return v.getClass().getSimpleName();
  }

  /** A deep, mutable copy of a JSON value (maps keep their order). */
  @SuppressWarnings("unchecked")
  public static Object deepCopy(Object v) {
    if (v instanceof Map) {
      Map<String, Object> src = (Map<String, Object>) v;
      Map<String, Object> out = new LinkedHashMap<>(Math.max(4, src.size() * 2));
      for (Map.Entry<String, Object> e : src.entrySet()) {
        out.put(e.getKey(), deepCopy(e.getValue()));
      }
      return out;
    }
    if (v instanceof List) {
      List<Object> src = (List<Object>) v;
      List<Object> out = new ArrayList<>(src.size());
      for (Object o : src) {
        out.add(deepCopy(o));
      }
      return out;
    }
    return v;
  }

  /** Deep copy of a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> copyObject(Map<String, Object> v) {
    return (Map<String, Object>) deepCopy(v);
  }

  /** A deep, unmodifiable view-free copy: nested maps and lists can no longer be changed. */
  @SuppressWarnings("unchecked")
  public static Object freeze(Object v) {
    if (v instanceof Map) {
      Map<String, Object> src = (Map<String, Object>) v;
      Map<String, Object> out = new LinkedHashMap<>(Math.max(4, src.size() * 2));
      for (Map.Entry<String, Object> e : src.entrySet()) {
        out.put(e.getKey(), freeze(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof List) {
      List<Object> src = (List<Object>) v;
      List<Object> out = new ArrayList<>(src.size());
      for (Object o : src) {
        out.add(freeze(o));
      }
      return Collections.unmodifiableList(out);
    }
    return v;
  }

  /** Integral doubles within the safe-integer range become {@link Long}; other numbers stay. */
  public static Number normalizeNumber(Number n) {
    if (n instanceof Long) {
      return n;
    }
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    double d = n.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) <= 9007199254740991.0 && !(d == 0 && 1 / d < 0)) {
      return (long) d;
    }
    return d;
  }

  /** UTF-8 length of a string, without allocating. */
  public static int utf8Length(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder sb, Object v) {
    if (v == null || v == Undefined.VALUE) {
      sb.append("null");
    } else if (v instanceof String) {
      quote(sb, (String) v);
    } else if (v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Number) {
      writeNumber(sb, (Number) v);
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        if (e.getValue() == Undefined.VALUE) {
          continue;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, e.getKey());
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object o : (List<Object>) v) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(sb, o);
      }
      sb.append(']');
    } else {
      quote(sb, String.valueOf(v));
    }
  }

  private static void writeNumber(StringBuilder sb, Number n) {
    Number m = normalizeNumber(n);
    if (m instanceof Long) {
      sb.append(m.longValue());
      return;
    }
    double d = m.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      sb.append("null");
    } else {
      sb.append(BigDecimal.valueOf(d).stripTrailingZeros().toString().replace("E+", "e+").replace('E', 'e'));
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) {
        continue;
      }
      sb.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> sb.append(String.format("\\u%04x", (int) c));
      }
    }
    sb.append(s, run, s.length()).append('"');
  }

  private static final class Parser {
    // the text as chars: String.charAt checks the coder and the bounds on every call, and scanning
    // strings was the top of the parser's profile
    private final char[] s;
    private final int n;
    private int pos;
    private int depth;

    Parser(String s) {
      this.s = s.toCharArray();
      this.n = this.s.length;
    }

    IllegalArgumentException error(String msg) {
      return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + msg);
    }

    void skipWs() {
      while (pos < n) {
        char c = s[pos];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          pos++;
        } else {
          break;
        }
      }
    }

    Object value() {
      if (pos >= n) {
        throw error("unexpected end of input");
      }
      char c = s[pos];
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("unexpected character '" + c + "'");
      }
    }

    private Object literal(String word, Object v) {
      if (!startsWith(word)) {
        throw error("expected " + word);
      }
      pos += word.length();
      return v;
    }

    private boolean startsWith(String word) {
      if (pos + word.length() > n) {
        return false;
      }
      for (int i = 0; i < word.length(); i++) {
        if (s[pos + i] != word.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private void enter() {
      if (++depth > 512) {
        throw error("nesting deeper than 512");
      }
    }

    private Map<String, Object> object() {
      enter();
      pos++;
      Map<String, Object> m = new LinkedHashMap<>();
      skipWs();
      if (pos < n && s[pos] == '}') {
        pos++;
        depth--;
        return m;
      }
      while (true) {
        skipWs();
        if (pos >= n || s[pos] != '"') {
          throw error("expected a property name");
        }
        String k = string();
        skipWs();
        expect(':');
        skipWs();
        m.put(k, value());
        skipWs();
        if (pos < n && s[pos] == ',') {
          pos++;
          continue;
        }
        expect('}');
        depth--;
        return m;
      }
    }

    private List<Object> array() {
      enter();
      pos++;
      List<Object> l = new ArrayList<>();
      skipWs();
      if (pos < n && s[pos] == ']') {
        pos++;
        depth--;
        return l;
      }
      while (true) {
        skipWs();
        l.add(value());
        skipWs();
        if (pos < n && s[pos] == ',') {
          pos++;
          continue;
        }
        expect(']');
        depth--;
        return l;
      }
    }

    private void expect(char c) {
      if (pos >= n || s[pos] != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private String string() {
      pos++;
      StringBuilder sb = null;
      int start = pos;
      while (true) {
        if (pos >= n) {
          throw error("unterminated string");
        }
        char c = s[pos];
        if (c == '"') {
          String out = sb == null ? new String(s, start, pos - start) : sb.append(s, start, pos - start).toString();
          pos++;
          return out;
        }
        if (c < 0x20) {
          throw error("control character in string");
        }
        if (c == '\\') {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(s, start, pos - start);
          pos++;
          if (pos >= n) {
            throw error("unterminated escape");
          }
          char e = s[pos++];
          switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
              if (pos + 4 > n) {
                throw error("bad unicode escape");
              }
              try {
                sb.append((char) Integer.parseInt(new String(s, pos, 4), 16));
              } catch (NumberFormatException ex) {
                throw error("bad unicode escape");
              }
              pos += 4;
            }
            default -> throw error("bad escape \\" + e);
          }
          start = pos;
        } else {
          pos++;
        }
      }
    }

    private Number number() {
      int start = pos;
      if (s[pos] == '-') {
        pos++;
      }
      boolean fraction = false;
      while (pos < n) {
        char c = s[pos];
        if (c >= '0' && c <= '9') {
          pos++;
        } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
          fraction = true;
          pos++;
        } else {
          break;
        }
      }
      String t = new String(s, start, pos - start);
      try {
        if (!fraction && t.length() < 19) {
          return Long.parseLong(t);
        }
        return normalizeNumber(Double.parseDouble(t));
      } catch (NumberFormatException e) {
        throw error("bad number " + t);
      }
    }
  }
}
