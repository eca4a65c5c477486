package dev.interlock.core.trigger;

import java.util.Map;

/**
 * {@code api.cache} semantics as Auth0 documents them, scoped to the running trigger. Results are
 * JSON values ready to hand back to the script; errors are returned as {@code {type:'error', code}},
 * never thrown.
 */
public interface CacheAccess {
  /** {@code {value, expires_at}} or {@link dev.interlock.core.json.Undefined#VALUE}. */
  Object get(String key);

  /** {@code {type:'success', record:{value, expires_at}}} or {@code {type:'error', code}}. */
  Map<String, Object> set(String key, String value, Map<String, Object> options);

  /** {@code {type:'success'}} or {@code {type:'error', code}}. */
  Map<String, Object> delete(String key);
}
