package dev.interlock.adapter.cli;

import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.DraftChange;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.admin.VersionView;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ActionAdministration} over the HTTP Management API, so the management commands run
 * unchanged against a server. Revisions are not sent ({@code expectedRevision} is ignored): the
 * server applies changes to its current state. Test runs and redelivery go through {@link
 * RemoteTarget} or are not offered remotely.
 */
final class RemoteAdministration implements ActionAdministration {
  private static final String ACTIONS = "/api/v2/actions/actions";
  private static final String TRIGGERS = "/api/v2/actions/triggers/";
  private final RemoteTarget server;

  RemoteAdministration(RemoteTarget server) {
    this.server = server;
  }

  @Override
  public ActionView create(NewAction request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", request.name());
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("id", request.trigger().value());
    TriggersCommand.catalog().find(request.trigger()).ifPresent(d -> trigger.put("version", d.version()));
    body.put("supported_triggers", List.of(trigger));
    body.put("code", request.code());
    if (request.runtime() != null) {
      body.put("runtime", request.runtime());
    }
    if (!request.dependencies().isEmpty()) {
      body.put("dependencies", dependencyList(request.dependencies()));
    }
    if (!request.secrets().isEmpty()) {
      List<Object> secrets = new ArrayList<>();
      request.secrets().forEach((name, value) -> secrets.add(Map.of("name", name, "value", value)));
      body.put("secrets", secrets);
    }
    body.put("deploy", request.deploy());
    return action(server.call("POST", ACTIONS, body));
  }

  @Override
  public ActionView get(ActionId id) {
    return action(server.call("GET", ACTIONS + "/" + RemoteTarget.enc(id.value()), null));
  }

  @Override
  public List<ActionView> list(Optional<TriggerId> trigger) {
    List<ActionView> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      String query = "?per_page=100&page=" + page + trigger.map(t -> "&triggerId=" + RemoteTarget.enc(t.value())).orElse("");
      Map<String, Object> r = server.call("GET", ACTIONS + query, null);
      List<Object> items = list(r.get("actions"));
      items.forEach(o -> all.add(action(map(o))));
      long total = r.get("total") instanceof Number n ? n.longValue() : all.size();
      if (items.isEmpty() || all.size() >= total) {
        return all;
      }
    }
  }

  @Override
  public ActionView updateDraft(ActionId id, DraftChange change, Long expectedRevision) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (change.name() != null) {
      body.put("name", change.name());
    }
    if (change.code() != null) {
      body.put("code", change.code());
    }
    if (change.runtime() != null) {
      body.put("runtime", change.runtime());
    }
    if (change.dependencies() != null) {
      body.put("dependencies", dependencyList(change.dependencies()));
    }
    if (change.secrets() != null) {
      List<Object> secrets = new ArrayList<>();
      change.secrets().forEach((name, value) -> {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        if (value != null) {
          s.put("value", value);
        }
        secrets.add(s);
      });
      body.put("secrets", secrets);
    }
    return action(server.call("PATCH", ACTIONS + "/" + RemoteTarget.enc(id.value()), body));
  }

  @Override
  public VersionView deploy(ActionId id, Long expectedRevision) {
    return version(server.call("POST", ACTIONS + "/" + RemoteTarget.enc(id.value()) + "/deploy", Map.of()));
  }

  @Override
  public List<VersionView> versions(ActionId id) {
    List<VersionView> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      Map<String, Object> r = server.call("GET",
          ACTIONS + "/" + RemoteTarget.enc(id.value()) + "/versions?per_page=100&page=" + page, null);
      List<Object> items = list(r.get("versions"));
      items.forEach(o -> all.add(version(map(o))));
      long total = r.get("total") instanceof Number n ? n.longValue() : all.size();
      if (items.isEmpty() || all.size() >= total) {
        return all;
      }
    }
  }

  @Override
  public VersionView version(ActionId id, int number) {
    return version(server.call("GET", ACTIONS + "/" + RemoteTarget.enc(id.value()) + "/versions/" + number, null));
  }

  @Override
  public VersionView rollback(ActionId id, int number, boolean updateDraft, Long expectedRevision) {
    return version(server.call("POST", ACTIONS + "/" + RemoteTarget.enc(id.value()) + "/versions/" + number + "/deploy",
        Map.of("update_draft", updateDraft)));
  }

  @Override
  public void delete(ActionId id, boolean force) {
    server.call("DELETE", ACTIONS + "/" + RemoteTarget.enc(id.value()) + (force ? "?force=true" : ""), null);
  }

  @Override
  public TriggerBindings bindings(TriggerId trigger) {
    return bindings(trigger, server.call("GET", TRIGGERS + RemoteTarget.enc(trigger.value()) + "/bindings?per_page=20", null));
  }

  @Override
  public TriggerBindings replaceBindings(TriggerId trigger, List<BindingRequest> requests, long expectedRevision) {
    List<Object> list = new ArrayList<>();
    for (BindingRequest r : requests) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("ref", Map.of("type", "action_id", "value", r.action().value()));
      if (r.displayName() != null) {
        b.put("display_name", r.displayName());
      }
      list.add(b);
    }
    return bindings(trigger,
        server.call("PATCH", TRIGGERS + RemoteTarget.enc(trigger.value()) + "/bindings", Map.of("bindings", list)));
  }

  @Override
  public ExecutionResult test(ActionId id, Integer version, Map<String, Object> event) {
    throw new UnsupportedOperationException("remote test runs go through RemoteTarget.test");
  }

  @Override
  public List<ExecutionRecord> exhaustedExecutions() {
    throw new UnsupportedOperationException("not offered by the CLI");
  }

  @Override
  public ExecutionResult redeliver(ExecutionId id) {
    throw new UnsupportedOperationException("not offered by the CLI");
  }

  private static TriggerBindings bindings(TriggerId trigger, Map<String, Object> r) {
    List<Binding> list = new ArrayList<>();
    for (Object o : list(r.get("bindings"))) {
      Map<String, Object> b = map(o);
      Map<String, Object> action = map(b.get("action"));
      list.add(new Binding(String.valueOf(b.get("id")), trigger, ActionId.of(String.valueOf(action.get("id"))),
          (String) b.get("display_name"), Map.of()));
    }
    return new TriggerBindings(trigger, list, 0);
  }

  static ActionView action(Map<String, Object> m) {
    List<Object> triggers = list(m.get("supported_triggers"));
    String trigger = triggers.isEmpty() ? "unknown" : String.valueOf(map(triggers.get(0)).get("id"));
    Integer deployed = m.get("deployed_version") instanceof Map<?, ?> v && v.get("number") instanceof Number n
        ? n.intValue() : null;
    return new ActionView(ActionId.of(String.valueOf(m.get("id"))), String.valueOf(m.get("name")),
        TriggerId.of(trigger), m.get("code") instanceof String c ? c : "", (String) m.get("runtime"),
        dependencies(m.get("dependencies")), secretNames(m.get("secrets")), deployed,
        Boolean.TRUE.equals(m.get("all_changes_deployed")),
        m.get("revision") instanceof Number n ? n.longValue() : 0, instant(m.get("created_at")),
        instant(m.get("updated_at")));
  }

  static VersionView version(Map<String, Object> m) {
    return new VersionView(String.valueOf(m.get("id")), ActionId.of(String.valueOf(m.get("action_id"))),
        m.get("number") instanceof Number n ? n.intValue() : 0, m.get("code") instanceof String c ? c : "",
        (String) m.get("runtime"), dependencies(m.get("dependencies")), secretNames(m.get("secrets")),
        Boolean.TRUE.equals(m.get("deployed")), instant(m.get("created_at")));
  }

  /** Auth0's shape: {@code [{"name": "auth0", "version": "4.6.0"}]}. */
  private static List<Object> dependencyList(Map<String, String> dependencies) {
    List<Object> out = new ArrayList<>();
    dependencies.forEach((name, version) -> {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", name);
      d.put("version", version);
      out.add(d);
    });
    return out;
  }

  private static Map<String, String> dependencies(Object o) {
    Map<String, String> deps = new LinkedHashMap<>();
    for (Object d : list(o)) {
      Map<String, Object> m = map(d);
      deps.put(String.valueOf(m.get("name")), String.valueOf(m.get("version")));
    }
    return deps;
  }

  private static List<String> secretNames(Object o) {
    List<String> names = new ArrayList<>();
    list(o).forEach(s -> names.add(String.valueOf(map(s).get("name"))));
    return names;
  }

  private static Instant instant(Object o) {
    try {
      return o instanceof String s ? Instant.parse(s) : Instant.EPOCH;
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }
}
