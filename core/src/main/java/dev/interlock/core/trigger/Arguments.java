package dev.interlock.core.trigger;

import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import java.util.List;
import java.util.Map;

/**
 * The JSON arguments of one api call, with accessors that reject wrong types with a message
 * naming the method, the parameter and what was passed.
 */
public final class Arguments {
  private final String method;
  private final List<Object> values;

  public Arguments(String method, List<Object> values) {
    this.method = method;
    this.values = values;
  }

  /** The arguments as passed, for recording. */
  public List<Object> values() {
    return values;
  }

  public int size() {
    return values.size();
  }

  /** The raw value, {@link Undefined#VALUE} when the script passed fewer arguments. */
  public Object get(int i) {
    return i < values.size() ? values.get(i) : Undefined.VALUE;
  }

  public boolean isPresent(int i) {
    Object v = get(i);
    return v != Undefined.VALUE && v != null;
  }

  public String string(int i, String name) {
    Object v = get(i);
    if (v instanceof String s) {
      return s;
    }
    throw wrongType(name, "a string", v);
  }

  /** A string that must not be empty or only white space. */
  public String nonBlankString(int i, String name) {
    String s = string(i, name);
    if (s.isBlank()) {
      throw ApiCallException.typeError(prefix() + name + " must be a non-empty string");
    }
    return s;
  }

  /** The string, or {@code null} when absent, {@code null} or {@code undefined}. */
  public String optionalString(int i, String name) {
    return isPresent(i) ? string(i, name) : null;
  }

  public double number(int i, String name) {
    Object v = get(i);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(name, "a number", v);
  }

  public boolean bool(int i, String name) {
    Object v = get(i);
    if (v instanceof Boolean b) {
      return b;
    }
    throw wrongType(name, "a boolean", v);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> object(int i, String name) {
    Object v = get(i);
    if (v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw wrongType(name, "an object", v);
  }

  /** The object, or an empty map when absent, {@code null} or {@code undefined}. */
  public Map<String, Object> optionalObject(int i, String name) {
    return isPresent(i) ? object(i, name) : Map.of();
  }

  @SuppressWarnings("unchecked")
  public List<Object> array(int i, String name) {
    Object v = get(i);
    if (v instanceof List) {
      return (List<Object>) v;
    }
    throw wrongType(name, "an array", v);
  }

  /** {@code "api.accessToken.setCustomClaim: "}, to start messages. */
  public String prefix() {
    return "api." + method + ": ";
  }

  public ApiCallException wrongType(String name, String expected, Object got) {
    return ApiCallException.typeError(
        prefix() + name + " must be " + expected + ", got " + Json.typeOf(got));
  }
}
