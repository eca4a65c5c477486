package dev.interlock.trigger.signuplogin.internal;

import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code setMetadata / deleteMetadata / evictMetadata} of {@code api.session} and {@code
 * api.refreshToken}: string metadata with Auth0's limits (25 keys, key {@code [A-Za-z0-9_-]{1,255}},
 * value at most 255 characters, no NUL). Changes show in the event at once and are kept, whole, in
 * flow state under {@code <property>.metadata} for later actions and the outcome.
 */
final class StoredMetadata {
  static final int MAX_KEYS = 25;
  static final int MAX_VALUE_LENGTH = 255;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  private final String namespace;
  private final String property;
  private final String label;
  private final boolean requiresExisting;

  StoredMetadata(String namespace, String property, String label, boolean requiresExisting) {
    this.namespace = namespace;
    this.property = property;
    this.label = label;
    this.requiresExisting = requiresExisting;
  }

  static String stateKey(String property) {
    return property + ".metadata";
  }

  List<ApiMethod> methods() {
    return List.of(
        ApiMethod.command(namespace + ".setMetadata")
            .param("key", "string")
            .param("value", "string | null")
            .returnsVoid()
            .describedAs("Sets " + label + " (null deletes); visible in event." + property + ".metadata at once.")
            .does(this::set),
        ApiMethod.command(namespace + ".deleteMetadata")
            .param("key", "string")
            .returnsVoid()
            .describedAs("Deletes one key of " + label + "; a no-op when absent.")
            .does((call, args) -> {
              String key = args.string(0, "key");
              Map<String, Object> m = current(call);
              if ((exists(call) || !requiresExisting) && m.containsKey(key)) {
                m.remove(key);
                store(call, m);
              }
              return null;
            }),
        ApiMethod.command(namespace + ".evictMetadata")
            .returnsVoid()
            .describedAs("Removes all " + label + ".")
            .does((call, args) -> {
              if (exists(call) || !requiresExisting) {
                store(call, new LinkedHashMap<>());
              }
              return null;
            }));
  }

  private Object set(ApiCall call, Arguments args) {
    Object k = args.get(0);
    Object v = args.get(1);
    if (!(k instanceof String key) || !KEY.matcher(key).matches()) {
      throw fail("key must match [A-Za-z0-9_-]{1,255}, got " + (k instanceof String ? "'" + k + "'" : Json.typeOf(k)));
    }
    if (v != null && !(v instanceof String)) {
      throw fail("value of '" + key + "' must be a string or null, got " + Json.typeOf(v));
    }
    if (v != null && (((String) v).length() > MAX_VALUE_LENGTH || ((String) v).indexOf('\0') >= 0)) {
      throw fail("value of '" + key + "' must be at most " + MAX_VALUE_LENGTH + " characters without NUL");
    }
    if (requiresExisting && !exists(call)) {
      throw fail("there is no " + property + " in this transaction");
    }
    Map<String, Object> m = current(call);
    if (v == null) {
      m.remove(key);
    } else {
      m.put(key, v);
    }
    if (m.size() > MAX_KEYS) {
      throw fail("at most " + MAX_KEYS + " keys are allowed");
    }
    store(call, m);
    return null;
  }

  private ApiCallException fail(String reason) {
    return ApiCallException.error("Failed to set " + label + ": " + reason);
  }

  private boolean exists(ApiCall call) {
    return call.event().get(property) instanceof Map;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> current(ApiCall call) {
    Object stored = call.flowState().get(stateKey(property));
    if (stored instanceof Map) {
      return new LinkedHashMap<>((Map<String, Object>) stored);
    }
    Object inEvent = dev.interlock.core.trigger.common.Events.at(call.event(), property, "metadata");
    return inEvent instanceof Map ? new LinkedHashMap<>((Map<String, Object>) inEvent) : new LinkedHashMap<>();
  }

  private void store(ApiCall call, Map<String, Object> metadata) {
    call.flowState().put(stateKey(property), metadata);
    if (exists(call)) {
      call.updateEvent(List.of(property, "metadata"), Json.deepCopy(metadata));
    }
  }

  /** The event with {@code <property>.metadata} from flow state, when set and the object exists. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> apply(Map<String, Object> event, Map<String, Object> flowState, String property) {
    Object stored = flowState.get(stateKey(property));
    if (!(stored instanceof Map) || !(event.get(property) instanceof Map)) {
      return event;
    }
    Map<String, Object> target = new LinkedHashMap<>((Map<String, Object>) event.get(property));
    target.put("metadata", Json.deepCopy(stored));
    Map<String, Object> out = new LinkedHashMap<>(event);
    out.put(property, target);
    return out;
  }
}
