package dev.interlock.core.internal;

import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.AdHocAction;
import dev.interlock.core.Problem;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.FlowSnapshot.ActionRef;
import dev.interlock.core.port.LoadedAction;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.trigger.TriggerDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads action code through the runtime that supports it and keeps the result: once per deployed
 * version (versions are immutable, so the entry never goes stale) and, for ad-hoc code, per code
 * hash in a small bounded cache. Load failures are cached as well, so broken code is not compiled
 * again on every execution.
 */
public final class ActionLoader {
  private static final int AD_HOC_ENTRIES = 256;
  // bounded: every deploy adds a version, and deleted or superseded ones must not pile up
  private static final int VERSION_ENTRIES = 2048;

  private final List<ScriptRuntime> runtimes;
  private final ActionStore store;
  private final Map<String, Object> versions =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
              return size() > VERSION_ENTRIES;
            }
          });
  private final Map<String, AdHocEntry> adHoc =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AdHocEntry> eldest) {
              return size() > AD_HOC_ENTRIES;
            }
          });

  private record AdHocEntry(AdHocAction action, Object loaded) {}

  public ActionLoader(List<ScriptRuntime> runtimes, ActionStore store) {
    this.runtimes = List.copyOf(runtimes);
    this.store = store;
  }

  /** Whether a script runtime of this engine runs code of {@code runtime}. */
  public boolean supports(String runtime) {
    for (ScriptRuntime r : runtimes) {
      if (r.supports(runtime)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loads code with the runtime that supports it.
   *
   * @throws ActionDefinitionException when no runtime supports it or the code cannot load
   */
  public LoadedAction load(ActionSource source, TriggerDefinition trigger) {
    for (ScriptRuntime r : runtimes) {
      if (r.supports(source.runtime())) {
        return r.load(source, trigger);
      }
    }
    throw new ActionDefinitionException(
        "no script runtime supports '" + source.runtime() + "'",
        List.of(new Problem("runtime", "add a runtime for it, or use one of the supported runtimes")),
        null);
  }

  PreparedAction byRef(ActionRef ref, TriggerDefinition trigger, Map<String, String> configuration) {
    if (ref.adHocKey() != null) {
      AdHocEntry e = adHoc.get(ref.adHocKey());
      if (e == null) {
        return PreparedAction.failed(ref, new ActionDefinitionException(
            "the ad-hoc code of action '" + ref.name() + "' is no longer held by this engine"));
      }
      return prepared(ref, e.loaded(), e.action().secrets(), e.action().configuration());
    }
    Optional<ActionVersion> version = store.version(ActionId.of(ref.actionId()), ref.version());
    if (version.isEmpty()) {
      return PreparedAction.failed(ref, new ActionDefinitionException(
          "version " + ref.version() + " of action '" + ref.name() + "' does not exist"));
    }
    ActionVersion v = version.get();
    String key = v.id() + "@" + trigger.id();
    Object loaded = versions.get(key);
    if (loaded == null) {
      // loaded outside the map's lock; two threads may load the same version once each, harmlessly
      loaded = attempt(new ActionSource(ref.name(), v.code(), v.runtime(), v.dependencies()), trigger);
      Object raced = versions.putIfAbsent(key, loaded);
      loaded = raced != null ? raced : loaded;
    }
    return prepared(ref, loaded, v.secrets().reveal(), configuration);
  }

  PreparedAction adHoc(AdHocAction a, TriggerDefinition trigger) {
    String key = "adhoc_" + hash(trigger.id() + "\n" + a.runtime() + "\n" + a.name() + "\n"
        + new java.util.TreeMap<>(a.dependencies()) + "\n" + a.code());
    AdHocEntry entry = adHoc.get(key);
    if (entry == null || !entry.action().equals(a)) {
      Object loaded =
          entry != null
              ? entry.loaded()
              : attempt(new ActionSource(a.name(), a.code(), a.runtime(), a.dependencies()), trigger);
      entry = new AdHocEntry(a, loaded);
      adHoc.put(key, entry);
    }
    return prepared(new ActionRef(null, a.name(), null, key), entry.loaded(), a.secrets(), a.configuration());
  }

  private Object attempt(ActionSource source, TriggerDefinition trigger) {
    try {
      return load(source, trigger);
    } catch (ActionDefinitionException e) {
      return e;
    }
  }

  private static PreparedAction prepared(
      ActionRef ref, Object loaded, Map<String, String> secrets, Map<String, String> configuration) {
    if (loaded instanceof ActionDefinitionException e) {
      return new PreparedAction(ref, null, e, secrets, configuration);
    }
    return new PreparedAction(ref, (LoadedAction) loaded, null, secrets, configuration);
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
