package dev.interlock.core.memory;

import dev.interlock.core.ConflictException;
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
 * ChangeFeed} that reports every replacement (see {@link InMemoryActionStore}).
 */
public final class InMemoryBindingStore implements BindingStore, ChangeFeed {
  private final Map<TriggerId, TriggerBindings> bindings = new ConcurrentHashMap<>();
  private final ChangeListeners listeners = new ChangeListeners();

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
    TriggerBindings replaced = bindings.compute(
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
    listeners.changed();
    return replaced;
  }
}
