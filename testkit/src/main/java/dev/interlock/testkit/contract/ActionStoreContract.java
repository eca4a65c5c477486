package dev.interlock.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ConflictException;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.action.Secrets;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ActionStore} must do. An adapter's test extends this class and supplies a
 * fresh, empty store.
 */
public abstract class ActionStoreContract {
  protected static final TriggerId POST_LOGIN = TriggerId.of("post-login");
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private ActionStore store;

  /** A new, empty store. */
  protected abstract ActionStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static Action action(String id, String name, long revision) {
    ActionDraft draft = new ActionDraft("exports.onExecutePostLogin = async () => {};", "node22",
        Map.of("lodash", "4.17.21"), Secrets.of(Map.of("API_KEY", "s3cr3t")));
    return new Action(ActionId.of(id), name, POST_LOGIN, draft, null, revision, T0, T0);
  }

  protected static ActionVersion version(String actionId, int number) {
    return new ActionVersion("ver_" + actionId + "_" + number, ActionId.of(actionId), number,
        "exports.onExecutePostLogin = async () => {}; // v" + number, "node22", Map.of(),
        Secrets.of(Map.of("API_KEY", "v" + number)), T0.plus(number, ChronoUnit.MINUTES));
  }

  @Test
  void findsAnInsertedActionWithEveryField() {
    Action a = action("act_1", "add-roles", 1);

    store.insert(a);

    assertThat(store.find(a.id())).contains(a);
  }

  @Test
  void refusesToInsertTheSameIdTwice() {
    store.insert(action("act_1", "a", 1));

    assertThatThrownBy(() -> store.insert(action("act_1", "b", 1))).isInstanceOf(ConflictException.class);
  }

  @Test
  void updatesWhenTheExpectedRevisionMatches() {
    store.insert(action("act_1", "a", 1));

    store.update(action("act_1", "renamed", 2), 1);

    assertThat(store.find(ActionId.of("act_1")).map(Action::name)).contains("renamed");
  }

  @Test
  void refusesAnUpdateBasedOnAStaleRevision() {
    store.insert(action("act_1", "a", 1));
    store.update(action("act_1", "first writer", 2), 1);

    assertThatThrownBy(() -> store.update(action("act_1", "second writer", 2), 1)).isInstanceOf(ConflictException.class);
    assertThat(store.find(ActionId.of("act_1")).map(Action::name)).contains("first writer");
  }

  @Test
  void listsActionsOfOneTriggerOrAll() {
    store.insert(action("act_1", "a", 1));
    Action other = new Action(ActionId.of("act_2"), "m2m", TriggerId.of("credentials-exchange"),
        ActionDraft.of("x"), null, 1, T0.plusSeconds(1), T0.plusSeconds(1));
    store.insert(other);

    assertThat(store.list(Optional.of(POST_LOGIN))).extracting(Action::name).containsExactly("a");
    assertThat(store.list(Optional.empty())).extracting(Action::name).containsExactly("a", "m2m");
  }

  @Test
  void keepsVersionsNewestFirstAndFindsEachByNumber() {
    store.insert(action("act_1", "a", 1));
    store.addVersion(version("act_1", 1));
    store.addVersion(version("act_1", 2));

    assertThat(store.versions(ActionId.of("act_1"))).extracting(ActionVersion::number).containsExactly(2, 1);
    assertThat(store.version(ActionId.of("act_1"), 1)).contains(version("act_1", 1));
    assertThat(store.version(ActionId.of("act_1"), 3)).isEmpty();
  }

  @Test
  void refusesADuplicateVersionNumber() {
    store.insert(action("act_1", "a", 1));
    store.addVersion(version("act_1", 1));

    assertThatThrownBy(() -> store.addVersion(version("act_1", 1))).isInstanceOf(ConflictException.class);
  }

  @Test
  void deletingAnActionRemovesItsVersions() {
    store.insert(action("act_1", "a", 1));
    store.addVersion(version("act_1", 1));

    assertThat(store.delete(ActionId.of("act_1"))).isTrue();

    assertThat(store.find(ActionId.of("act_1"))).isEmpty();
    assertThat(store.versions(ActionId.of("act_1"))).isEmpty();
    assertThat(store.delete(ActionId.of("act_1"))).isFalse();
  }
}
