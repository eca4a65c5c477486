package dev.interlock.core.admin.internal;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.ConflictException;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.Problem;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.AdministrationLimits;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.DraftChange;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.admin.VersionView;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.internal.ActionLoader;
import dev.interlock.core.internal.Engine;
import dev.interlock.core.port.ActionSource;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.IdGenerator;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link ActionAdministration} use cases over the store ports. */
public final class ActionAdministrationService implements ActionAdministration {
  private final TriggerCatalog catalog;
  private final ActionLoader loader;
  private final ActionStore actions;
  private final BindingStore bindings;
  private final Engine executor;
  private final InstantSource clock;
  private final IdGenerator ids;
  private final AdministrationLimits limits;
  private final DraftRules rules;
  private final Runnable onFlowChange;
  private final Binder binder;

  /** {@code onFlowChange} runs after every deploy, rollback, delete and binding change. */
  public ActionAdministrationService(
      TriggerCatalog catalog, ActionLoader loader, ActionStore actions, BindingStore bindings,
      Engine executor, InstantSource clock, IdGenerator ids, AdministrationLimits limits,
      Runnable onFlowChange) {
    this.catalog = catalog;
    this.loader = loader;
    this.actions = actions;
    this.bindings = bindings;
    this.executor = executor;
    this.clock = clock;
    this.ids = ids;
    this.limits = limits;
    this.rules = new DraftRules(limits, loader::supports);
    this.onFlowChange = onFlowChange;
    this.binder = new Binder(catalog, actions, bindings, ids, limits);
  }

  @Override
  public ActionView create(NewAction request) {
    List<Problem> problems = new ArrayList<>();
    rules.name(request.name(), problems);
    if (request.trigger() == null) {
      problems.add(new Problem("trigger", "is required"));
    } else if (catalog.find(request.trigger()).isEmpty()) {
      problems.add(new Problem("trigger", "'" + request.trigger() + "' is not a known trigger"));
    }
    rules.code(request.code(), problems);
    rules.runtime(request.runtime(), problems);
    rules.dependencies(request.dependencies(), problems);
    rules.secrets(request.secrets(), false, problems);
    refuseIfAny(problems, "the action");
    if (actions.list(Optional.empty()).size() >= limits.maxActions()) {
      throw new ConflictException(
          "too_many_actions", "at most " + limits.maxActions() + " actions can exist; delete one first");
    }
    Instant now = clock.instant();
    ActionDraft draft =
        new ActionDraft(request.code(), request.runtime(), request.dependencies(), Secrets.of(request.secrets()));
    Action action = new Action(ActionId.of(ids.newId("act")), request.name(), request.trigger(), draft, null, 1, now, now);
    if (request.deploy()) {
      // load before anything is stored: broken code creates nothing; then the action and its
      // first version are stored in one step, so a failure leaves no undeployed action behind
      load(action, draft.code(), draft.runtime(), draft.dependencies());
      ActionVersion first = new ActionVersion(ids.newId("ver"), action.id(), 1, draft.code(), draft.runtime(),
          draft.dependencies(), draft.secrets(), now);
      actions.insertDeployed(new Action(action.id(), action.name(), action.trigger(), draft, 1, 2, now, now), first);
      onFlowChange.run();
    } else {
      actions.insert(action);
    }
    return get(action.id());
  }

  @Override
  public ActionView get(ActionId id) {
    return view(require(id));
  }

  @Override
  public List<ActionView> list(Optional<TriggerId> trigger) {
    List<ActionView> out = new ArrayList<>();
    for (Action a : actions.list(trigger)) {
      out.add(view(a));
    }
    return out;
  }

  @Override
  public ActionView updateDraft(ActionId id, DraftChange change, Long expectedRevision) {
    Action current = require(id);
    checkRevision(current, expectedRevision);
    ActionDraft d = current.draft();
    List<Problem> problems = new ArrayList<>();
    if (change.name() != null) {
      rules.name(change.name(), problems);
    }
    if (change.code() != null) {
      rules.code(change.code(), problems);
    }
    rules.changedRuntime(change.runtime(), problems);
    if (change.dependencies() != null) {
      rules.dependencies(change.dependencies(), problems);
    }
    Map<String, String> secrets = d.secrets().reveal();
    if (change.secrets() != null) {
      rules.secrets(change.secrets(), true, problems);
      secrets = new LinkedHashMap<>();
      for (Map.Entry<String, String> s : change.secrets().entrySet()) {
        String value = s.getValue() != null ? s.getValue() : d.secrets().reveal().get(s.getKey());
        if (value == null) {
          problems.add(new Problem("secrets." + s.getKey(), "has no current value to keep; give a value"));
        } else {
          secrets.put(s.getKey(), value);
        }
      }
    }
    refuseIfAny(problems, "the draft change");
    ActionDraft draft = new ActionDraft(
        change.code() != null ? change.code() : d.code(),
        change.runtime() != null ? change.runtime() : d.runtime(),
        change.dependencies() != null ? change.dependencies() : d.dependencies(),
        Secrets.of(secrets));
    Action updated = new Action(current.id(), change.name() != null ? change.name() : current.name(),
        current.trigger(), draft, current.deployedVersion(), current.revision() + 1, current.createdAt(), clock.instant());
    actions.update(updated, current.revision());
    return view(updated);
  }

  @Override
  public VersionView deploy(ActionId id, Long expectedRevision) {
    Action current = require(id);
    checkRevision(current, expectedRevision);
    ActionDraft d = current.draft();
    List<Problem> problems = new ArrayList<>();
    rules.code(d.code(), problems);
    rules.dependencies(d.dependencies(), problems);
    rules.secrets(d.secrets().reveal(), false, problems);
    refuseIfAny(problems, "the draft");
    return deployContent(current, d.code(), d.runtime(), d.dependencies(), d.secrets(), false);
  }

  @Override
  public List<VersionView> versions(ActionId id) {
    Action a = require(id);
    List<VersionView> out = new ArrayList<>();
    for (ActionVersion v : actions.versions(id)) {
      out.add(view(v, a));
    }
    return out;
  }

  @Override
  public VersionView version(ActionId id, int number) {
    Action a = require(id);
    return view(requireVersion(id, number), a);
  }

  @Override
  public VersionView rollback(ActionId id, int number, boolean updateDraft, Long expectedRevision) {
    Action current = require(id);
    checkRevision(current, expectedRevision);
    ActionVersion old = requireVersion(id, number);
    return deployContent(current, old.code(), old.runtime(), old.dependencies(), old.secrets(), updateDraft);
  }

  private VersionView deployContent(
      Action current, String code, String runtime, Map<String, String> deps, Secrets secrets, boolean setDraft) {
    load(current, code, runtime, deps);
    List<ActionVersion> existing = actions.versions(current.id());
    int number = existing.isEmpty() ? 1 : existing.get(0).number() + 1;
    if (existing.size() >= limits.maxVersions()) {
      dropOldestUnused(current, existing);
    }
    Instant now = clock.instant();
    ActionVersion version = new ActionVersion(ids.newId("ver"), current.id(), number, code, runtime, deps, secrets, now);
    ActionDraft draft = setDraft ? new ActionDraft(code, runtime, deps, secrets) : current.draft();
    Action updated = new Action(current.id(), current.name(), current.trigger(), draft, number,
        current.revision() + 1, current.createdAt(), now);
    actions.deploy(updated, version, current.revision());
    onFlowChange.run();
    return view(version, updated);
  }

  private void dropOldestUnused(Action current, List<ActionVersion> newestFirst) {
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      ActionVersion v = newestFirst.get(i);
      if (current.deployedVersion() == null || v.number() != current.deployedVersion()) {
        actions.deleteVersion(current.id(), v.number());
        return;
      }
    }
  }

  @Override
  public void delete(ActionId id, boolean force) {
    binder.delete(require(id), force);
    onFlowChange.run();
  }

  @Override
  public TriggerBindings bindings(TriggerId trigger) {
    catalog.require(trigger);
    return bindings.get(trigger);
  }

  @Override
  public TriggerBindings replaceBindings(TriggerId trigger, List<BindingRequest> requested, long expectedRevision) {
    catalog.require(trigger);
    TriggerBindings result = binder.replace(trigger, requested, expectedRevision);
    onFlowChange.run();
    return result;
  }

  @Override
  public ExecutionResult test(ActionId id, Integer version, Map<String, Object> event) {
    Action a = require(id);
    AdHocAction code;
    if (version == null) {
      ActionDraft d = a.draft();
      code = new AdHocAction(a.name(), d.code(), d.runtime(), d.secrets().reveal(), Map.of(), d.dependencies());
    } else {
      ActionVersion v = requireVersion(id, version);
      code = new AdHocAction(a.name(), v.code(), v.runtime(), v.secrets().reveal(), Map.of(), v.dependencies());
    }
    return executor.run(a.trigger(), List.of(code), catalog.require(a.trigger()).completeEvent(event));
  }

  @Override
  public List<ExecutionRecord> exhaustedExecutions() {
    return executor.exhausted();
  }

  @Override
  public ExecutionResult redeliver(ExecutionId id) {
    return executor.redeliver(id);
  }

  private void load(Action action, String code, String runtime, Map<String, String> deps) {
    TriggerDefinition trigger = catalog.require(action.trigger());
    // throws ActionDefinitionException with the author's line:column problems; nothing is stored
    loader.load(new ActionSource(action.name(), code, runtime, deps), trigger);
  }

  private Action require(ActionId id) {
    return actions.find(id).orElseThrow(
        () -> new NotFoundException("action_not_found", "action " + id + " does not exist"));
  }

  private ActionVersion requireVersion(ActionId id, int number) {
    return actions.version(id, number).orElseThrow(
        () -> new NotFoundException("version_not_found", "action " + id + " has no version " + number));
  }

  private static void checkRevision(Action current, Long expected) {
    if (expected != null && current.revision() != expected) {
      throw new ConflictException("revision_conflict", "action " + current.id() + " is at revision "
          + current.revision() + ", not " + expected + "; read it again and retry");
    }
  }

  static void refuseIfAny(List<Problem> problems, String what) {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("invalid_action", what + " is invalid (" + problems.size()
          + (problems.size() == 1 ? " problem)" : " problems)"), problems);
    }
  }

  private ActionView view(Action a) {
    ActionDraft d = a.draft();
    boolean allDeployed = false;
    if (a.deployedVersion() != null) {
      Optional<ActionVersion> v = actions.version(a.id(), a.deployedVersion());
      allDeployed = v.isPresent() && v.get().code().equals(d.code()) && v.get().runtime().equals(d.runtime())
          && v.get().dependencies().equals(d.dependencies()) && v.get().secrets().equals(d.secrets());
    }
    return new ActionView(a.id(), a.name(), a.trigger(), d.code(), d.runtime(), d.dependencies(),
        new ArrayList<>(d.secrets().names()), a.deployedVersion(), allDeployed, a.revision(), a.createdAt(), a.updatedAt());
  }

  private static VersionView view(ActionVersion v, Action a) {
    boolean deployed = a.deployedVersion() != null && a.deployedVersion() == v.number();
    return new VersionView(v.id(), v.actionId(), v.number(), v.code(), v.runtime(), v.dependencies(),
        new ArrayList<>(v.secrets().names()), deployed, v.createdAt());
  }
}
