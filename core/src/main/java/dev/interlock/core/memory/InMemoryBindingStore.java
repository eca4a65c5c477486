package dev.interlock.core.memory;

import dev.interlock.core.ConflictException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ChangeFeed;
import dev.interlock.core.trigger.TriggerId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BindingStore} in memory; reads are lock-free, replacements atomic. It is also a {@link
 * ChangeFeed} that reports every replacement (see {@link InMemoryActionStore}). Made over an
 * {@link InMemoryActionStore}, it refuses bindings to actions that store does not hold, checked
 * under that store's lock, and that store refuses to delete a bound action.
 */
public final class InMemoryBindingStore implements BindingStore, ChangeFeed {
  private final Map<TriggerId, TriggerBindings> bindings = new ConcurrentHashMap<>();
  private final ChangeListeners listeners = new ChangeListeners();
  private final InMemoryActionStore actions;

  /** Bindings checked against {@code actions}, the action store of the same engine. */
  public InMemoryBindingStore(InMemoryActionStore actions) {
    this.actions = actions;
    actions.referencedBy(this::isBound);
  }

  /** Bindings that name actions without checking they exist (store-level tests). */
  public InMemoryBindingStore() {
    this.actions = null;
  }

  private boolean isBound(ActionId action) {
    for (TriggerBindings tb : bindings.values()) {
      for (Binding b : tb.bindings()) {
        if (b.action().equals(action)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public AutoCloseable subscribe(Runnable listener) {
    return listeners.subscribe(listener);
  }

  @Override
  public TriggerBindings get(TriggerId trigger) {
    TriggerBindings b = bindings.get(trigger);
    return b == null ? TriggerBindings.empty(trigger) : b;
  }

  @Override
  public TriggerBindings replace(TriggerId trigger, List<Binding> list, long expectedRevision) {
    for (Binding b : list) {
      if (!b.trigger().equals(trigger)) {
        throw new IllegalArgumentException("binding " + b.id() + " belongs to " + b.trigger() + ", not " + trigger);
      }
    }
    TriggerBindings replaced;
    if (actions == null) {
      replaced = compute(trigger, list, expectedRevision);
    } else {
      // the action store's own monitor: its delete checks isBound under the same lock
      synchronized (actions) {
        for (Binding b : list) {
          if (actions.find(b.action()).isEmpty()) {
            throw new NotFoundException("action_not_found", "action " + b.action() + " does not exist");
          }
        }
        replaced = compute(trigger, list, expectedRevision);
      }
    }
    listeners.changed();
    return replaced;
  }

  private TriggerBindings compute(TriggerId trigger, List<Binding> list, long expectedRevision) {
    return bindings.compute(
        trigger,
        (k, current) -> {
          long revision = current == null ? 0 : current.revision();
          if (revision != expectedRevision) {
            throw new ConflictException(
                "revision_conflict",
                "bindings of " + trigger + " were changed concurrently (revision " + revision + ", expected "
                    + expectedRevision + ")");
          }
          return new TriggerBindings(trigger, list, revision + 1);
        });
  }
}
