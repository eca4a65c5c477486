package dev.interlock.core.flow;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.javaaction.JavaAction;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.memory.InMemoryActionCache;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An engine on in-memory stores with the {@link TestFamily}, binding Java actions directly. */
final class FlowHarness implements AutoCloseable {
  final JavaActionRuntime java = new JavaActionRuntime();
  final InMemoryActionStore actions = new InMemoryActionStore();
  final InMemoryBindingStore bindings = new InMemoryBindingStore();
  final InMemoryExecutionStore executions = new InMemoryExecutionStore();
  final Interlock interlock;
  private int n;

  FlowHarness() {
    this(EngineConfig.defaults());
  }

  FlowHarness(EngineConfig config) {
    this(config, null);
  }

  /** With {@code runtime} running the bound actions instead of the Java runtime (bind still names them). */
  FlowHarness(EngineConfig config, dev.interlock.core.port.ScriptRuntime runtime) {
    interlock =
        Interlock.builder()
            .families(List.of(new TestFamily()))
            .runtime(runtime == null ? java : runtime)
            .stores(actions, bindings, executions)
            .cache(new InMemoryActionCache())
            .config(config)
            .build();
  }

  FlowHarness bind(TriggerId trigger, String name, JavaAction action) {
    return bind(trigger, name, action, Map.of());
  }

  FlowHarness bind(TriggerId trigger, String name, JavaAction action, Map<String, String> secrets) {
    n++;
    java.register(name, action);
    ActionId id = ActionId.of("act_" + n);
    Instant now = Instant.now();
    actions.insert(new Action(id, name, trigger, new ActionDraft(name, "java", Map.of(), Secrets.of(secrets)), 1, 1, now, now));
    actions.addVersion(new ActionVersion("ver_" + n, id, 1, name, "java", Map.of(), Secrets.of(secrets), now));
    var current = bindings.get(trigger);
    List<Binding> list = new ArrayList<>(current.bindings());
    list.add(new Binding("bnd_" + n, trigger, id, name, Map.of()));
    bindings.replace(trigger, list, current.revision());
    return this;
  }

  ExecutionResult login(Map<String, Object> event) {
    return interlock.executor().execute(TestFamily.LOGIN, event);
  }

  static Map<String, Object> event() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("user_id", "auth0|123");
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("user", user);
    return e;
  }

  @Override
  public void close() {
    interlock.close();
  }
}
