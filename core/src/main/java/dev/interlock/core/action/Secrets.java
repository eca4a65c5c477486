package dev.interlock.core.action;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An action's secrets. Values are handed to the action as {@code event.secrets} and to nothing
 * else: {@link #toString()} shows names only, so a secret never lands in a log by accident.
 */
public final class Secrets {
  private static final Secrets NONE = new Secrets(Map.of());
  private final Map<String, String> values;

  private Secrets(Map<String, String> values) {
    this.values = values;
  }

  public static Secrets none() {
    return NONE;
  }

  public static Secrets of(Map<String, String> values) {
    return values.isEmpty() ? NONE : new Secrets(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  public Set<String> names() {
    return values.keySet();
  }

  /** The plain values; for the flow engine and stores only. */
  public Map<String, String> reveal() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secrets s && s.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Secrets" + values.keySet();
  }
}
