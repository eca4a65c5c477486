package dev.interlock.core.admin.internal;

import dev.interlock.core.ConflictException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.Problem;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.admin.AdministrationLimits;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.IdGenerator;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two use cases that touch both actions and bindings: deleting an action and replacing a
 * trigger's bindings. They hold one lock, so that in one process neither sees the other half
 * done; the stores make the same guarantee across processes (see {@code ActionStore#delete} and
 * {@code BindingStore#replace}), and a refusal they report is retried or reported as the caller's.
 */
final class Binder {
  private static final int FORCED_UNBIND_ATTEMPTS = 5;

  private final TriggerCatalog catalog;
  private final ActionStore actions;
  private final BindingStore bindings;
  private final IdGenerator ids;
  private final AdministrationLimits limits;
  private final Object lock = new Object();

  Binder(TriggerCatalog catalog, ActionStore actions, BindingStore bindings, IdGenerator ids,
      AdministrationLimits limits) {
    this.catalog = catalog;
    this.actions = actions;
    this.bindings = bindings;
    this.ids = ids;
    this.limits = limits;
  }

  /** Deletes {@code current}, unbinding it first when {@code force}. */
  void delete(Action current, boolean force) {
    ActionId id = current.id();
    synchronized (lock) {
      for (int attempt = 1; ; attempt++) {
        unbindForDelete(current, force);
        try {
          actions.delete(id);
          break;
        } catch (ConflictException e) {
          // another node bound it between the unbind and the delete; the store refused atomically
          if (!force || attempt >= FORCED_UNBIND_ATTEMPTS) {
            throw e;
          }
        }
      }
    }
  }

  private void unbindForDelete(Action current, boolean force) {
    for (int attempt = 1; ; attempt++) {
      TriggerBindings tb = bindings.get(current.trigger());
      List<Binding> kept = new ArrayList<>();
      for (Binding b : tb.bindings()) {
        if (!b.action().equals(current.id())) {
          kept.add(b);
        }
      }
      if (kept.size() == tb.bindings().size()) {
        return;
      }
      if (!force) {
        throw new ConflictException("action_bound", "action " + current.id() + " is bound to " + current.trigger()
            + "; unbind it first or delete with force");
      }
      try {
        bindings.replace(current.trigger(), kept, tb.revision());
        return;
      } catch (ConflictException e) {
        if (attempt >= FORCED_UNBIND_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Replaces the trigger's bindings after checking every requested action. */
  TriggerBindings replace(TriggerId trigger, List<BindingRequest> requested, long expectedRevision) {
    synchronized (lock) {
      return replaceChecked(trigger, requested, expectedRevision);
    }
  }

  private TriggerBindings replaceChecked(TriggerId trigger, List<BindingRequest> requested, long expectedRevision) {
    List<Problem> problems = new ArrayList<>();
    if (requested.size() > limits.maxBindingsPerTrigger()) {
      problems.add(new Problem("bindings", "has " + requested.size() + " entries; at most "
          + limits.maxBindingsPerTrigger() + " actions can be bound to a trigger"));
    }
    Map<ActionId, String> existingIds = new LinkedHashMap<>();
    for (Binding b : bindings.get(trigger).bindings()) {
      existingIds.put(b.action(), b.id());
    }
    Set<ActionId> seen = new HashSet<>();
    List<Binding> list = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      BindingRequest r = requested.get(i);
      String path = "bindings[" + i + "].action";
      Optional<Action> a = actions.find(r.action());
      if (a.isEmpty()) {
        problems.add(new Problem(path, "action " + r.action() + " does not exist"));
        continue;
      }
      if (!a.get().trigger().equals(trigger)) {
        problems.add(new Problem(path, "action " + r.action() + " is for trigger " + a.get().trigger() + ", not " + trigger));
      }
      if (a.get().deployedVersion() == null) {
        problems.add(new Problem(path, "action " + r.action() + " has no deployed version; deploy it first"));
      }
      if (!seen.add(r.action())) {
        problems.add(new Problem(path, "action " + r.action() + " is bound more than once"));
      }
      if (r.retry().enabled() && !catalog.require(trigger).isAsync()) {
        problems.add(new Problem("bindings[" + i + "].retry", "retries apply to async triggers only; " + trigger
            + " is sync"));
      }
      String bindingId = existingIds.getOrDefault(r.action(), null);
      String display = r.displayName() == null || r.displayName().isEmpty() ? a.get().name() : r.displayName();
      list.add(new Binding(bindingId != null ? bindingId : ids.newId("bnd"), trigger, r.action(), display,
          r.configuration(), r.retry()));
    }
    ActionAdministrationService.refuseIfAny(problems, "the bindings");
    try {
      return bindings.replace(trigger, list, expectedRevision);
    } catch (NotFoundException e) {
      // another node deleted a named action after the check above; the store refused atomically
      for (int i = 0; i < requested.size(); i++) {
        if (actions.find(requested.get(i).action()).isEmpty()) {
          problems.add(new Problem("bindings[" + i + "].action", "action " + requested.get(i).action()
              + " does not exist"));
        }
      }
      ActionAdministrationService.refuseIfAny(problems, "the bindings");
      throw e;
    }
  }
}
