package dev.interlock.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ConflictException;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.RetryPolicy;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.trigger.TriggerId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BindingStore} must do. */
public abstract class BindingStoreContract {
  private static final TriggerId T = TriggerId.of("post-login");
  private BindingStore store;

  protected abstract BindingStore newStore();

  /**
   * Makes the actions these tests bind exist, for a store that checks its bindings against the
   * action store of the same home (see {@link BindingIntegrityContract}); nothing by default.
   */
  protected void actionsExist(List<ActionId> ids) {}

  @BeforeEach
  void createStore() {
    store = newStore();
    actionsExist(List.of(ActionId.of("act_1"), ActionId.of("act_2")));
  }

  private static Binding binding(String id, String action) {
    return new Binding(id, T, ActionId.of(action), action, Map.of("tier", "gold"));
  }

  @Test
  void aTriggerNeverBoundHasNoBindingsAtRevisionZero() {
    assertThat(store.get(T)).isEqualTo(TriggerBindings.empty(T));
  }

  @Test
  void replacesTheOrderedBindingsAndBumpsTheRevision() {
    TriggerBindings first = store.replace(T, List.of(binding("b1", "act_1"), binding("b2", "act_2")), 0);
    TriggerBindings second = store.replace(T, List.of(binding("b2", "act_2"), binding("b1", "act_1")), first.revision());

    assertThat(store.get(T)).isEqualTo(second);
    assertThat(second.bindings()).extracting(Binding::id).containsExactly("b2", "b1");
    assertThat(second.revision()).isGreaterThan(first.revision());
  }

  @Test
  void refusesAReplacementBasedOnAStaleRevision() {
    store.replace(T, List.of(binding("b1", "act_1")), 0);

    assertThatThrownBy(() -> store.replace(T, List.of(), 0)).isInstanceOf(ConflictException.class);
    assertThat(store.get(T).bindings()).hasSize(1);
  }

  @Test
  void keepsEachBindingsRetryPolicy() {
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(250), 3, Duration.ofMinutes(2));
    Binding retried = new Binding("b1", T, ActionId.of("act_1"), "a", Map.of(), policy);

    store.replace(T, List.of(retried, binding("b2", "act_2")), 0);

    assertThat(store.get(T).bindings()).extracting(Binding::retry).containsExactly(policy, RetryPolicy.NONE);
  }

  @Test
  void keepsTriggersApart() {
    store.replace(T, List.of(binding("b1", "act_1")), 0);

    assertThat(store.get(TriggerId.of("pre-user-registration")).bindings()).isEmpty();
  }
}
