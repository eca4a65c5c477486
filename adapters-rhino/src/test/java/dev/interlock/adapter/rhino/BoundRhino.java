package dev.interlock.adapter.rhino;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.memory.InMemoryActionCache;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An engine on the Rhino runtime whose test trigger runs one deployed JavaScript action, as the
 * lifecycle use cases would leave it (with declared dependencies, unlike ad-hoc runs).
 */
final class BoundRhino implements AutoCloseable {
  static final TriggerId LOGIN = TriggerId.of(TestFamily.TRIGGER);

  private final InMemoryActionStore actions = new InMemoryActionStore();
  private final InMemoryBindingStore bindings = new InMemoryBindingStore();
  final Interlock interlock;
  private int count;

  BoundRhino(RhinoConfig rhino, EngineConfig config) {
    interlock = Interlock.builder()
        .families(List.of(new TestFamily()))
        .runtime(RhinoRuntimes.create(rhino))
        .stores(actions, bindings, new InMemoryExecutionStore())
        .cache(new InMemoryActionCache())
        .config(config)
        .build();
  }

  /** Deploys {@code code} as action "wait" (line numbers in stacks read {@code wait:N}) and binds only it. */
  BoundRhino bind(String code) {
    return bind(code, Map.of());
  }

  BoundRhino bind(String code, Map<String, String> dependencies) {
    ActionId id = ActionId.of("act_wait_" + (++count));
    Instant now = Instant.now();
    Secrets none = Secrets.of(Map.of());
    actions.insert(new Action(id, "wait", LOGIN, new ActionDraft(code, "node22", dependencies, none), 1, 1, now, now));
    actions.addVersion(new ActionVersion("ver_" + id.value(), id, 1, code, "node22", dependencies, none, now));
    var current = bindings.get(LOGIN);
    bindings.replace(LOGIN, List.of(new Binding("bnd_" + id.value(), LOGIN, id, "wait", Map.of())), current.revision());
    return this;
  }

  /** Runs the bound action with the standard login event and waits for its record. */
  ExecutionRecord run() {
    return interlock.executor().execute(LOGIN, Scripts.Events.login()).record();
  }

  @Override
  public void close() {
    interlock.close();
  }
}
