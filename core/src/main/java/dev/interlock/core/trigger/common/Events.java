package dev.interlock.core.trigger.common;

import java.util.Map;

/** Reading nested event properties without casts at every step. */
public final class Events {
  private Events() {}

  /** The value at {@code path} below {@code event}, or {@code null} when any step is missing. */
  public static Object at(Map<String, Object> event, String... path) {
    Object current = event;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }
}
