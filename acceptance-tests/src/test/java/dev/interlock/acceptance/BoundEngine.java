package dev.interlock.acceptance;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.TriggerExecutor;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.memory.InMemoryActionCache;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.trigger.password.PasswordFamily;
import dev.interlock.trigger.signuplogin.SignupLoginFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An engine whose JavaScript actions are deployed (version 1) and bound, as the lifecycle use
 * cases would leave them, so that {@link TriggerExecutor#execute} runs them. The testkit's
 * fixture binds only Java actions, hence this small helper.
 */
final class BoundEngine implements AutoCloseable {
  private final InMemoryActionStore actions = new InMemoryActionStore();
  private final InMemoryBindingStore bindings = new InMemoryBindingStore();
  private final Interlock interlock =
      Interlock.builder()
          .families(List.of(new SignupLoginFamily(), new PasswordFamily()))
          .runtime(Acceptance.rhino())
          .stores(actions, bindings, new InMemoryExecutionStore())
          .cache(new InMemoryActionCache())
          .config(EngineConfig.defaults())
          .build();
  private int counter;

  TriggerExecutor executor() {
    return interlock.executor();
  }

  /** Deploys {@code actions/<trigger>/<name>.js} and binds it at the end of the trigger's flow. */
  BoundEngine bind(String trigger, String name, Map<String, String> secrets) {
    TriggerId t = TriggerId.of(trigger);
    ActionId id = ActionId.of("act_" + name + "_" + (++counter));
    String code = Acceptance.source(trigger, name);
    Instant now = Instant.now();
    Secrets s = Secrets.of(secrets);
    actions.insert(new Action(id, name, t, new ActionDraft(code, "node22", Map.of(), s), 1, 1, now, now));
    actions.addVersion(new ActionVersion("ver_" + id.value() + "_1", id, 1, code, "node22", Map.of(), s, now));
    var current = bindings.get(t);
    List<Binding> list = new ArrayList<>(current.bindings());
    list.add(new Binding("bnd_" + counter, t, id, name, Map.of()));
    bindings.replace(t, list, current.revision());
    return this;
  }

  @Override
  public void close() {
    interlock.close();
  }
}
