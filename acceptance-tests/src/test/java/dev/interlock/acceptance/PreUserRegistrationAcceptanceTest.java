package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.at;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PreUserRegistrationEvent;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** pre-user-registration v2 actions through Rhino: deny, validation errors, metadata, wrong api. */
class PreUserRegistrationAcceptanceTest {
  private static final String TRIGGER = "pre-user-registration";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void deniesASignupFromADisposableDomainWithAReasonAndAUserMessage() {
    Map<String, Object> event = PreUserRegistrationEvent.builder().user(u -> u.email("bob@Mailinator.com")).build();

    ExecutionRecord r =
        run(engine, TRIGGER, event, action(TRIGGER, "block-disposable-domains"), action(TRIGGER, "tag-signup-source"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(result(r, "block-disposable-domains").commands())
        .containsExactly(Command.of("access.deny", "blocked_domain:mailinator.com", "Please sign up with your work email address."));
    assertThat(result(r, "tag-signup-source").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(at(r.outcome(), "access"))
        .isEqualTo(Map.of("denied", true, "by", "access.deny", "reason", "blocked_domain:mailinator.com",
            "user_message", "Please sign up with your work email address."));
    assertThat(at(r.outcome(), "user")).isEqualTo(Map.of("app_metadata", Map.of(), "user_metadata", Map.of()));
  }

  @Test
  void rejectsAnInvalidUsernameWithAValidationError() {
    Map<String, Object> event = PreUserRegistrationEvent.builder().user(u -> u.username("X")).build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "validate-username")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(result(r, "validate-username").commands())
        .containsExactly(Command.of("validation.error", "invalid_username", "Username \"X\" must be 3-16 lowercase letters, digits or _."));
    assertThat(at(r.outcome(), "access", "validation_error"))
        .isEqualTo(Map.of("code", "invalid_username", "message", "Username \"X\" must be 3-16 lowercase letters, digits or _."));
    assertThat(at(r.outcome(), "access", "by")).isEqualTo("validation.error");
  }

  @Test
  void putsMetadataInTheOutcomeAndShowsItToTheNextAction() {
    Map<String, Object> event = PreUserRegistrationEvent.builder().request(q -> q.body("utm_source", "newsletter")).build();

    ExecutionRecord r =
        run(engine, TRIGGER, event, action(TRIGGER, "block-disposable-domains"), action(TRIGGER, "tag-signup-source"),
                action(TRIGGER, "read-tags"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "block-disposable-domains")).containsExactly("domain example.com allowed");
    assertThat(logs(r, "read-tags")).containsExactly("source seen by the next action: newsletter");
    assertThat(at(r.outcome(), "user", "app_metadata"))
        .isEqualTo(Map.of("signup_source", "newsletter", "signup_ip", "203.0.113.10"));
    assertThat(at(r.outcome(), "user", "user_metadata")).isEqualTo(Map.of("preferred_language", "en"));
    assertThat(at(r.outcome(), "access")).isEqualTo(Map.of("denied", false));
  }

  @Test
  void letsTheScriptCatchTheTypeErrorOfAPostLoginOnlyMethod() {
    ExecutionRecord r =
        run(engine, TRIGGER, PreUserRegistrationEvent.builder().build(), action(TRIGGER, "uses-post-login-api-caught")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "uses-post-login-api-caught")).containsExactly("caught TypeError; is TypeError: true");
    assertThat(commandNames(r, "uses-post-login-api-caught")).containsExactly("user.setAppMetadata");
  }

  @Test
  void failsWithATypeErrorWhenAPostLoginOnlyMethodIsCalledUncaught() {
    ExecutionRecord r =
        run(engine, TRIGGER, PreUserRegistrationEvent.builder().build(), action(TRIGGER, "uses-post-login-api")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.error().message()).contains("uses-post-login-api").contains("TypeError");
    assertThat(result(r, "uses-post-login-api").error().name()).isEqualTo("TypeError");
    assertThat(result(r, "uses-post-login-api").commands()).isEmpty();
  }
}
