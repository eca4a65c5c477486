package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.Arguments;
import java.util.Map;

/** Argument checks the api methods share; every message names the method and the parameter. */
final class Checks {
  private Checks() {}

  /** A string of at most {@code max} characters (and at least one when {@code nonEmpty}). */
  static String string(Arguments args, int i, String name, int max, boolean nonEmpty) {
    String s = args.string(i, name);
    if (nonEmpty && s.isEmpty()) {
      throw ApiCallException.typeError(args.prefix() + name + " must not be empty");
    }
    if (s.length() > max) {
      throw ApiCallException.rangeError(
          args.prefix() + name + " must be at most " + max + " characters, got " + s.length());
    }
    return s;
  }

  /** A string whose UTF-8 form has at most {@code maxBytes} bytes. */
  static String bytes(Arguments args, int i, String name, int maxBytes) {
    String s = args.string(i, name);
    int n = Json.utf8Length(s);
    if (n > maxBytes) {
      throw ApiCallException.rangeError(
          args.prefix() + name + " must be at most " + maxBytes + " bytes, got " + n);
    }
    return s;
  }

  /** A string from a fixed set. */
  static String oneOf(Arguments args, int i, String name, java.util.List<String> allowed) {
    Object v = args.get(i);
    if (!(v instanceof String s) || !allowed.contains(s)) {
      throw ApiCallException.typeError(
          args.prefix() + name + " must be one of " + allowed + ", got "
              + (v instanceof String ? "'" + v + "'" : Json.typeOf(v)));
    }
    return s;
  }

  /** A finite, positive number of milliseconds since the epoch. */
  static long epochMillis(Arguments args, int i, String name) {
    Object v = args.get(i);
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() <= 0) {
      throw ApiCallException.typeError(
          args.prefix() + name + " must be a positive number of milliseconds since the epoch, got "
              + (v instanceof Number ? v : Json.typeOf(v)));
    }
    return (long) Math.floor(n.doubleValue());
  }

  /** An object-valued property of the flow state, created when absent. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> stateObject(Map<String, Object> flowState, String key) {
    Object v = flowState.get(key);
    if (!(v instanceof Map)) {
      v = new java.util.LinkedHashMap<String, Object>();
      flowState.put(key, v);
    }
    return (Map<String, Object>) v;
  }
}
