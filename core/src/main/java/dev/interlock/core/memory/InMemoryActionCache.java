package dev.interlock.core.memory;

import dev.interlock.core.port.ActionCache;
import dev.interlock.core.trigger.TriggerId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ActionCache} in memory, one map per trigger. */
public final class InMemoryActionCache implements ActionCache {
  private final Map<TriggerId, Map<String, CacheRecord>> byTrigger = new ConcurrentHashMap<>();

  private Map<String, CacheRecord> of(TriggerId trigger) {
    return byTrigger.computeIfAbsent(trigger, k -> new ConcurrentHashMap<>());
  }

  @Override
  public Optional<CacheRecord> get(TriggerId trigger, String key) {
    Map<String, CacheRecord> m = byTrigger.get(trigger);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(key));
  }

  @Override
  public void put(TriggerId trigger, String key, CacheRecord record) {
    of(trigger).put(key, record);
  }

  @Override
  public boolean remove(TriggerId trigger, String key) {
    Map<String, CacheRecord> m = byTrigger.get(trigger);
    return m != null && m.remove(key) != null;
  }

  @Override
  public Map<String, CacheRecord> entries(TriggerId trigger) {
    Map<String, CacheRecord> m = byTrigger.get(trigger);
    return m == null ? Map.of() : Map.copyOf(m);
  }
}
