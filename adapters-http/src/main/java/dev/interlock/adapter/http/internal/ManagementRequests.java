package dev.interlock.adapter.http.internal;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.DraftChange;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Management API's request bodies (Auth0's JSON) into core's requests, reporting every
 * shape problem with its JSON path before anything reaches the administration.
 */
final class ManagementRequests {
  private final ActionAdministration admin;
  private final TriggerCatalog catalog;

  ManagementRequests(ActionAdministration admin, TriggerCatalog catalog) {
    this.admin = admin;
    this.catalog = catalog;
  }

  NewAction newAction(Map<String, Object> m) {
    Body b = new Body();
    String name = b.string(m, "name", "$.name", true);
    TriggerId trigger = null;
    List<Object> triggers = b.array(m, "supported_triggers", "$.supported_triggers", true);
    if (triggers != null) {
      if (triggers.size() != 1) {
        b.problem("$.supported_triggers", "must name exactly one trigger, got " + triggers.size());
      } else {
        trigger = triggerRef(b, triggers.get(0), "$.supported_triggers[0]");
      }
    }
    String code = b.string(m, "code", "$.code", false);
    String runtime = b.string(m, "runtime", "$.runtime", false);
    Map<String, String> deps = dependencies(b, m);
    Map<String, String> secrets = secrets(b, m, true);
    Boolean deploy = b.bool(m, "deploy", "$.deploy");
    b.done();
    return new NewAction(name, trigger, code, runtime, deps, secrets, Boolean.TRUE.equals(deploy));
  }

  DraftChange draftChange(ActionId id, Map<String, Object> m) {
    Body b = new Body();
    String name = b.string(m, "name", "$.name", false);
    if (m.containsKey("supported_triggers")) {
      List<Object> triggers = b.array(m, "supported_triggers", "$.supported_triggers", false);
      if (triggers != null && triggers.size() == 1) {
        TriggerId t = triggerRef(b, triggers.get(0), "$.supported_triggers[0]");
        if (t != null && !t.equals(admin.get(id).trigger())) {
          b.problem("$.supported_triggers[0].id", "an action's trigger cannot change; create a new action");
        }
      } else if (triggers != null) {
        b.problem("$.supported_triggers", "must name exactly one trigger, got " + triggers.size());
      }
    }
    if (m.containsKey("deploy")) {
      b.problem("$.deploy", "is not accepted on update; POST .../deploy instead");
    }
    String code = b.string(m, "code", "$.code", false);
    String runtime = b.string(m, "runtime", "$.runtime", false);
    Map<String, String> deps = m.containsKey("dependencies") ? dependencies(b, m) : null;
    Map<String, String> secrets = m.containsKey("secrets") ? secrets(b, m, false) : null;
    b.done();
    return new DraftChange(name, code, runtime, deps, secrets);
  }

  List<BindingRequest> bindings(TriggerId trigger, TriggerBindings current, Map<String, Object> m) {
    Body b = new Body();
    List<Object> list = b.array(m, "bindings", "$.bindings", true);
    List<BindingRequest> requests = new ArrayList<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        BindingRequest r = bindingRequest(b, list.get(i), "$.bindings[" + i + "]", trigger, current);
        if (r != null) {
          requests.add(r);
        }
      }
    }
    b.done();
    return requests;
  }

  private BindingRequest bindingRequest(Body b, Object item, String path, TriggerId trigger, TriggerBindings current) {
    Map<String, Object> e = b.object(item, path, true);
    if (e == null) {
      return null;
    }
    Map<String, Object> ref = b.object(e.get("ref"), path + ".ref", true);
    String display = b.string(e, "display_name", path + ".display_name", false);
    List<Object> secrets = b.array(e, "secrets", path + ".secrets", false);
    if (secrets != null && !secrets.isEmpty()) {
      b.problem(path + ".secrets", "binding-level secrets are not supported; give the action its secrets");
    }
    Map<String, String> configuration = stringMap(b, e.get("configuration"), path + ".configuration");
    if (ref == null) {
      return null;
    }
    String type = b.string(ref, "type", path + ".ref.type", true);
    String value = b.string(ref, "value", path + ".ref.value", true);
    if (type == null || value == null) {
      return null;
    }
    if (value.isBlank()) {
      b.problem(path + ".ref.value", "must not be blank");
      return null;
    }
    switch (type) {
      case "action_id":
        return new BindingRequest(ActionId.of(value), display, configuration);
      case "action_name":
        for (ActionView a : admin.list(Optional.of(trigger))) {
          if (a.name().equals(value)) {
            return new BindingRequest(a.id(), display, configuration);
          }
        }
        b.problem(path + ".ref.value", "no action named '" + value + "' exists for trigger " + trigger);
        return null;
      case "binding_id":
        for (Binding existing : current.bindings()) {
          if (existing.id().equals(value)) {
            return new BindingRequest(existing.action(), display != null ? display : existing.displayName(),
                configuration != null ? configuration : existing.configuration());
          }
        }
        b.problem(path + ".ref.value", "trigger " + trigger + " has no binding '" + value + "'");
        return null;
      default:
        b.problem(path + ".ref.type", "must be one of action_id, action_name, binding_id; got '" + type + "'");
        return null;
    }
  }

  private TriggerId triggerRef(Body b, Object item, String path) {
    Map<String, Object> t = b.object(item, path, true);
    if (t == null) {
      return null;
    }
    String id = b.string(t, "id", path + ".id", true);
    String version = b.string(t, "version", path + ".version", false);
    if (id == null) {
      return null;
    }
    Optional<TriggerDefinition> def = catalog.all().stream().filter(d -> d.id().value().equals(id)).findFirst();
    if (def.isEmpty()) {
      b.problem(path + ".id", "'" + id + "' is not a known trigger; known: "
          + catalog.all().stream().map(d -> d.id().value()).toList());
      return null;
    }
    if (version != null && !version.equals(def.get().version())) {
      b.problem(path + ".version", "trigger " + id + " is served at version " + def.get().version() + ", not " + version);
    }
    return def.get().id();
  }

  private static Map<String, String> dependencies(Body b, Map<String, Object> m) {
    List<Object> list = b.array(m, "dependencies", "$.dependencies", false);
    Map<String, String> out = new LinkedHashMap<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        String p = "$.dependencies[" + i + "]";
        Map<String, Object> d = b.object(list.get(i), p, true);
        if (d != null) {
          String n = b.string(d, "name", p + ".name", true);
          String v = b.string(d, "version", p + ".version", true);
          if (n != null && v != null) {
            out.put(n, v);
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> secrets(Body b, Map<String, Object> m, boolean valueRequired) {
    List<Object> list = b.array(m, "secrets", "$.secrets", false);
    Map<String, String> out = new LinkedHashMap<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        String p = "$.secrets[" + i + "]";
        Map<String, Object> s = b.object(list.get(i), p, true);
        if (s != null) {
          String n = b.string(s, "name", p + ".name", true);
          // on update a secret without value keeps its current value
          String v = b.string(s, "value", p + ".value", valueRequired);
          if (n != null) {
            out.put(n, v);
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> stringMap(Body b, Object v, String path) {
    Map<String, Object> m = b.object(v, path, false);
    if (m == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getValue() instanceof String s) {
        out.put(e.getKey(), s);
      } else {
        b.problem(path + "." + e.getKey(), "must be a string, got " + Json.typeOf(e.getValue()));
      }
    }
    return out;
  }
}
