package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Interlock;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.port.ChangeFeed;
import dev.interlock.core.trigger.TriggerId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine keeps resolved flows while the in-memory stores report every change. */
class FlowCacheTest {
  private final FlowHarness h = new FlowHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void runsAnActionBoundDirectlyInTheStoreAfterEarlierExecutions() {
    h.bind(TestFamily.LOGIN, "first", (e, api) -> { });
    h.login(FlowHarness.event());

    h.bind(TestFamily.LOGIN, "second", (e, api) -> { });
    List<ActionResult> results = h.login(FlowHarness.event()).record().results();

    assertThat(results).extracting(ActionResult::actionName).containsExactly("first", "second");
  }

  @Test
  void readsTheBindingsOnceForRepeatedExecutionsOnInMemoryStores() {
    CountingBindings bindings = new CountingBindings();
    JavaActionRuntime java = new JavaActionRuntime();
    try (Interlock engine = Interlock.builder()
        .families(List.of(new TestFamily()))
        .runtime(java)
        .stores(new InMemoryActionStore(), bindings, new InMemoryExecutionStore())
        .build()) {

      for (int i = 0; i < 3; i++) {
        engine.executor().execute(TestFamily.LOGIN, FlowHarness.event());
      }

      assertThat(bindings.reads.get()).isEqualTo(1);
    }
  }

  /** An in-memory binding store that counts reads. */
  private static final class CountingBindings implements BindingStore, ChangeFeed {
    private final InMemoryBindingStore delegate = new InMemoryBindingStore();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public TriggerBindings get(TriggerId trigger) {
      reads.incrementAndGet();
      return delegate.get(trigger);
    }

    @Override
    public TriggerBindings replace(TriggerId trigger, List<Binding> list, long expectedRevision) {
      return delegate.replace(trigger, list, expectedRevision);
    }

    @Override
    public AutoCloseable subscribe(Runnable listener) {
      return delegate.subscribe(listener);
    }
  }
}
