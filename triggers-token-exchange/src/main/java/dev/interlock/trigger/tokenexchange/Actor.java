package dev.interlock.trigger.tokenexchange;

import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.Arguments;
import java.util.Map;

/**
 * Validation of {@code api.authentication.setActor}'s delegation chain (token-exchange.md §3):
 * {@code {sub, act?: {sub, act?: …}, …custom}} at most five levels deep, {@code sub} non-empty and
 * at most 512 characters on every level, at most five custom properties per level ({@code type}
 * is not counted) with keys of at most 64 characters and string (≤64 characters), number or
 * boolean values.
 */
final class Actor {
  static final int MAX_DEPTH = 5;
  static final int MAX_SUB_LENGTH = 512;
  static final int MAX_CUSTOM_PROPERTIES = 5;
  static final int MAX_KEY_LENGTH = 64;
  static final int MAX_STRING_LENGTH = 64;

  private Actor() {}

  static void validate(Arguments args, Map<String, Object> actor) {
    check(args, actor, "actor", 1);
  }

  @SuppressWarnings("unchecked")
  private static void check(Arguments args, Map<String, Object> level, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw invalid(args, path + " nests deeper than " + MAX_DEPTH + " levels (root + " + (MAX_DEPTH - 1) + " act)");
    }
    Object sub = level.get("sub");
    if (!(sub instanceof String s) || s.isEmpty()) {
      throw invalid(args, path + ".sub must be a non-empty string");
    }
    if (s.length() > MAX_SUB_LENGTH) {
      throw invalid(args, path + ".sub is " + s.length() + " characters long, more than " + MAX_SUB_LENGTH);
    }
    int custom = 0;
    for (Map.Entry<String, Object> e : level.entrySet()) {
      String key = e.getKey();
      if (key.equals("sub") || key.equals("act")) {
        continue;
      }
      if (!key.equals("type")) {
        custom++;
      }
      if (key.length() > MAX_KEY_LENGTH) {
        throw invalid(args, path + " has a property name longer than " + MAX_KEY_LENGTH + " characters");
      }
      Object v = e.getValue();
      if (v instanceof String str) {
        if (str.length() > MAX_STRING_LENGTH) {
          throw invalid(args, path + "." + key + " is longer than " + MAX_STRING_LENGTH + " characters");
        }
      } else if (!(v instanceof Number) && !(v instanceof Boolean)) {
        throw invalid(args, path + "." + key + " must be a string, number or boolean");
      }
    }
    if (custom > MAX_CUSTOM_PROPERTIES) {
      throw invalid(args, path + " has " + custom + " custom properties, more than " + MAX_CUSTOM_PROPERTIES);
    }
    Object act = level.get("act");
    if (act != null) {
      if (!(act instanceof Map)) {
        throw invalid(args, path + ".act must be an object");
      }
      check(args, (Map<String, Object>) act, path + ".act", depth + 1);
    }
  }

  private static ApiCallException invalid(Arguments args, String message) {
    return ApiCallException.typeError(args.prefix() + message);
  }
}
