package dev.interlock.adapter.http.internal;

import dev.interlock.core.action.Binding;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.VersionView;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes core's views in the JSON shapes of Auth0's Management API (snake_case; secrets as names
 * only). Fields Auth0 has but Interlock does not model (Marketplace integration, modules, build
 * errors) are left out; {@code revision} is an Interlock addition.
 */
public final class Auth0Json {
  private final TriggerCatalog catalog;
  private final ActionAdministration admin;

  public Auth0Json(TriggerCatalog catalog, ActionAdministration admin) {
    this.catalog = catalog;
    this.admin = admin;
  }

  public Map<String, Object> action(ActionView a) {
    Map<String, Object> m = actionBase(a);
    m.put("code", a.code());
    m.put("dependencies", dependencies(a.dependencies()));
    m.put("runtime", a.runtime());
    m.put("secrets", secrets(a.secretNames(), a.updatedAt()));
    if (a.deployedVersion() != null) {
      m.put("deployed_version", version(admin.version(a.id(), a.deployedVersion()), a));
    }
    m.put("status", "built");
    m.put("revision", a.revision());
    return m;
  }

  private Map<String, Object> actionBase(ActionView a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id().value());
    m.put("name", a.name());
    m.put("supported_triggers", List.of(triggerRef(a.trigger())));
    m.put("all_changes_deployed", a.allChangesDeployed());
    m.put("created_at", instant(a.createdAt()));
    m.put("updated_at", instant(a.updatedAt()));
    return m;
  }

  public Map<String, Object> version(VersionView v, ActionView a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("action_id", v.actionId().value());
    m.put("code", v.code());
    m.put("dependencies", dependencies(v.dependencies()));
    m.put("deployed", v.deployed());
    m.put("runtime", v.runtime());
    m.put("secrets", secrets(v.secretNames(), v.createdAt()));
    m.put("status", "built");
    m.put("number", (long) v.number());
    m.put("errors", new ArrayList<>());
    m.put("action", actionBase(a));
    m.put("built_at", instant(v.createdAt()));
    m.put("created_at", instant(v.createdAt()));
    m.put("updated_at", instant(v.createdAt()));
    m.put("supported_triggers", List.of(triggerRef(a.trigger())));
    return m;
  }

  public Map<String, Object> trigger(TriggerDefinition t, List<String> runtimes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id().value());
    m.put("version", t.version());
    m.put("status", "CURRENT");
    m.put("runtimes", new ArrayList<Object>(runtimes));
    m.put("default_runtime", runtimes.contains("node22") ? "node22" : runtimes.isEmpty() ? null : runtimes.get(0));
    m.put("compatible_triggers", new ArrayList<>());
    m.put("binding_policy", "trigger-bound");
    m.put("execution_mode", t.isAsync() ? "async" : "sync");
    m.put("description", t.description());
    return m;
  }

  public Map<String, Object> binding(Binding b, ActionView a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("trigger_id", b.trigger().value());
    m.put("display_name", b.displayName());
    m.put("action", action(a));
    if (!b.configuration().isEmpty()) {
      m.put("configuration", new LinkedHashMap<String, Object>(b.configuration()));
    }
    return m;
  }

  /**
   * The Management API's {@code Execution}: status {@code final} for completed, denied and failed
   * flows, {@code suspended} and {@code pending} as they are. The full record is served by the
   * execution API.
   */
  public Map<String, Object> execution(ExecutionRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id().value());
    m.put("trigger_id", r.triggerId().value());
    String status;
    switch (r.status()) {
      case PENDING:
        status = "pending";
        break;
      case SUSPENDED:
        status = "suspended";
        break;
      default:
        status = "final";
    }
    m.put("status", status);
    List<Object> results = new ArrayList<>();
    for (ActionResult a : r.results()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("action_name", a.actionName());
      if (a.error() != null) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", a.error().name());
        e.put("msg", a.error().message());
        e.put("url", null);
        rm.put("error", e);
      }
      rm.put("started_at", instant(a.startedAt()));
      rm.put("ended_at", instant(a.endedAt()));
      results.add(rm);
    }
    m.put("results", results);
    m.put("created_at", instant(r.createdAt()));
    m.put("updated_at", instant(r.updatedAt()));
    return m;
  }

  private Map<String, Object> triggerRef(TriggerId id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id.value());
    m.put("version", catalog.find(id).map(TriggerDefinition::version).orElse(null));
    return m;
  }

  private static List<Object> dependencies(Map<String, String> deps) {
    List<Object> out = new ArrayList<>();
    for (Map.Entry<String, String> d : new java.util.TreeMap<>(deps).entrySet()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.getKey());
      m.put("version", d.getValue());
      out.add(m);
    }
    return out;
  }

  /** Core keeps no per-secret timestamp: {@code updated_at} is that of the action or version. */
  private static List<Object> secrets(List<String> names, Instant updated) {
    List<Object> out = new ArrayList<>();
    for (String n : names) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", n);
      m.put("updated_at", instant(updated));
      out.add(m);
    }
    return out;
  }

  static String instant(Instant i) {
    return i == null ? null : i.toString();
  }
}
