package dev.interlock.testkit;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.Interlock;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.javaaction.JavaAction;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.memory.InMemoryActionCache;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.port.ScriptRuntime;
import dev.interlock.core.port.UserDirectory;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.TriggerFamily;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine on in-memory stores for tests: run Java (or script) actions against a trigger without
 * any ceremony.
 *
 * <pre>{@code
 * EngineFixture engine = EngineFixture.of(new SignupLoginFamily());
 * ExecutionRecord r = engine.run("post-login", event, JavaStep.of("deny", (e, api) -> api.call("access.deny", "no")));
 * }</pre>
 */
public final class EngineFixture implements AutoCloseable {
  private final JavaActionRuntime java = new JavaActionRuntime();
  private final InMemoryActionStore actions = new InMemoryActionStore();
  private final InMemoryBindingStore bindings = new InMemoryBindingStore(actions);
  private final InMemoryExecutionStore executions = new InMemoryExecutionStore();
  private final InMemoryActionCache cache = new InMemoryActionCache();
  private final AtomicInteger counter = new AtomicInteger();
  private final Interlock interlock;

  private EngineFixture(List<TriggerFamily> families, EngineConfig config, InstantSource clock, List<ScriptRuntime> runtimes) {
    this(families, config, clock, runtimes, UserDirectory.NONE);
  }

  private EngineFixture(
      List<TriggerFamily> families, EngineConfig config, InstantSource clock, List<ScriptRuntime> runtimes,
      UserDirectory directory) {
    Interlock.Builder b =
        Interlock.builder()
            .families(families)
            .userDirectory(directory)
            .runtime(java)
            .stores(actions, bindings, executions)
            .cache(cache)
            .clock(clock)
            .config(config);
    runtimes.forEach(b::runtime);
    this.interlock = b.build();
  }

  /** A fixture with extra runtimes whose engine reads groups and roles from {@code directory}. */
  public static EngineFixture of(
      EngineConfig config, InstantSource clock, List<ScriptRuntime> runtimes, UserDirectory directory,
      TriggerFamily... families) {
    return new EngineFixture(List.of(families), config, clock, runtimes, directory);
  }

  /** A fixture whose engine reads groups and roles from {@code directory}. */
  public static EngineFixture withDirectory(UserDirectory directory, TriggerFamily... families) {
    return new EngineFixture(List.of(families), EngineConfig.defaults(), InstantSource.system(), List.of(), directory);
  }

  public static EngineFixture of(TriggerFamily... families) {
    return new EngineFixture(List.of(families), EngineConfig.defaults(), InstantSource.system(), List.of());
  }

  public static EngineFixture of(EngineConfig config, TriggerFamily... families) {
    return new EngineFixture(List.of(families), config, InstantSource.system(), List.of());
  }

  /** A fixture with a chosen clock and extra runtimes (such as a JavaScript runtime). */
  public static EngineFixture of(
      EngineConfig config, InstantSource clock, List<ScriptRuntime> runtimes, TriggerFamily... families) {
    return new EngineFixture(List.of(families), config, clock, runtimes);
  }

  public Interlock interlock() {
    return interlock;
  }

  public InMemoryActionCache cache() {
    return cache;
  }

  /** Runs the steps as the trigger's flow, ad hoc, and returns the record. */
  public ExecutionRecord run(String trigger, Map<String, Object> event, JavaStep... steps) {
    return runResult(trigger, event, steps).record();
  }

  /** Like {@link #run} but returns the typed result. */
  public ExecutionResult runResult(String trigger, Map<String, Object> event, JavaStep... steps) {
    List<AdHocAction> code = new ArrayList<>();
    for (JavaStep s : steps) {
      String key = s.name() + "#" + counter.incrementAndGet();
      java.register(key, s.action());
      code.add(new AdHocAction(s.name(), key, JavaActionRuntime.RUNTIME, s.secrets(), Map.of()));
    }
    return interlock.executor().run(TriggerId.of(trigger), code, event);
  }

  /**
   * Creates, deploys (version 1) and binds a Java action at the end of the trigger's flow, as the
   * lifecycle use cases would.
   */
  public ActionId deployAndBind(String trigger, JavaStep step) {
    TriggerId t = TriggerId.of(trigger);
    String key = step.name() + "#" + counter.incrementAndGet();
    java.register(key, step.action());
    ActionId id = ActionId.of("act_" + counter.incrementAndGet());
    Instant now = Instant.now();
    Secrets secrets = Secrets.of(step.secrets());
    actions.insert(new Action(id, step.name(), t, new ActionDraft(key, JavaActionRuntime.RUNTIME, Map.of(), secrets), 1, 1, now, now));
    actions.addVersion(new ActionVersion("ver_" + id.value() + "_1", id, 1, key, JavaActionRuntime.RUNTIME, Map.of(), secrets, now));
    var current = bindings.get(t);
    List<Binding> list = new ArrayList<>(current.bindings());
    list.add(new Binding("bnd_" + counter.incrementAndGet(), t, id, step.name(), Map.of()));
    bindings.replace(t, list, current.revision());
    return id;
  }

  /** Executes the trigger's bound flow. */
  public ExecutionResult execute(String trigger, Map<String, Object> event) {
    return interlock.executor().execute(TriggerId.of(trigger), event);
  }

  public ExecutionResult resume(String executionIdOrState, ResumeRequest request) {
    return interlock.executor().resume(executionIdOrState, request);
  }

  @Override
  public void close() {
    interlock.close();
  }
}
