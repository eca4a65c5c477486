package dev.interlock.core.trigger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deep merge behind {@link TriggerDefinition#completeEvent}. */
final class EventMerge {
  private EventMerge() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> result = (Map<String, Object>) copy(base);
    for (Map.Entry<String, Object> e : over.entrySet()) {
      Object current = result.get(e.getKey());
      if (e.getValue() == null) {
        result.remove(e.getKey());
      } else if (current instanceof Map && e.getValue() instanceof Map) {
        result.put(e.getKey(), merge((Map<String, Object>) current, (Map<String, Object>) e.getValue()));
      } else {
        result.put(e.getKey(), copy(e.getValue()));
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object v) {
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) v).forEach((k, x) -> out.put(k, copy(x)));
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<Object>) v).forEach(x -> out.add(copy(x)));
      return out;
    }
    return v;
  }
}
