package dev.interlock.core.internal;

import dev.interlock.core.ActionDefinitionException;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.Binding;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.FlowSnapshot.ActionRef;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a trigger's bindings (or a stored flow's action references) into loaded actions, and keeps
 * each trigger's resolved flow in memory while a change feed keeps it fresh.
 */
final class FlowResolver {
  private final ActionLoader loader;
  private final ActionStore actions;
  private final BindingStore bindings;
  // Resolved flows per trigger, only while a change feed keeps them fresh (see enableCache).
  private final Map<TriggerId, List<PreparedAction>> resolvedFlows = new ConcurrentHashMap<>();
  private final Object flowCacheLock = new Object();
  private volatile boolean flowCacheEnabled;
  private long flowGeneration;

  FlowResolver(ActionLoader loader, ActionStore actions, BindingStore bindings) {
    this.loader = loader;
    this.actions = actions;
    this.bindings = bindings;
  }

  void enableCache() {
    flowCacheEnabled = true;
  }

  void invalidate() {
    synchronized (flowCacheLock) {
      flowGeneration++;
      resolvedFlows.clear();
    }
  }

  /** The trigger's bound flow, from the cache when enabled. */
  List<PreparedAction> bound(TriggerDefinition trigger) {
    if (!flowCacheEnabled) {
      return resolveBoundActions(trigger);
    }
    List<PreparedAction> cached = resolvedFlows.get(trigger.id());
    if (cached != null) {
      return cached;
    }
    long generation;
    synchronized (flowCacheLock) {
      generation = flowGeneration;
    }
    List<PreparedAction> fresh = List.copyOf(resolveBoundActions(trigger));
    synchronized (flowCacheLock) {
      // an invalidation while resolving means what was read may be stale already: do not keep it
      if (generation == flowGeneration) {
        resolvedFlows.put(trigger.id(), fresh);
      }
    }
    return fresh;
  }

  /** The actions a stored flow started with, loaded again (after a suspension, retry or restart). */
  List<PreparedAction> snapshot(List<ActionRef> refs, TriggerDefinition trigger) {
    List<PreparedAction> flow = new ArrayList<>(refs.size());
    for (ActionRef ref : refs) {
      flow.add(loader.byRef(ref, trigger, configurationOf(trigger, ref)));
    }
    return flow;
  }

  private List<PreparedAction> resolveBoundActions(TriggerDefinition trigger) {
    List<Binding> bound = bindings.get(trigger.id()).bindings();
    List<PreparedAction> out = new ArrayList<>(bound.size());
    for (Binding b : bound) {
      out.add(deployed(b, trigger));
    }
    return out;
  }

  private PreparedAction deployed(Binding b, TriggerDefinition trigger) {
    Optional<Action> action = actions.find(b.action());
    String name = action.map(Action::name).orElse(b.displayName().isEmpty() ? b.action().value() : b.displayName());
    if (action.isEmpty() || action.get().deployedVersion() == null) {
      ActionRef ref = new ActionRef(b.action().value(), name, null, null);
      return PreparedAction.failed(ref, new ActionDefinitionException(
          action.isEmpty() ? "bound action " + b.action() + " does not exist" : "action '" + name + "' has no deployed version"));
    }
    ActionRef ref = new ActionRef(b.action().value(), name, action.get().deployedVersion(), null);
    return loader.byRef(ref, trigger, b.configuration());
  }

  private Map<String, String> configurationOf(TriggerDefinition trigger, ActionRef ref) {
    if (ref.actionId() == null) {
      return Map.of();
    }
    for (Binding b : bindings.get(trigger.id()).bindings()) {
      if (b.action().value().equals(ref.actionId())) {
        return b.configuration();
      }
    }
    return Map.of();
  }
}
