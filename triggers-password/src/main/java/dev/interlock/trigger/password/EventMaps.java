package dev.interlock.trigger.password;

import dev.interlock.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for the event builders. */
final class EventMaps {
  /** Marks a top-level property a builder must leave out. */
  static final Object ABSENT = new Object();

  private EventMaps() {}

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Applies a builder's overrides: {@link #ABSENT} removes, anything else is copied in. */
  static Map<String, Object> override(Map<String, Object> event, Map<String, Object> extra) {
    extra.forEach((k, v) -> {
      if (v == ABSENT) {
        event.remove(k);
      } else {
        event.put(k, Json.deepCopy(v));
      }
    });
    return event;
  }
}
