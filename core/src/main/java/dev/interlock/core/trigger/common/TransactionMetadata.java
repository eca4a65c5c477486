package dev.interlock.core.trigger.common;

import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.trigger.ApiCall;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ApiMethod;
import dev.interlock.core.trigger.Arguments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code api.transaction.setMetadata} ({@code common.md} section 9). A call changes {@code
 * event.transaction.metadata} at once and stores the whole metadata object in the flow state, so
 * a trigger's {@link dev.interlock.core.trigger.TriggerBehavior} must {@link #apply reapply} it in
 * {@code nextEvent} and {@code resumedEvent} for later and resumed actions to see it.
 */
public final class TransactionMetadata {
  /** Flow-state key holding the current metadata object. */
  public static final String FLOW_STATE_KEY = "transaction_metadata";

  public static final int MAX_KEY_LENGTH = 64;
  public static final int MAX_VALUE_BYTES = 8 * 1024;
  public static final int MAX_TOTAL_BYTES = 16 * 1024;
  private static final double MAX_SAFE_INTEGER = 9007199254740991.0;

  private TransactionMetadata() {}

  /** {@code transaction.setMetadata(key, value)}; {@code null} deletes the key. */
  public static ApiMethod setMetadata() {
    return ApiMethod.command("transaction.setMetadata")
        .param("key", "string")
        .param("value", "string | number | boolean | null")
        .returnsVoid()
        .describedAs("Sets transaction metadata, visible at once and to later and resumed actions.")
        .does(TransactionMetadata::set);
  }

  private static Object set(ApiCall call, Arguments args) {
    String key = args.string(0, "key");
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw ApiCallException.rangeError(
          args.prefix() + "key must have 1 to " + MAX_KEY_LENGTH + " characters, got " + key.length());
    }
    Object value = args.get(1);
    if (value == Undefined.VALUE) {
      throw args.wrongType("value", "a string, number, boolean or null", value);
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > MAX_SAFE_INTEGER) {
        throw ApiCallException.rangeError(args.prefix() + "value must be a safe integer, got " + n);
      }
    } else if (value != null && !(value instanceof String) && !(value instanceof Boolean)) {
      throw args.wrongType("value", "a string, number, boolean or null", value);
    }
    if (value != null && Json.utf8Length(String.valueOf(value)) > MAX_VALUE_BYTES) {
      throw ApiCallException.rangeError(
          args.prefix() + "value of '" + key + "' exceeds " + MAX_VALUE_BYTES + " bytes");
    }
    Map<String, Object> metadata = current(call.event(), call.flowState());
    if (value == null) {
      metadata.remove(key);
    } else {
      metadata.put(key, value);
    }
    int total = Json.utf8Length(Json.write(metadata));
    if (total > MAX_TOTAL_BYTES) {
      throw ApiCallException.rangeError(
          args.prefix() + "transaction metadata would exceed " + MAX_TOTAL_BYTES + " bytes in total");
    }
    call.flowState().put(FLOW_STATE_KEY, metadata);
    call.updateEvent(List.of("transaction", "metadata", key), value == null ? Undefined.VALUE : value);
    return null;
  }

  /** The metadata as the flow state has it, else as the event has it (a fresh copy). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> current(Map<String, Object> event, Map<String, Object> flowState) {
    Object stored = flowState.get(FLOW_STATE_KEY);
    if (stored instanceof Map) {
      return new LinkedHashMap<>((Map<String, Object>) stored);
    }
    Object inEvent = Events.at(event, "transaction", "metadata");
    return inEvent instanceof Map ? new LinkedHashMap<>((Map<String, Object>) inEvent) : new LinkedHashMap<>();
  }

  /**
   * The event with {@code transaction.metadata} replaced by the flow state's, or the event itself
   * when no action set any. Never modifies its argument.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> apply(Map<String, Object> event, Map<String, Object> flowState) {
    if (!(flowState.get(FLOW_STATE_KEY) instanceof Map)) {
      return event;
    }
    Map<String, Object> out = new LinkedHashMap<>(event);
    Map<String, Object> transaction =
        event.get("transaction") instanceof Map
            ? new LinkedHashMap<>((Map<String, Object>) event.get("transaction"))
            : new LinkedHashMap<>();
    transaction.put("metadata", Json.deepCopy(flowState.get(FLOW_STATE_KEY)));
    out.put("transaction", transaction);
    return out;
  }
}
