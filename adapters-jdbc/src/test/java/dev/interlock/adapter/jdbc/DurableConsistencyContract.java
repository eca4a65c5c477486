package dev.interlock.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Interlock;
import dev.interlock.core.InterlockException;
import dev.interlock.core.action.Binding;
import dev.interlock.core.admin.ActionAdministration;
import dev.interlock.core.admin.ActionView;
import dev.interlock.core.admin.BindingRequest;
import dev.interlock.core.admin.NewAction;
import dev.interlock.core.javaaction.JavaActionRuntime;
import dev.interlock.testkit.SampleFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deletes and binding changes made through two engines on one database (two nodes) race without
 * ever leaving a binding to a deleted action; run against SQLite and PostgreSQL.
 */
abstract class DurableConsistencyContract {
  private static final int RACES = 30;
  protected final TestDatabases databases = new TestDatabases();
  private final List<Interlock> engines = new ArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  /** Configuration of the database called {@code name}; the same name means the same database. */
  protected abstract JdbcConfig config(String name);

  @AfterEach
  void closeAll() {
    pool.shutdownNow();
    engines.forEach(Interlock::close);
    databases.close();
  }

  protected Interlock engine(String database) {
    JdbcStores stores = databases.track(JdbcStores.open(config(database)));
    Interlock i = Interlock.builder().families(List.of(new SampleFamily()))
        .runtime(new JavaActionRuntime().register("noop", (event, api) -> { }))
        .stores(stores.actions(), stores.bindings(), stores.executions()).build();
    engines.add(i);
    return i;
  }

  @Test
  void deletesOnOneNodeRacingBindsOnAnotherNeverLeaveABindingToADeletedAction() throws Exception {
    ActionAdministration nodeA = engine("shared").administration();
    ActionAdministration nodeB = engine("shared").administration();

    for (int i = 0; i < RACES; i++) {
      ActionView a = nodeA.create(NewAction.of("a" + i, SampleFamily.LOGIN, "noop").withRuntime("java").deployed());
      long revision = nodeB.bindings(SampleFamily.LOGIN).revision();
      CountDownLatch start = new CountDownLatch(1);
      Future<?> delete = pool.submit(() -> race(start, () -> nodeA.delete(a.id(), false)));
      Future<?> bind = pool.submit(() -> race(start,
          () -> nodeB.replaceBindings(SampleFamily.LOGIN, List.of(BindingRequest.of(a.id())), revision)));
      start.countDown();
      delete.get(60, TimeUnit.SECONDS);
      bind.get(60, TimeUnit.SECONDS);

      List<Binding> bound = nodeA.bindings(SampleFamily.LOGIN).bindings();
      boolean exists = nodeA.list(java.util.Optional.empty()).stream().anyMatch(v -> v.id().equals(a.id()));
      assertThat(exists || bound.isEmpty()).as("race %d left %s bound to a deleted action", i, bound).isTrue();
      if (exists) {
        nodeA.delete(a.id(), true);
      }
    }
  }

  private static Object race(CountDownLatch start, Runnable work) throws InterruptedException {
    start.await();
    try {
      work.run();
    } catch (InterlockException lost) {
      // losing the race is allowed; a dangling binding is not
    }
    return null;
  }
}
