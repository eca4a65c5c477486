package dev.interlock.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ConflictException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an {@link ActionStore} and a {@link BindingStore} of the same home (one database, or an
 * in-memory pair) must do together: no binding ever names an action that does not exist, even
 * when a delete and a binding change race.
 */
public abstract class BindingIntegrityContract {
  private static final TriggerId T = TriggerId.of("post-login");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int RACES = 30;

  /** An action store and a binding store sharing one home. */
  public record Home(ActionStore actions, BindingStore bindings) {}

  private Home home;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  /** A new, empty home. */
  protected abstract Home newHome();

  @BeforeEach
  void createHome() {
    home = newHome();
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private static Action deployed(String id) {
    return new Action(ActionId.of(id), id, T, ActionDraft.of("code"), 1, 2, T0, T0);
  }

  private static ActionVersion first(String id) {
    return new ActionVersion("ver_" + id, ActionId.of(id), 1, "code", "node22", Map.of(), Secrets.none(), T0);
  }

  private static Binding binding(String action) {
    return new Binding("bnd_" + action, T, ActionId.of(action), action, Map.of());
  }

  @Test
  void refusesToBindAnActionThatDoesNotExist() {
    assertThatThrownBy(() -> home.bindings().replace(T, List.of(binding("act_ghost")), 0))
        .isInstanceOf(NotFoundException.class);

    assertThat(home.bindings().get(T).bindings()).isEmpty();
  }

  @Test
  void refusesToDeleteABoundActionAndKeepsIt() {
    home.actions().insertDeployed(deployed("act_1"), first("act_1"));
    home.bindings().replace(T, List.of(binding("act_1")), 0);

    assertThatThrownBy(() -> home.actions().delete(ActionId.of("act_1"))).isInstanceOf(ConflictException.class);

    assertThat(home.actions().find(ActionId.of("act_1"))).isPresent();
    assertThat(home.actions().versions(ActionId.of("act_1"))).hasSize(1);
  }

  @Test
  void deletesAnActionOnceItIsUnbound() {
    home.actions().insertDeployed(deployed("act_1"), first("act_1"));
    TriggerBindings bound = home.bindings().replace(T, List.of(binding("act_1")), 0);
    home.bindings().replace(T, List.of(), bound.revision());

    assertThat(home.actions().delete(ActionId.of("act_1"))).isTrue();
  }

  @Test
  void storesAnActionAndItsDeployedVersionTogether() {
    home.actions().insertDeployed(deployed("act_1"), first("act_1"));

    assertThat(home.actions().find(ActionId.of("act_1")).orElseThrow().deployedVersion()).isEqualTo(1);
    assertThat(home.actions().version(ActionId.of("act_1"), 1)).contains(first("act_1"));
  }

  @Test
  void racingDeleteAndBindNeverLeaveABindingToADeletedAction() throws Exception {
    for (int i = 0; i < RACES; i++) {
      String id = "act_race_" + i;
      home.actions().insertDeployed(deployed(id), first(id));
      long revision = home.bindings().get(T).revision();
      CountDownLatch start = new CountDownLatch(1);

      Future<?> delete = pool.submit(() -> quietly(start, () -> home.actions().delete(ActionId.of(id))));
      Future<?> bind = pool.submit(() -> quietly(start, () -> home.bindings().replace(T, List.of(binding(id)), revision)));
      start.countDown();
      delete.get(30, TimeUnit.SECONDS);
      bind.get(30, TimeUnit.SECONDS);

      boolean exists = home.actions().find(ActionId.of(id)).isPresent();
      TriggerBindings after = home.bindings().get(T);
      assertThat(exists || after.bindings().isEmpty())
          .as("race %d: the action is gone but still bound: %s", i, after.bindings()).isTrue();
      home.bindings().replace(T, List.of(), after.revision());
      home.actions().delete(ActionId.of(id));
    }
  }

  private static Object quietly(CountDownLatch start, Runnable work) throws InterruptedException {
    start.await();
    try {
      work.run();
    } catch (ConflictException | NotFoundException expected) {
      // losing the race is allowed; leaving a dangling binding is not
    }
    return null;
  }
}
