package dev.interlock.adapter.cli;

import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.VersionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of the administration's views (snake_case, like the HTTP API); never secret values. */
final class Views {
  private Views() {}

  static Map<String, Object> action(ActionView a, boolean withCode) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id().value());
    m.put("name", a.name());
    m.put("trigger", a.trigger().value());
    m.put("runtime", a.runtime());
    m.put("dependencies", a.dependencies());
    m.put("secrets", a.secretNames());
    m.put("deployed_version", a.deployedVersion());
    m.put("all_changes_deployed", a.allChangesDeployed());
    m.put("revision", a.revision());
    m.put("created_at", a.createdAt().toString());
    m.put("updated_at", a.updatedAt().toString());
    if (withCode) {
      m.put("code", a.code());
    }
    return m;
  }

  static Map<String, Object> version(VersionView v, boolean withCode) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("action_id", v.actionId().value());
    m.put("number", v.number());
    m.put("runtime", v.runtime());
    m.put("dependencies", v.dependencies());
    m.put("secrets", v.secretNames());
    m.put("deployed", v.deployed());
    m.put("created_at", v.createdAt().toString());
    if (withCode) {
      m.put("code", v.code());
    }
    return m;
  }

  static Map<String, Object> bindings(TriggerBindings b) {
    List<Object> list = new ArrayList<>();
    for (Binding x : b.bindings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", x.id());
      m.put("action_id", x.action().value());
      m.put("display_name", x.displayName());
      list.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trigger", b.trigger().value());
    m.put("revision", b.revision());
    m.put("bindings", list);
    return m;
  }

  static String status(ActionView a) {
    if (a.deployedVersion() == null) {
      return "draft";
    }
    return a.allChangesDeployed() ? "deployed" : "deployed (draft changed)";
  }
}
