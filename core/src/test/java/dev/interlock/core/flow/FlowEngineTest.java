package dev.interlock.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.execution.ActionResult;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowEngineTest {
  private final FlowHarness h = new FlowHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void runsBoundActionsInBindingOrder() {
    List<String> order = new CopyOnWriteArrayList<>();
    h.bind(TestFamily.LOGIN, "first", (e, api) -> order.add("first"))
        .bind(TestFamily.LOGIN, "second", (e, api) -> order.add("second"))
        .bind(TestFamily.LOGIN, "third", (e, api) -> order.add("third"));

    ExecutionRecord r = h.login(FlowHarness.event()).record();

    assertThat(order).containsExactly("first", "second", "third");
    assertThat(r.results()).extracting(ActionResult::actionName).containsExactly("first", "second", "third");
    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
  }

  @Test
  void givesEachActionOnlyItsOwnSecrets() {
    List<Object> seen = new ArrayList<>();
    h.bind(TestFamily.LOGIN, "a", (e, api) -> seen.add(e.get("secrets")), Map.of("KEY_A", "alpha-secret"))
        .bind(TestFamily.LOGIN, "b", (e, api) -> seen.add(e.get("secrets")), Map.of("KEY_B", "beta-secret"));

    h.login(FlowHarness.event());

    assertThat(seen).containsExactly(Map.of("KEY_A", "alpha-secret"), Map.of("KEY_B", "beta-secret"));
  }

  @Test
  void denyTakesEffectAfterTheCurrentActionReturnsAndSkipsLaterActions() {
    List<String> ran = new ArrayList<>();
    h.bind(TestFamily.LOGIN, "denier", (e, api) -> {
          api.call("access.deny", "weekend");
          ran.add("after deny");
          api.call("claims.set", "kept", true);
        })
        .bind(TestFamily.LOGIN, "never", (e, api) -> ran.add("never"));

    ExecutionRecord r = h.login(FlowHarness.event()).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(ran).containsExactly("after deny");
    assertThat(r.results().get(0).status()).isEqualTo(ActionStatus.DENIED);
    assertThat(r.results().get(0).commands()).extracting(c -> c.name()).containsExactly("access.deny", "claims.set");
    assertThat(r.results().get(1).status()).isEqualTo(ActionStatus.SKIPPED);
  }

  @Test
  void aThrowFailsASyncFlowAndSkipsLaterActions() {
    h.bind(TestFamily.LOGIN, "boom", (e, api) -> {
          throw new IllegalStateException("kaput");
        })
        .bind(TestFamily.LOGIN, "later", (e, api) -> {});

    ExecutionResult result = h.login(FlowHarness.event());

    assertThat(result).isInstanceOf(ExecutionResult.Failed.class);
    ExecutionRecord r = result.record();
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.error().actionName()).isEqualTo("boom");
    assertThat(r.error().message()).contains("boom").contains("kaput");
    assertThat(r.results().get(1).status()).isEqualTo(ActionStatus.SKIPPED);
  }

  @Test
  void metadataSetByAnActionIsSeenByLaterActionsButNotByItself() {
    List<Object> seen = new ArrayList<>();
    h.bind(TestFamily.LOGIN, "setter", (e, api) -> {
          api.call("user.setAppMetadata", "plan", "gold");
          seen.add(((Map<?, ?>) ((Map<?, ?>) e.get("user")).get("app_metadata")).get("plan"));
        })
        .bind(TestFamily.LOGIN, "reader", (e, api) ->
            seen.add(((Map<?, ?>) ((Map<?, ?>) e.get("user")).get("app_metadata")).get("plan")));

    h.login(FlowHarness.event());

    assertThat(seen).containsExactly(null, "gold");
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesToTheEventAreNotSeenByLaterActions() {
    List<Object> seen = new ArrayList<>();
    h.bind(TestFamily.LOGIN, "writer", (e, api) -> {
          ((Map<String, Object>) e.get("user")).put("user_id", "hijacked");
          e.put("extra", 1);
        })
        .bind(TestFamily.LOGIN, "reader", (e, api) -> {
          seen.add(((Map<?, ?>) e.get("user")).get("user_id"));
          seen.add(e.get("extra"));
        });

    h.login(FlowHarness.event());

    assertThat(seen).containsExactly("auth0|123", null);
  }

  @Test
  void anActionPastItsDeadlineFailsWithActionTimeout() {
    try (FlowHarness slow = new FlowHarness(EngineConfig.defaults().withActionTimeout(Duration.ofMillis(20)))) {
      slow.bind(TestFamily.LOGIN, "sleeper", (e, api) -> Thread.sleep(60));

      ExecutionRecord r = slow.login(FlowHarness.event()).record();

      assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
    }
  }

  @Test
  void theFlowDeadlineStopsTheFlowBeforeTheNextAction() {
    try (FlowHarness slow = new FlowHarness(EngineConfig.defaults().withFlowTimeout(Duration.ofMillis(30)))) {
      List<String> ran = new ArrayList<>();
      slow.bind(TestFamily.LOGIN, "slow", (e, api) -> Thread.sleep(50))
          .bind(TestFamily.LOGIN, "late", (e, api) -> ran.add("late"));

      ExecutionRecord r = slow.login(FlowHarness.event()).record();

      assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
      assertThat(ran).isEmpty();
    }
  }

  @Test
  void refusesAnEventThatDoesNotFitTheTriggerListingEveryProblemWithItsPath() {
    Map<String, Object> bad = Map.of("user", Map.of("user_id", 42, "app_metadata", "x"));

    assertThatThrownBy(() -> h.login(bad))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_event");
          assertThat(e.problems()).extracting(p -> p.path())
              .containsExactlyInAnyOrder("$.user.user_id", "$.user.app_metadata");
        });
  }

  @Test
  void everyExecutionGetsAnIdAndAStoredRecord() {
    h.bind(TestFamily.LOGIN, "claims", (e, api) -> api.call("claims.set", "role", "admin"));

    ExecutionRecord r = h.login(FlowHarness.event()).record();

    assertThat(r.id().value()).startsWith("exec_");
    assertThat(h.interlock.executor().find(r.id())).contains(r);
    assertThat(r.outcome()).isEqualTo(Map.of("claims", Map.of("role", "admin")));
  }

  @Test
  void aFailedCompletionRuleFailsAFlowWhoseActionsCompleted() {
    h.bind(TestFamily.LOGIN, "ok", (e, api) -> {});
    Map<String, Object> event = FlowHarness.event();
    event.put("completion", "fail");

    ExecutionRecord r = h.login(event).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).isEqualTo("completion rule failed");
  }

  @Test
  void anUnloadableActionFailsTheFlowWithActionLoad() {
    var result = h.interlock.executor().run(
        TestFamily.LOGIN, List.of(new dev.interlock.core.AdHocAction("ghost", "not-registered", "java", Map.of(), Map.of())),
        FlowHarness.event());

    assertThat(result.record().error().code()).isEqualTo(ErrorCode.ACTION_LOAD);
    assertThat(result.record().error().message()).contains("not-registered");
  }
}
