package dev.interlock.adapter.http.internal;

import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.Problem;
import dev.interlock.core.TriggerExecutor;
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
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.json.Json;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Auth0-shaped Management API under {@code /api/v2/actions}: translates requests into {@link
 * ActionAdministration} and {@link TriggerExecutor} calls and their answers into Auth0's JSON. No
 * lifecycle rule lives here.
 */
public final class ManagementRoutes {
  static final String PREFIX = "/api/v2/actions";
  private static final String READ = "read:actions";
  private static final String CREATE = "create:actions";
  private static final String UPDATE = "update:actions";
  private static final String DELETE = "delete:actions";
  private static final int MAX_PER_PAGE = 100;
  private static final int DEFAULT_PER_PAGE = 20;

  private final ActionAdministration admin;
  private final TriggerExecutor executor;
  private final TriggerCatalog catalog;
  private final Auth0Json json;
  private final List<String> runtimes;
  private final ManagementRequests requests;

  public ManagementRoutes(ActionAdministration admin, TriggerExecutor executor, TriggerCatalog catalog,
      List<String> runtimes) {
    this.admin = admin;
    this.executor = executor;
    this.catalog = catalog;
    this.runtimes = List.copyOf(runtimes);
    this.json = new Auth0Json(catalog, admin);
    this.requests = new ManagementRequests(admin, catalog);
  }

  public List<Route> routes() {
    String a = PREFIX + "/actions";
    return List.of(
        Route.scoped("GET", a, READ, this::listActions),
        Route.scoped("POST", a, CREATE, this::createAction),
        Route.scoped("GET", a + "/{id}", READ, ctx -> send(ctx, 200, json.action(admin.get(actionId(ctx))))),
        Route.scoped("PATCH", a + "/{id}", UPDATE, this::updateAction),
        Route.scoped("DELETE", a + "/{id}", DELETE, this::deleteAction),
        Route.scoped("POST", a + "/{id}/deploy", CREATE, this::deploy),
        Route.scoped("POST", a + "/{id}/test", CREATE, this::test),
        Route.scoped("GET", a + "/{id}/versions", READ, this::listVersions),
        Route.scoped("GET", a + "/{id}/versions/{versionId}", READ, this::getVersion),
        Route.scoped("POST", a + "/{id}/versions/{versionId}/deploy", CREATE, this::rollback),
        Route.scoped("GET", PREFIX + "/triggers", READ, this::listTriggers),
        Route.scoped("GET", PREFIX + "/triggers/{triggerId}/bindings", READ, this::listBindings),
        Route.scoped("PATCH", PREFIX + "/triggers/{triggerId}/bindings", UPDATE, this::replaceBindings),
        Route.scoped("GET", PREFIX + "/executions/{id}", READ, this::getExecution));
  }

  private void listActions(Context ctx) {
    Optional<TriggerId> trigger = Optional.ofNullable(ctx.queryParam("triggerId")).filter(s -> !s.isEmpty())
        .map(s -> triggerId(s, "triggerId"));
    String name = ctx.queryParam("actionName");
    Boolean deployed = Body.boolQuery(ctx, "deployed");
    Boolean installed = Body.boolQuery(ctx, "installed");
    List<Object> items = new ArrayList<>();
    if (!Boolean.TRUE.equals(installed)) { // no Marketplace: every action is a custom one
      for (ActionView v : admin.list(trigger)) {
        if ((name == null || name.isEmpty() || v.name().equals(name))
            && (deployed == null || deployed == (v.deployedVersion() != null))) {
          items.add(v);
        }
      }
    }
    send(ctx, 200, page(ctx, "actions", items, o -> json.action((ActionView) o)));
  }

  private void createAction(Context ctx) {
    NewAction request = requests.newAction(Body.object(ctx, false));
    send(ctx, 201, json.action(translated(() -> admin.create(request))));
  }

  private void updateAction(Context ctx) {
    ActionId id = actionId(ctx);
    DraftChange change = requests.draftChange(id, Body.object(ctx, false));
    Long expected = ifMatch(ctx);
    send(ctx, 200, json.action(translated(() -> admin.updateDraft(id, change, expected))));
  }

  private void deleteAction(Context ctx) {
    Boolean force = Body.boolQuery(ctx, "force");
    admin.delete(actionId(ctx), Boolean.TRUE.equals(force));
    ctx.status(204);
  }

  private void deploy(Context ctx) {
    ActionId id = actionId(ctx);
    // Auth0's deploy takes no body; an empty object or null is tolerated, anything else refused
    Map<String, Object> m = Body.object(ctx, true);
    Body b = new Body();
    for (String field : m.keySet()) {
      b.problem("$." + field, "is not accepted; deploy takes no body (the draft is deployed)");
    }
    b.done();
    VersionView v = translated(() -> admin.deploy(id, ifMatch(ctx)));
    send(ctx, 202, json.version(v, admin.get(id)));
  }

  private void test(Context ctx) {
    ActionId id = actionId(ctx);
    Map<String, Object> m = Body.object(ctx, false);
    Body b = new Body();
    Map<String, Object> payload = b.object(m.get("payload"), "$.payload", true);
    b.done();
    ExecutionResult r = prefixed("$.payload", () -> admin.test(id, null, payload));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("payload", ExecutionRecordJson.toJson(r.record()));
    send(ctx, 200, out);
  }

  private void listVersions(Context ctx) {
    ActionId id = actionId(ctx);
    ActionView a = admin.get(id);
    List<Object> items = new ArrayList<>(admin.versions(id));
    send(ctx, 200, page(ctx, "versions", items, o -> json.version((VersionView) o, a)));
  }

  private void getVersion(Context ctx) {
    ActionId id = actionId(ctx);
    send(ctx, 200, json.version(resolveVersion(id, ctx.pathParam("versionId")), admin.get(id)));
  }

  private void rollback(Context ctx) {
    ActionId id = actionId(ctx);
    VersionView old = resolveVersion(id, ctx.pathParam("versionId"));
    Map<String, Object> m = Body.object(ctx, true);
    Body b = new Body();
    Boolean updateDraft = b.bool(m, "update_draft", "$.update_draft");
    b.done();
    VersionView v = admin.rollback(id, old.number(), Boolean.TRUE.equals(updateDraft), ifMatch(ctx));
    send(ctx, 202, json.version(v, admin.get(id)));
  }

  private void listTriggers(Context ctx) {
    List<Object> out = new ArrayList<>();
    for (TriggerDefinition t : catalog.all()) {
      out.add(json.trigger(t, runtimes));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("triggers", out);
    send(ctx, 200, m);
  }

  private void listBindings(Context ctx) {
    TriggerId trigger = triggerId(ctx.pathParam("triggerId"), "triggerId");
    List<Object> items = new ArrayList<>(admin.bindings(trigger).bindings());
    send(ctx, 200, page(ctx, "bindings", items, o -> json.binding((Binding) o, admin.get(((Binding) o).action()))));
  }

  private void replaceBindings(Context ctx) {
    TriggerId trigger = triggerId(ctx.pathParam("triggerId"), "triggerId");
    TriggerBindings current = admin.bindings(trigger);
    List<BindingRequest> requested = requests.bindings(trigger, current, Body.object(ctx, false));
    // read before the change as well: a forced delete right after it must not turn its 200 into a 404
    Map<ActionId, ActionView> before = new java.util.HashMap<>();
    for (ActionView a : admin.list(Optional.of(trigger))) {
      before.put(a.id(), a);
    }
    TriggerBindings updated = translated(() -> admin.replaceBindings(trigger, requested, current.revision()));
    List<Object> out = new ArrayList<>();
    for (Binding bd : updated.bindings()) {
      ActionView view;
      try {
        view = admin.get(bd.action());
      } catch (NotFoundException e) {
        view = Optional.ofNullable(before.get(bd.action())).orElseThrow(() -> e);
      }
      out.add(json.binding(bd, view));
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("bindings", out);
    send(ctx, 200, res);
  }


  private void getExecution(Context ctx) {
    ExecutionId id = new ExecutionId(ctx.pathParam("id"));
    send(ctx, 200, json.execution(executor.find(id).orElseThrow(
        () -> new NotFoundException("execution_not_found", "execution " + id + " does not exist"))));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private VersionView resolveVersion(ActionId id, String ref) {
    if (ref.chars().allMatch(Character::isDigit) && !ref.isEmpty() && ref.length() < 9) {
      return admin.version(id, Integer.parseInt(ref));
    }
    for (VersionView v : admin.versions(id)) {
      if (v.id().equals(ref)) {
        return v;
      }
    }
    throw new NotFoundException("version_not_found", "action " + id + " has no version '" + ref + "'");
  }

  private static ActionId actionId(Context ctx) {
    return ActionId.of(ctx.pathParam("id"));
  }

  static TriggerId triggerId(String value, String path) {
    try {
      return TriggerId.of(value);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_trigger_id", path, e.getMessage());
    }
  }

  private static Long ifMatch(Context ctx) {
    String v = ctx.header("If-Match");
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.replace("\"", "").trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid_header", "If-Match", "must be the action's revision number, got '" + v + "'");
    }
  }

  /** Administration problems name fields ({@code name}, {@code trigger}); the API names JSON paths. */
  private static <T> T translated(Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidRequestException e) {
      List<Problem> ps = new ArrayList<>();
      for (Problem p : e.problems()) {
        String path = p.path();
        if (path.equals("trigger")) {
          path = "$.supported_triggers[0].id";
        } else if (path.startsWith("bindings[") && path.endsWith("].action")) {
          path = "$." + path.substring(0, path.length() - ".action".length()) + ".ref";
        } else if (!path.startsWith("$")) {
          path = "$." + path;
        }
        ps.add(new Problem(path, p.message()));
      }
      throw new InvalidRequestException(e.code(), e.getMessage(), ps);
    }
  }

  /** Event problems are reported at {@code $...} of the event; the body nests it under a field. */
  static <T> T prefixed(String field, Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidRequestException e) {
      List<Problem> ps = new ArrayList<>();
      for (Problem p : e.problems()) {
        String path = p.path();
        ps.add(new Problem(path.startsWith("$") ? field + path.substring(1) : path, p.message()));
      }
      throw new InvalidRequestException(e.code(), e.getMessage(), ps);
    }
  }

  private static Map<String, Object> page(Context ctx, String key, List<Object> all,
      java.util.function.Function<Object, Map<String, Object>> render) {
    Integer page = Body.intQuery(ctx, "page", Integer.MAX_VALUE);
    Integer perPage = Body.intQuery(ctx, "per_page", MAX_PER_PAGE);
    int p = page == null ? 0 : page;
    int pp = perPage == null || perPage == 0 ? DEFAULT_PER_PAGE : perPage;
    List<Object> out = new ArrayList<>();
    long from = (long) p * pp;
    for (long i = from; i < Math.min(all.size(), from + pp); i++) {
      out.add(render.apply(all.get((int) i)));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, out);
    m.put("total", (long) all.size());
    m.put("page", (long) p);
    m.put("per_page", (long) pp);
    return m;
  }

  static void send(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }
}
