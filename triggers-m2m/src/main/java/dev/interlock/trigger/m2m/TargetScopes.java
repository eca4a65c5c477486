package dev.interlock.trigger.m2m;

import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The early-access target-scope set of credentials-exchange: a live set that starts as {@code
 * event.transaction.target_scopes} (or, when the caller sent none, the granted {@code
 * event.accessToken.scope}), is kept in the flow state and mirrored into {@code
 * event.transaction.target_scopes} at once, for the calling action and every later one.
 */
final class TargetScopes {
  /** Flow-state key of the live set; present once an action changed it. */
  static final String STATE_KEY = "target_scopes";

  static final int MAX_SCOPE_LENGTH = 280;
  static final int MAX_SCOPES = 1000;
  private static final List<String> PATH = List.of("transaction", "target_scopes");

  private TargetScopes() {}

  static List<ApiMethod> methods() {
    return List.of(
        ApiMethod.command("transaction.addTargetScope")
            .param("scope", "string")
            .returnsVoid()
            .describedAs("Adds a scope to the target set (trimmed; at most 280 chars, no white space, 1000 scopes).")
            .does(
                (call, args) -> {
                  String scope = scope(args, args.string(0, "scope"), "scope");
                  Set<String> set = current(call);
                  if (!set.contains(scope) && set.size() >= MAX_SCOPES) {
                    throw ApiCallException.error(args.prefix() + "the target set already holds the maximum of " + MAX_SCOPES + " scopes");
                  }
                  set.add(scope);
                  store(call, set);
                  return null;
                }),
        ApiMethod.command("transaction.removeTargetScope")
            .param("scope", "string")
            .returnsVoid()
            .describedAs("Removes a scope from the target set; absent scopes are ignored.")
            .does(
                (call, args) -> {
                  String scope = scope(args, args.string(0, "scope"), "scope");
                  Set<String> set = current(call);
                  set.remove(scope);
                  store(call, set);
                  return null;
                }),
        ApiMethod.command("transaction.setTargetScopes")
            .param("scopes", "string[]")
            .returnsVoid()
            .describedAs("Replaces the target set (trimmed, deduplicated); an empty array clears it.")
            .does(
                (call, args) -> {
                  List<Object> raw = args.array(0, "scopes");
                  Set<String> set = new LinkedHashSet<>();
                  for (int i = 0; i < raw.size(); i++) {
                    String name = "scopes[" + i + "]";
                    if (!(raw.get(i) instanceof String s)) {
                      throw args.wrongType(name, "a string", raw.get(i));
                    }
                    set.add(scope(args, s, name));
                  }
                  if (set.size() > MAX_SCOPES) {
                    throw ApiCallException.error(
                        args.prefix() + "scopes holds " + set.size() + " distinct scopes, more than the maximum of " + MAX_SCOPES);
                  }
                  store(call, set);
                  return null;
                }),
        ApiMethod.command("transaction.clearTargetScopes")
            .returnsVoid()
            .describedAs("Empties the target set.")
            .does(
                (call, args) -> {
                  store(call, new LinkedHashSet<>());
                  return null;
                }));
  }

  /** A valid scope: trimmed, non-empty, at most 280 characters, without white space. */
  static String scope(Arguments args, String raw, String name) {
    String s = raw.trim();
    if (s.isEmpty()) {
      throw ApiCallException.error(args.prefix() + name + " must not be empty");
    }
    if (s.length() > MAX_SCOPE_LENGTH) {
      throw ApiCallException.error(
          args.prefix() + name + " is " + s.length() + " characters long, more than the maximum of " + MAX_SCOPE_LENGTH);
    }
    if (s.codePoints().anyMatch(Character::isWhitespace)) {
      throw ApiCallException.error(args.prefix() + name + " must not contain white space, got '" + s + "'");
    }
    return s;
  }

  /** The live set: the flow state's once changed, else the event's initial one. */
  @SuppressWarnings("unchecked")
  static Set<String> current(ApiCall call) {
    Object live = call.flowState().get(STATE_KEY);
    if (live instanceof List) {
      return new LinkedHashSet<>((List<String>) live);
    }
    return new LinkedHashSet<>(initial(call.event()));
  }

  /** {@code event.transaction.target_scopes}, else {@code event.accessToken.scope}, else empty. */
  @SuppressWarnings("unchecked")
  static List<String> initial(Map<String, Object> event) {
    if (event.get("transaction") instanceof Map<?, ?> tx && tx.get("target_scopes") instanceof List<?> l) {
      return (List<String>) l;
    }
    if (event.get("accessToken") instanceof Map<?, ?> at && at.get("scope") instanceof List<?> l) {
      return (List<String>) l;
    }
    return List.of();
  }

  private static void store(ApiCall call, Set<String> set) {
    List<Object> list = new ArrayList<>(set);
    call.flowState().put(STATE_KEY, list);
    call.updateEvent(PATH, list);
  }
}
