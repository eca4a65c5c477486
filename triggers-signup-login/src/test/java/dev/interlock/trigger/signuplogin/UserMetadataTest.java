package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.at;
import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.json.Undefined;
import dev.interlock.testkit.EngineFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserMetadataTest {
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void showsMetadataChangesToLaterActionsButNotToTheActionThatMadeThem() {
    AtomicReference<Object> sameAction = new AtomicReference<>();
    AtomicReference<Object> nextAction = new AtomicReference<>();
    Map<String, Object> event = PostLoginEvent.builder().user(u -> u.appMetadata("plan", "free")).build();

    ExecutionRecord r = engine.run("post-login", event,
        step("set", (e, api) -> {
          api.call("user.setAppMetadata", "plan", "gold");
          sameAction.set(at(e, "user", "app_metadata"));
        }),
        step("read", (e, api) -> nextAction.set(at(e, "user", "app_metadata"))));

    assertThat(sameAction.get()).isEqualTo(Map.of("plan", "free"));
    assertThat(nextAction.get()).isEqualTo(Map.of("plan", "gold"));
    assertThat(outcome(r, "user", "app_metadata")).isEqualTo(Map.of("plan", "gold"));
  }

  @Test
  void deletesAKeySetToNull() {
    AtomicReference<Object> later = new AtomicReference<>();
    Map<String, Object> event = PostLoginEvent.builder().user(u -> u.userMetadata("nickname", "jd").userMetadata("lang", "pt")).build();

    ExecutionRecord r = engine.run("post-login", event,
        step("delete", (e, api) -> api.call("user.setUserMetadata", "nickname", null)),
        step("read", (e, api) -> later.set(at(e, "user", "user_metadata"))));

    assertThat(later.get()).isEqualTo(Map.of("lang", "pt"));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("nickname", null);
    assertThat(outcome(r, "user", "user_metadata")).isEqualTo(expected);
  }

  @Test
  void withdrawsAPendingChangeSetToUndefined() {
    AtomicReference<Object> seenByThird = new AtomicReference<>();
    AtomicReference<Object> seenBySecond = new AtomicReference<>();

    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("stash", (e, api) -> api.call("user.setAppMetadata", "transient", "for-later")),
        step("consume", (e, api) -> {
          seenBySecond.set(at(e, "user", "app_metadata", "transient"));
          api.call("user.setAppMetadata", "transient", Undefined.VALUE);
        }),
        step("third", (e, api) -> seenByThird.set(at(e, "user", "app_metadata"))));

    assertThat(seenBySecond.get()).isEqualTo("for-later");
    assertThat(seenByThird.get()).isEqualTo(Map.of());
    assertThat(outcome(r, "user", "app_metadata")).isEqualTo(Map.of());
  }

  @Test
  void aggregatesChangesOfSeveralActionsAndTargets() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("a", (e, api) -> {
          api.call("user.setAppMetadata", "roles", List.of("admin"));
          api.call("user.setUserMetadata", "theme", "dark");
        }),
        step("b", (e, api) -> api.call("user.setAppMetadata", "tier", 2)));

    assertThat(outcome(r, "user", "app_metadata")).isEqualTo(Map.of("roles", List.of("admin"), "tier", 2L));
    assertThat(outcome(r, "user", "user_metadata")).isEqualTo(Map.of("theme", "dark"));
  }

  @Test
  void keepsMetadataVisibilityRulesInPreUserRegistration() {
    AtomicReference<Object> later = new AtomicReference<>();

    ExecutionRecord r = engine.run("pre-user-registration", PreUserRegistrationEvent.builder().build(),
        step("a", (e, api) -> api.call("user.setUserMetadata", "source", "campaign-42")),
        step("b", (e, api) -> later.set(at(e, "user", "user_metadata"))));

    assertThat(later.get()).isEqualTo(Map.of("source", "campaign-42"));
    assertThat(outcome(r, "user", "user_metadata")).isEqualTo(Map.of("source", "campaign-42"));
    assertThat(outcome(r, "access", "denied")).isEqualTo(false);
  }

  @Test
  void refusesANonStringKey() {
    assertThat(Flows.postLoginRejection((e, api) -> api.call("user.setAppMetadata", 1, "v")).getMessage())
        .isEqualTo("api.user.setAppMetadata: key must be a string, got number");
  }

  @Test
  void refusesMetadataForPasswordlessSignups() {
    Map<String, Object> sms = PreUserRegistrationEvent.builder().connection(c -> c.set("strategy", "sms")).build();

    assertThat(Flows.rejection("pre-user-registration", sms, (e, api) -> api.call("user.setUserMetadata", "k", "v"))
        .getMessage()).contains("metadata cannot be added to passwordless users (connection strategy 'sms')");
  }

  @Test
  void keepsEarlierActionsChangesWhenALaterActionDenies() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("a", (e, api) -> api.call("user.setAppMetadata", "first", 1)),
        step("deny", (e, api) -> {
          api.call("user.setAppMetadata", "second", 2);
          api.call("access.deny", "no");
        }));

    assertThat(outcome(r, "user", "app_metadata")).isEqualTo(Map.of("first", 1L, "second", 2L));
  }

  @Test
  void refusesMetadataOverThirtyTwoKilobytes() {
    assertThat(Flows.postLoginRejection((e, api) -> {
      api.call("user.setUserMetadata", "a", "x".repeat(20_000));
      api.call("user.setUserMetadata", "b", "x".repeat(20_000));
    }).getMessage()).contains("over the 32768-byte limit");
  }
}
