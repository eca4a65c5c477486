package dev.interlock.core.internal;

import dev.interlock.core.EngineConfig.CacheLimits;
import dev.interlock.core.json.Json;
import dev.interlock.core.json.Undefined;
import dev.interlock.core.port.ActionCache;
import dev.interlock.core.port.ActionCache.CacheRecord;
import dev.interlock.core.trigger.CacheAccess;
import dev.interlock.core.trigger.TriggerId;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Auth0's {@code api.cache} rules over the {@link ActionCache} port, for one trigger. */
final class TriggerCacheAccess implements CacheAccess {
  private static final double MAX_SAFE_INTEGER = 9007199254740991.0;

  private final ActionCache store;
  private final TriggerId trigger;
  private final CacheLimits limits;
  private final InstantSource clock;

  TriggerCacheAccess(ActionCache store, TriggerId trigger, CacheLimits limits, InstantSource clock) {
    this.store = store;
    this.trigger = trigger;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public Object get(String key) {
    CacheRecord r = store.get(trigger, key).orElse(null);
    if (r == null || r.expiresAt() < clock.millis()) {
      return Undefined.VALUE;
    }
    return record(r);
  }

  @Override
  public Map<String, Object> set(String key, String value, Map<String, Object> options) {
    if (Json.utf8Length(key) > limits.maxKeyBytes()) {
      return error("CacheKeySizeExceeded");
    }
    if (Json.utf8Length(value) > limits.maxValueBytes()) {
      return error("CacheValueSizeExceeded");
    }
    long now = clock.millis();
    Object ttl = options.get("ttl");
    Object expiresAt = options.get("expires_at");
    double expiry = Double.POSITIVE_INFINITY;
    if (present(ttl)) {
      if (!(ttl instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        return error("InvalidExpiry");
      }
      expiry = now + n.doubleValue();
    }
    if (present(expiresAt)) {
      if (!(expiresAt instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        return error("InvalidExpiry");
      }
      expiry = Math.min(expiry, n.doubleValue());
    }
    if (expiry == Double.POSITIVE_INFINITY) {
      expiry = now + limits.defaultTtl().toMillis();
    }
    expiry = Math.floor(Math.min(expiry, now + (double) limits.maxTtl().toMillis()));
    if (Math.abs(expiry) > MAX_SAFE_INTEGER) {
      return error("InvalidExpiry");
    }
    if (expiry <= now) {
      return error("ItemAlreadyExpired");
    }
    try {
      int total = Json.utf8Length(key) + Json.utf8Length(value);
      int live = 1;
      for (Map.Entry<String, CacheRecord> e : store.entries(trigger).entrySet()) {
        if (e.getKey().equals(key) || e.getValue().expiresAt() < now) {
          continue;
        }
        live++;
        total += Json.utf8Length(e.getKey()) + Json.utf8Length(e.getValue().value());
      }
      if (total > limits.maxTotalBytes() || live > limits.maxEntries()) {
        return error("CacheSizeExceeded");
      }
      CacheRecord r = new CacheRecord(value, (long) expiry);
      store.put(trigger, key, r);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("type", "success");
      out.put("record", record(r));
      return out;
    } catch (RuntimeException e) {
      return error("FailedToSetCacheRecord");
    }
  }

  @Override
  public Map<String, Object> delete(String key) {
    try {
      if (!store.remove(trigger, key)) {
        return error("CacheKeyDoesNotExist");
      }
    } catch (RuntimeException e) {
      return error("FailedToDeleteCacheRecord");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "success");
    return out;
  }

  private static boolean present(Object o) {
    return o != null && o != Undefined.VALUE;
  }

  private static Map<String, Object> record(CacheRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", r.value());
    m.put("expires_at", r.expiresAt());
    return m;
  }

  private static Map<String, Object> error(String code) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "error");
    m.put("code", code);
    return m;
  }
}
