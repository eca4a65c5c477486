package dev.interlock.core.trigger.common;

import dev.interlock.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level overrides of an event builder: properties set to any JSON value (null included,
 * to build invalid events on purpose) or left out, applied over the built event.
 */
public final class EventOverrides {
  private static final Object ABSENT = new Object();
  private final Map<String, Object> values = new LinkedHashMap<>();

  /** Sets a top-level property to {@code value} (a deep copy is applied). */
  public void set(String property, Object value) {
    values.put(property, value);
  }

  /** Leaves a top-level property out. */
  public void remove(String property) {
    values.put(property, ABSENT);
  }

  /** Applies the overrides in the order given; returns {@code event}. */
  public Map<String, Object> applyTo(Map<String, Object> event) {
    values.forEach((k, v) -> {
      if (v == ABSENT) {
        event.remove(k);
      } else {
        event.put(k, Json.deepCopy(v));
      }
    });
    return event;
  }
}
