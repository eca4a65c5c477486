package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.password.PostChangePasswordEvent;
import dev.interlock.trigger.signuplogin.PostUserRegistrationEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two asynchronous triggers (post-user-registration, post-change-password) through Rhino. */
class AsyncTriggersAcceptanceTest {
  private static final String POST_REG = "post-user-registration";
  private static final String POST_PW = "post-change-password";
  private static final Map<String, String> CRM = Map.of("CRM_CLIENT_ID", "crm-client-42");

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  /** Polls the store until the background flow has left {@code pending}; fails after 30 s. */
  private static ExecutionRecord awaitFinished(dev.interlock.core.TriggerExecutor executor, ExecutionId id)
      throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      var r = executor.find(id);
      if (r.isPresent() && r.get().status() != ExecutionStatus.PENDING) {
        return r.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("execution " + id + " did not finish");
  }

  @Test
  void runWaitsForAPostUserRegistrationFlowAndRecordsIt() {
    Map<String, Object> event = PostUserRegistrationEvent.builder().build();

    ExecutionResult result = run(engine, POST_REG, event, action(POST_REG, "notify-crm", CRM));

    assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
    ExecutionRecord r = result.record();
    assertThat(r.outcome()).isEmpty();
    assertThat(commandNames(r, "notify-crm")).containsExactly("cache.set");
    assertThat(logs(r, "notify-crm"))
        .containsExactly(
            "token cached: success",
            "POST /contacts {\"id\":\"auth0|65a4f1c2e1d2b3a4c5d6e7f8\",\"email\":\"jane@example.com\","
                + "\"source\":\"Username-Password-Authentication\"}");
    assertThat(engine.interlock().executor().find(r.id())).contains(r);
  }

  @Test
  void reusesTheCachedTokenInTheNextRegistration() {
    Map<String, Object> event = PostUserRegistrationEvent.builder().build();
    run(engine, POST_REG, event, action(POST_REG, "notify-crm", CRM));

    ExecutionRecord second = run(engine, POST_REG, event, action(POST_REG, "notify-crm", CRM)).record();

    assertThat(logs(second, "notify-crm").get(0)).isEqualTo("token from cache");
    assertThat(commandNames(second, "notify-crm")).isEmpty();
  }

  @Test
  void executeReturnsPendingAndTheRecordAppearsLater() throws InterruptedException {
    try (BoundEngine bound = new BoundEngine().bind(POST_REG, "notify-crm", CRM)) {
      ExecutionResult accepted =
          bound.executor().execute(TriggerId.of(POST_REG), PostUserRegistrationEvent.builder().build());

      assertThat(accepted).isInstanceOf(ExecutionResult.Pending.class);
      ExecutionRecord done = awaitFinished(bound.executor(), accepted.record().id());
      assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(result(done, "notify-crm").version()).isEqualTo(1);
      assertThat(logs(done, "notify-crm")).hasSize(2).first().isEqualTo("token cached: success");
    }
  }

  @Test
  void recordsATypeErrorWhenAPostUserRegistrationActionTriesToDeny() {
    ExecutionRecord r =
        run(engine, POST_REG, PostUserRegistrationEvent.builder().build(), action(POST_REG, "tries-to-deny")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(logs(r, "tries-to-deny")).containsExactly("api has: cache");
    assertThat(result(r, "tries-to-deny").error().name()).isEqualTo("TypeError");
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.outcome()).isEmpty();
  }

  @Test
  void reportsTheCommittedPasswordChangeWithTheCompletedActions() {
    ExecutionRecord r =
        run(engine, POST_PW, PostChangePasswordEvent.builder().build(),
                action(POST_PW, "notify-security-team"), action(POST_PW, "revokes-sessions"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.outcome())
        .isEqualTo(Map.of("password_change", "committed",
            "completed_actions", List.of("notify-security-team", "revokes-sessions")));
    assertThat(logs(r, "notify-security-team"))
        .containsExactly("password of j.smith@example.com changed on Username-Password-Authentication from GB");
    assertThat(logs(r, "revokes-sessions")).containsExactly("revoking sessions of auth0|5f7c8ec7c33c6c004bbafe82");
  }

  @Test
  void recordsAFailingPasswordChangeActionWithoutUndoingTheChange() {
    ExecutionRecord r =
        run(engine, POST_PW, PostChangePasswordEvent.builder().build(),
                action(POST_PW, "webhook-fails"), action(POST_PW, "revokes-sessions"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("webhook https://hooks.example.com/pw returned 500");
    assertThat(result(r, "revokes-sessions").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(r.outcome()).isEqualTo(Map.of("password_change", "committed", "completed_actions", List.of()));
  }

  @Test
  void executesABoundPostChangePasswordActionInTheBackground() throws InterruptedException {
    try (BoundEngine bound = new BoundEngine().bind(POST_PW, "notify-security-team", Map.of())) {
      ExecutionResult accepted =
          bound.executor().execute(TriggerId.of(POST_PW), PostChangePasswordEvent.builder().build());
      ExecutionResult again =
          bound.executor().execute(TriggerId.of(POST_PW), PostChangePasswordEvent.builder().build());

      assertThat(accepted).isInstanceOf(ExecutionResult.Pending.class);
      assertThat(awaitFinished(bound.executor(), accepted.record().id()).status()).isEqualTo(ExecutionStatus.COMPLETED);
      ExecutionRecord second = awaitFinished(bound.executor(), again.record().id());
      assertThat(second.outcome()).containsEntry("completed_actions", List.of("notify-security-team"));
    }
  }
}
