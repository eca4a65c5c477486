package dev.interlock.core.port;

import dev.interlock.core.trigger.TriggerId;
import java.util.Map;
import java.util.Optional;

/**
 * Driven port: the storage behind {@code api.cache}, partitioned by trigger. Auth0's rules (sizes,
 * lifetimes, error codes) are applied by core; this port only stores records. Best effort, like
 * Auth0's: an implementation may drop records. Implementations must pass {@code
 * ActionCacheContract} from the test kit.
 */
public interface ActionCache {

  /** A record, expired or not (core checks expiry against its clock). */
  Optional<CacheRecord> get(TriggerId trigger, String key);

  void put(TriggerId trigger, String key, CacheRecord record);

  /** False when there was no such key. */
  boolean remove(TriggerId trigger, String key);

  /** All records of a trigger, for size accounting (the trigger holds at most a few dozen). */
  Map<String, CacheRecord> entries(TriggerId trigger);

  /** A cached string and when it expires, in milliseconds since the epoch. */
  record CacheRecord(String value, long expiresAt) {}
}
