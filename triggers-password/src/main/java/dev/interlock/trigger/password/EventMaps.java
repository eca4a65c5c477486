package dev.interlock.trigger.password;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for the event builders. */
final class EventMaps {
  private EventMaps() {}

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
