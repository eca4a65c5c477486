package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.rejection;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.javaaction.JavaApi;
import dev.interlock.testkit.EngineFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessTest {
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void deniesLoginWhenAnActionCallsDenyAndSkipsLaterActions() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("deny", (e, api) -> api.call("access.deny", "Your account is locked")),
        step("later", (e, api) -> api.call("accessToken.setCustomClaim", "k", "v")));

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(r.result("later").orElseThrow().status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(outcome(r, "access")).isEqualTo(Map.of("denied", true, "by", "access.deny", "reason", "Your account is locked"));
    assertThat(outcome(r, "access_token", "custom_claims")).isEqualTo(Map.of());
  }

  @Test
  void denyReturnsTheApiForChainingAndTheActionRunsToItsEnd() {
    Object[] returned = new Object[1];

    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(), step("deny", (e, api) -> {
      returned[0] = api.call("access.deny", "no");
      api.call("user.setAppMetadata", "blocked", true);
    }));

    assertThat(returned[0]).isInstanceOf(JavaApi.class);
    assertThat(outcome(r, "user", "app_metadata")).isEqualTo(Map.of("blocked", true));
  }

  @Test
  void rejectsADenyWithoutAStringReason() {
    assertThat(postLoginRejection((e, api) -> api.call("access.deny", 42)).getMessage())
        .isEqualTo("api.access.deny: reason must be a string, got number");
  }

  @Test
  void failsTheLoginWithACustomValidationError() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("v", (e, api) -> api.call("validation.error", "invalid_domain", "Use your work email")));

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(outcome(r, "access", "validation_error"))
        .isEqualTo(Map.of("code", "invalid_domain", "message", "Use your work email"));
  }

  @Test
  void limitsValidationErrorArgumentsToOneHundredCharacters() {
    String tooLong = "x".repeat(101);

    assertThat(postLoginRejection((e, api) -> api.call("validation.error", tooLong, "m")).getMessage())
        .contains("errorCode must be at most 100 characters");
    assertThat(rejection("pre-user-registration", PreUserRegistrationEvent.builder().build(),
        (e, api) -> api.call("validation.error", "c", tooLong)).getMessage())
        .contains("errorMessage must be at most 100 characters");
    assertThat(postLoginRejection((e, api) -> api.call("validation.error", "c")).getMessage())
        .contains("errorMessage must be a string");
  }

  @Test
  void refusesASignupWithAReasonAndAUserMessage() {
    ExecutionRecord r = engine.run("pre-user-registration", PreUserRegistrationEvent.builder().build(),
        step("deny", (e, api) -> api.call("access.deny", "blocked_domain", "Sign up with your company email")),
        step("later", (e, api) -> {}));

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(outcome(r, "access", "reason")).isEqualTo("blocked_domain");
    assertThat(outcome(r, "access", "user_message")).isEqualTo("Sign up with your company email");
    assertThat(r.result("later").orElseThrow().status()).isEqualTo(ActionStatus.SKIPPED);
  }

  @Test
  void failsTheLoginWithTheThrownMessageWhenAnActionThrows() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(), step("boom", (e, api) -> {
      api.call("user.setAppMetadata", "k", "v");
      throw new IllegalStateException("upstream down");
    }));

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(outcome(r, "access", "denied")).isEqualTo(true);
    assertThat(outcome(r, "access", "reason")).isEqualTo("upstream down");
    assertThat(outcome(r, "user", "app_metadata")).isEqualTo(Map.of());
  }

  @Test
  void letsTheLoginThroughWhenNoActionDenies() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(), step("noop", (e, api) -> {}));

    assertThat(outcome(r, "access")).isEqualTo(Map.of("denied", false));
  }

  @Test
  void offersOnlyTheCacheToPostUserRegistration() {
    ExecutionRecord r = engine.run("post-user-registration", PostUserRegistrationEvent.builder().build(),
        step("deny", (e, api) -> api.call("access.deny", "no")));

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("api.access.deny is not a function");
  }
}
