package dev.interlock.trigger.signuplogin.internal;

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
 * {@code api.user.setAppMetadata / setUserMetadata} and the bookkeeping behind their visibility
 * rules ({@code common.md} 4.1): a change is invisible to the action that made it, visible to
 * later actions once that action completed, {@code null} deletes the key and {@code undefined}
 * withdraws a pending change. Commands record {@code undefined} as {@code null}, so the pending
 * set lives in flow state: the running action's changes under {@code user.current}, completed
 * actions' changes under {@code user.committed}, and the profile's original metadata under
 * {@code user.base}.
 */
public final class UserMetadata {
  static final List<String> TARGETS = List.of("app_metadata", "user_metadata");
  private static final List<String> PASSWORDLESS = List.of("email", "sms");
  /** Auth0 persists at most 32 kB of app_metadata and of user_metadata per user. */
  public static final int MAX_METADATA_BYTES = 32 * 1024;
  private static final String BASE = "user.base";
  private static final String COMMITTED = "user.committed";
  private static final String CURRENT = "user.current";
  private static final String DISCARD = "user.discard_current";

  private UserMetadata() {}

  /** The setters of post-login, which accept changes for every connection. */
  public static List<ApiMethod> methods() {
    return methods(false);
  }

  /**
   * The setters; with {@code refusePasswordless} (pre-user-registration) they throw for
   * passwordless connections ({@code email}, {@code sms} strategies), where Auth0 cannot add
   * metadata: Interlock makes that visible to the author rather than dropping the change.
   */
  public static List<ApiMethod> methods(boolean refusePasswordless) {
    return List.of(
        setter("user.setAppMetadata", "app_metadata", refusePasswordless),
        setter("user.setUserMetadata", "user_metadata", refusePasswordless));
  }

  private static ApiMethod setter(String path, String target, boolean refusePasswordless) {
    return ApiMethod.command(path)
        .param("key", "string")
        .param("value", "unknown")
        .returnsApi()
        .describedAs("Records a change of the user's " + target
            + " (null deletes, undefined withdraws); later actions see it, this one does not.")
        .does((call, args) -> {
          Object strategy = dev.interlock.core.trigger.common.Events.at(call.event(), "connection", "strategy");
          if (refusePasswordless && PASSWORDLESS.contains(strategy)) {
            throw ApiCallException.error(
                args.prefix() + "metadata cannot be added to passwordless users (connection strategy '"
                    + strategy + "')");
          }
          return record(call, args, target);
        });
  }

  private static Object record(ApiCall call, Arguments args, String target) {
    String key = args.string(0, "key");
    Object stored = dev.interlock.core.trigger.common.Events.at(call.event(), "user", target);
    if (stored != null && !(stored instanceof Map)) {
      throw ApiCallException.error(
          "Unexpected " + target + " format: expected an object, found " + Json.typeOf(stored));
    }
    Map<String, Object> state = call.flowState();
    if (!state.containsKey(BASE)) {
      // the first change of the flow: nothing is pending yet, so the event holds the original
      Map<String, Object> base = new LinkedHashMap<>();
      for (String t : TARGETS) {
        Object m = dev.interlock.core.trigger.common.Events.at(call.event(), "user", t);
        base.put(t, m instanceof Map ? Json.deepCopy(m) : new LinkedHashMap<>());
      }
      state.put(BASE, base);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    Object value = args.get(1);
    if (value == Undefined.VALUE) {
      entry.put("withdrawn", true);
    } else {
      entry.put("value", Json.deepCopy(value));
    }
    Map<String, Object> current = Checks.stateObject(Checks.stateObject(state, CURRENT), target);
    Object previous = current.remove(key);
    current.put(key, entry);
    int size = Json.utf8Length(Json.write(merged(state, target)));
    if (size > MAX_METADATA_BYTES) {
      current.remove(key);
      if (previous != null) {
        current.put(key, previous);
      }
      throw ApiCallException.rangeError(
          args.prefix() + "the user's " + target + " would be " + size + " bytes, over the " + MAX_METADATA_BYTES
              + "-byte limit");
    }
    return null;
  }

  /** The metadata as it would be stored: original plus committed plus the running action's changes. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> merged(Map<String, Object> flowState, String target) {
    Map<String, Object> base = (Map<String, Object>) flowState.get(BASE);
    Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) base.get(target));
    ((Map<String, Object>) pending(flowState, true).get(target)).forEach((k, v) -> {
      if (v == null) {
        out.remove(k);
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  /** {@code setPrimaryUser} discards the metadata changes of the action that calls it. */
  static void discardCurrentAction(Map<String, Object> flowState) {
    flowState.put(DISCARD, true);
  }

  /** Moves the finished action's changes into the committed set; call once per finished action. */
  @SuppressWarnings("unchecked")
  static void commit(Map<String, Object> flowState) {
    Object current = flowState.remove(CURRENT);
    boolean discard = Boolean.TRUE.equals(flowState.remove(DISCARD));
    if (!(current instanceof Map) || discard) {
      return;
    }
    Map<String, Object> committed = Checks.stateObject(flowState, COMMITTED);
    for (String t : TARGETS) {
      Object changes = ((Map<String, Object>) current).get(t);
      if (changes instanceof Map) {
        Map<String, Object> into = Checks.stateObject(committed, t);
        merge(into, (Map<String, Object>) changes);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> changes) {
    changes.forEach(
        (key, e) -> {
          Map<String, Object> entry = (Map<String, Object>) e;
          into.remove(key);
          if (!entry.containsKey("withdrawn")) {
            into.put(key, entry.get("value"));
          }
        });
  }

  /**
   * The pending changes per target ({@code null} = delete): the committed ones, plus the running
   * action's when {@code includeCurrent} (a denying or suspending action's changes still count).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> pending(Map<String, Object> flowState, boolean includeCurrent) {
    Map<String, Object> out = new LinkedHashMap<>();
    Object committed = flowState.get(COMMITTED);
    Object current = flowState.get(CURRENT);
    boolean discard = Boolean.TRUE.equals(flowState.get(DISCARD));
    for (String t : TARGETS) {
      Map<String, Object> changes = new LinkedHashMap<>();
      if (committed instanceof Map && ((Map<String, Object>) committed).get(t) instanceof Map) {
        changes.putAll((Map<String, Object>) ((Map<String, Object>) committed).get(t));
      }
      if (includeCurrent && !discard && current instanceof Map
          && ((Map<String, Object>) current).get(t) instanceof Map) {
        merge(changes, (Map<String, Object>) ((Map<String, Object>) current).get(t));
      }
      out.put(t, Json.deepCopy(changes));
    }
    return out;
  }

  /** The event with {@code user.*_metadata} = original metadata plus committed changes. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> apply(Map<String, Object> event, Map<String, Object> flowState) {
    if (!(flowState.get(BASE) instanceof Map) || !(event.get("user") instanceof Map)) {
      return event;
    }
    Map<String, Object> base = (Map<String, Object>) flowState.get(BASE);
    Map<String, Object> pending = pending(flowState, false);
    Map<String, Object> user = new LinkedHashMap<>((Map<String, Object>) event.get("user"));
    for (String t : TARGETS) {
      Map<String, Object> merged = (Map<String, Object>) Json.deepCopy(base.get(t));
      ((Map<String, Object>) pending.get(t)).forEach((k, v) -> {
        if (v == null) {
          merged.remove(k);
        } else {
          merged.put(k, v);
        }
      });
      user.put(t, merged);
    }
    Map<String, Object> out = new LinkedHashMap<>(event);
    out.put("user", user);
    return out;
  }
}
