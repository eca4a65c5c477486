package dev.interlock.core.memory;

import dev.interlock.core.ConflictException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.ChangeFeed;
import dev.interlock.core.trigger.TriggerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@link ActionStore} in memory; every method is atomic. It is also a {@link ChangeFeed} that
 * reports every change, so that an engine on it caches resolved flows even when the store is
 * changed directly rather than through the engine's administration. An {@link
 * InMemoryBindingStore} made over it shares its lock: a bound action cannot be deleted, and an
 * action being deleted cannot be bound.
 */
public final class InMemoryActionStore implements ActionStore, ChangeFeed {
  private final Map<ActionId, Action> actions = new LinkedHashMap<>();
  private final Map<ActionId, TreeMap<Integer, ActionVersion>> versions = new LinkedHashMap<>();
  private final ChangeListeners listeners = new ChangeListeners();
  private Predicate<ActionId> bound = id -> false;

  @Override
  public AutoCloseable subscribe(Runnable listener) {
    return listeners.subscribe(listener);
  }

  @Override
  public synchronized Optional<Action> find(ActionId id) {
    return Optional.ofNullable(actions.get(id));
  }

  @Override
  public synchronized List<Action> list(Optional<TriggerId> trigger) {
    List<Action> out = new ArrayList<>();
    for (Action a : actions.values()) {
      if (trigger.isEmpty() || a.trigger().equals(trigger.get())) {
        out.add(a);
      }
    }
    out.sort(Comparator.comparing(Action::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    return out;
  }

  @Override
  public synchronized void insert(Action action) {
    if (actions.containsKey(action.id())) {
      throw new ConflictException("action_exists", "action " + action.id() + " exists already");
    }
    actions.put(action.id(), action);
    listeners.changed();
  }

  @Override
  public synchronized void update(Action action, long expectedRevision) {
    Action current = actions.get(action.id());
    if (current == null) {
      throw new NotFoundException("action_not_found", "action " + action.id() + " does not exist");
    }
    if (current.revision() != expectedRevision) {
      throw new ConflictException(
          "revision_conflict",
          "action " + action.id() + " was changed concurrently (revision " + current.revision()
              + ", expected " + expectedRevision + ")");
    }
    actions.put(action.id(), action);
    listeners.changed();
  }

  /** Called by the binding store made over this one; {@code isBound} is read under this lock. */
  synchronized void referencedBy(Predicate<ActionId> isBound) {
    bound = bound.or(isBound);
  }

  @Override
  public synchronized boolean delete(ActionId id) {
    if (bound.test(id)) {
      throw new ConflictException("action_bound", "action " + id + " is bound; unbind it first");
    }
    versions.remove(id);
    boolean removed = actions.remove(id) != null;
    listeners.changed();
    return removed;
  }

  @Override
  public synchronized void addVersion(ActionVersion version) {
    TreeMap<Integer, ActionVersion> vs = versions.computeIfAbsent(version.actionId(), k -> new TreeMap<>());
    if (vs.containsKey(version.number())) {
      throw new ConflictException(
          "version_exists", "version " + version.number() + " of action " + version.actionId() + " exists already");
    }
    vs.put(version.number(), version);
    listeners.changed();
  }

  @Override
  public synchronized void deploy(Action updated, ActionVersion version, long expectedRevision) {
    Action current = actions.get(updated.id());
    if (current == null) {
      throw new NotFoundException("action_not_found", "action " + updated.id() + " does not exist");
    }
    if (current.revision() != expectedRevision) {
      throw new ConflictException(
          "revision_conflict",
          "action " + updated.id() + " was changed concurrently (revision " + current.revision()
              + ", expected " + expectedRevision + ")");
    }
    addVersion(version);
    actions.put(updated.id(), updated);
    listeners.changed();
  }

  @Override
  public synchronized void insertDeployed(Action action, ActionVersion version) {
    if (actions.containsKey(action.id())) {
      throw new ConflictException("action_exists", "action " + action.id() + " exists already");
    }
    TreeMap<Integer, ActionVersion> vs = new TreeMap<>();
    vs.put(version.number(), version);
    versions.put(action.id(), vs);
    actions.put(action.id(), action);
    listeners.changed();
  }

  @Override
  public synchronized boolean deleteVersion(ActionId action, int number) {
    TreeMap<Integer, ActionVersion> vs = versions.get(action);
    boolean removed = vs != null && vs.remove(number) != null;
    listeners.changed();
    return removed;
  }

  @Override
  public synchronized Optional<ActionVersion> version(ActionId action, int number) {
    TreeMap<Integer, ActionVersion> vs = versions.get(action);
    return vs == null ? Optional.empty() : Optional.ofNullable(vs.get(number));
  }

  @Override
  public synchronized List<ActionVersion> versions(ActionId action) {
    TreeMap<Integer, ActionVersion> vs = versions.get(action);
    return vs == null ? List.of() : new ArrayList<>(vs.descendingMap().values());
  }
}
