package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ConflictException;
import dev.interlock.core.Interlock;
import dev.interlock.core.InterlockException;
import dev.interlock.core.PlatformException;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Binding;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.core.memory.InMemoryActionStore;
import dev.interlock.core.memory.InMemoryBindingStore;
import dev.interlock.core.memory.InMemoryExecutionStore;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.trigger.TriggerId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The administration keeps actions and bindings consistent under races and failures. */
class DeleteAndBindConsistencyTest {
  private static final int RACES = 30;
  private final JavaActionRuntime java = new JavaActionRuntime().register("noop", (event, api) -> { });
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private Interlock engine(ActionStore actions, InMemoryBindingStore bindings) {
    return Interlock.builder().families(List.of(new TestFamily())).runtime(java)
        .stores(actions, bindings, new InMemoryExecutionStore()).build();
  }

  @Test
  void racingDeleteAndBindNeverLeaveABindingToADeletedAction() throws Exception {
    InMemoryActionStore actions = new InMemoryActionStore();
    try (Interlock interlock = engine(actions, new InMemoryBindingStore(actions))) {
      ActionAdministration admin = interlock.administration();

      for (int i = 0; i < RACES; i++) {
        ActionView a = admin.create(NewAction.of("a" + i, TestFamily.LOGIN, "noop").withRuntime("java").deployed());
        long revision = admin.bindings(TestFamily.LOGIN).revision();
        CountDownLatch start = new CountDownLatch(1);
        Future<?> delete = pool.submit(() -> race(start, () -> admin.delete(a.id(), false)));
        Future<?> bind = pool.submit(() -> race(start,
            () -> admin.replaceBindings(TestFamily.LOGIN, List.of(BindingRequest.of(a.id())), revision)));
        start.countDown();
        delete.get(30, TimeUnit.SECONDS);
        bind.get(30, TimeUnit.SECONDS);

        List<Binding> bound = admin.bindings(TestFamily.LOGIN).bindings();
        boolean exists = admin.list(Optional.empty()).stream().anyMatch(v -> v.id().equals(a.id()));
        assertThat(exists || bound.isEmpty()).as("race %d left %s bound to a deleted action", i, bound).isTrue();
        if (exists) {
          admin.delete(a.id(), true);
        }
      }
    }
  }

  @Test
  void aCreateWithDeployThatFailsToStoreTheVersionLeavesNoActionBehind() {
    InMemoryActionStore memory = new InMemoryActionStore();
    ActionStore failingVersions = new VersionlessStore(memory);
    try (Interlock interlock = engine(failingVersions, new InMemoryBindingStore(memory))) {

      assertThatThrownBy(() -> interlock.administration().create(
          NewAction.of("a", TestFamily.LOGIN, "noop").withRuntime("java").deployed()))
          .isInstanceOf(PlatformException.class);

      assertThat(interlock.administration().list(Optional.empty())).isEmpty();
    }
  }

  @Test
  void aForcedDeleteUnbindsAndDeletesWhileAPlainOneIsRefused() {
    InMemoryActionStore actions = new InMemoryActionStore();
    try (Interlock interlock = engine(actions, new InMemoryBindingStore(actions))) {
      ActionAdministration admin = interlock.administration();
      ActionView a = admin.create(NewAction.of("a", TestFamily.LOGIN, "noop").withRuntime("java").deployed());
      admin.replaceBindings(TestFamily.LOGIN, List.of(BindingRequest.of(a.id())), 0);

      assertThatThrownBy(() -> admin.delete(a.id(), false)).isInstanceOf(ConflictException.class);
      admin.delete(a.id(), true);

      assertThat(admin.bindings(TestFamily.LOGIN).bindings()).isEmpty();
      assertThat(actions.find(a.id())).isEmpty();
    }
  }

  private static Object race(CountDownLatch start, Runnable work) throws InterruptedException {
    start.await();
    try {
      work.run();
    } catch (InterlockException lost) {
      // losing the race (404, 409, 400) is allowed; a dangling binding is not
    }
    return null;
  }

  /** An action store whose versions cannot be written (a disk that fills up half-way). */
  private record VersionlessStore(InMemoryActionStore delegate) implements ActionStore {
    @Override
    public Optional<Action> find(ActionId id) {
      return delegate.find(id);
    }

    @Override
    public List<Action> list(Optional<TriggerId> trigger) {
      return delegate.list(trigger);
    }

    @Override
    public void insert(Action action) {
      delegate.insert(action);
    }

    @Override
    public void update(Action action, long expectedRevision) {
      delegate.update(action, expectedRevision);
    }

    @Override
    public boolean delete(ActionId id) {
      return delegate.delete(id);
    }

    @Override
    public void addVersion(ActionVersion version) {
      throw new PlatformException("disk full", null);
    }

    @Override
    public Optional<ActionVersion> version(ActionId action, int number) {
      return delegate.version(action, number);
    }

    @Override
    public List<ActionVersion> versions(ActionId action) {
      return delegate.versions(action);
    }
  }
}
