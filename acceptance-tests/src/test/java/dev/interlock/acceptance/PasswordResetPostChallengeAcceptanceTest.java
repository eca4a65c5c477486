package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.json;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.common.Hs256;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.password.PostChallengeEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** password-reset-post-challenge v1 through Rhino: deny, MFA challenge, redirect round trip. */
class PasswordResetPostChallengeAcceptanceTest {
  private static final String TRIGGER = "password-reset-post-challenge";
  private static final String IDV_SECRET = "idv-shared-secret-abcdef";
  private static final String USER_ID = "auth0|5f7c8ec7c33c6c004bbafe82";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  private AdHocAction identityCheck() {
    return action(TRIGGER, "identity-check", Map.of("IDV_SECRET", IDV_SECRET));
  }

  private static String idvAnswer(String state, boolean verified) {
    long now = Instant.now().getEpochSecond();
    return Hs256.sign(
        json("sub", USER_ID, "iss", "login.example.com", "iat", now, "exp", now + 60, "state", state,
            "verified", verified, "level", 2),
        IDV_SECRET);
  }

  @Test
  void deniesAResetFromABlockedCountry() {
    ExecutionRecord r =
        run(engine, TRIGGER, PostChallengeEvent.builder().build(),
                action(TRIGGER, "deny-risky-reset", Map.of("BLOCKED_COUNTRIES", "GB,KP")), action(TRIGGER, "noop"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(result(r, "noop").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(r.outcome())
        .isEqualTo(Map.of("result", "denied", "error", "access_denied",
            "error_description", "Password resets from GB need a support ticket"));
  }

  @Test
  void challengesWithTheEnrolledFactorsAndResumesWithTheNextAction() {
    Map<String, Object> event = PostChallengeEvent.builder().enrolledFactors("otp", "phone").build();

    ExecutionRecord suspended =
        run(engine, TRIGGER, event, action(TRIGGER, "challenge-otp"), action(TRIGGER, "after-challenge")).record();

    assertThat(suspended.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(suspended.outcome()).isEqualTo(Map.of("result", "suspended"));
    assertThat(result(suspended, "challenge-otp").commands())
        .containsExactly(Command.of("authentication.challengeWithAny", List.of(json("type", "otp"), json("type", "phone"))));
    assertThat(logs(suspended, "challenge-otp")).containsExactly("challenging with otp+phone");
    assertThat(suspended.continuation().resumeHandler()).isNull();

    Map<String, Object> methods =
        json("methods", List.of(
            json("name", "email", "timestamp", "2026-11-23T14:02:11.000Z"),
            json("name", "mfa", "timestamp", "2026-11-23T14:03:00.000Z", "type", "otp")));
    ExecutionRecord r =
        engine.resume(suspended.continuation().state(),
                new ResumeRequest(json("query", json(), "body", json()), json("authentication", methods)))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "after-challenge")).containsExactly("last method: mfa");
    assertThat(r.outcome())
        .isEqualTo(Map.of("result", "proceed", "result_url", "https://app.example.com/welcome-back?via=mfa"));
  }

  @Test
  void completesTheRedirectRoundTripInOnContinuePostChallenge() {
    ExecutionRecord suspended = run(engine, TRIGGER, PostChallengeEvent.builder().build(), identityCheck()).record();

    assertThat(suspended.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(suspended.continuation().resumeHandler()).isEqualTo("onContinuePostChallenge");
    String state = suspended.continuation().state();
    assertThat(URI.create(suspended.continuation().redirectUrl()).getQuery()).contains("state=" + state).contains("session_token=");

    ExecutionRecord r =
        engine.resume(state, ResumeRequest.of(json("state", state), json("session_token", idvAnswer(state, true)))).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(result(r, "identity-check").handler()).isEqualTo("onContinuePostChallenge");
    assertThat(logs(r, "identity-check")).containsExactly("identity verified at level 2");
    assertThat(commandNames(r, "identity-check")).containsExactly("redirect.sendUserTo", "transaction.setResultUrl");
    assertThat(r.outcome())
        .isEqualTo(Map.of("result", "proceed", "result_url", "https://app.example.com/reset-done?lang=en&level=2"));
  }

  @Test
  void deniesTheResetWhenTheIdentityCheckSaysNo() {
    ExecutionRecord suspended = run(engine, TRIGGER, PostChallengeEvent.builder().build(), identityCheck()).record();
    String state = suspended.continuation().state();

    ExecutionRecord r =
        engine.resume(state, ResumeRequest.of(json("state", state, "session_token", idvAnswer(state, false)), json())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(r.outcome()).containsEntry("error_description", "Identity could not be verified");
  }

  @Test
  void failsTheResetWhenTheReturnedTokenIsForged() {
    ExecutionRecord suspended = run(engine, TRIGGER, PostChallengeEvent.builder().build(), identityCheck()).record();
    String state = suspended.continuation().state();
    long now = Instant.now().getEpochSecond();
    String forged = Hs256.sign(json("sub", USER_ID, "iss", "login.example.com", "iat", now, "exp", now + 60,
        "state", state, "verified", true, "level", 3), "guessed-secret");

    ExecutionRecord r = engine.resume(state, ResumeRequest.of(json("state", state, "session_token", forged), json())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("The session token is invalid");
    assertThat(r.outcome()).isEqualTo(Map.of("result", "failed"));
  }

  @Test
  void failsAFlowWithMoreThanFourActions() {
    AdHocAction noop = action(TRIGGER, "noop");

    ExecutionRecord r =
        run(engine, TRIGGER, PostChallengeEvent.builder().build(),
                noop, action(TRIGGER, "noop"), action(TRIGGER, "noop"), action(TRIGGER, "noop"), action(TRIGGER, "noop"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.outcome()).isEqualTo(Map.of("result", "failed"));
  }

  @Test
  void rendersAFormAndDeniesOnTheSubmittedAnswer() {
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostChallengeEvent.builder().build(), action(TRIGGER, "reset-form"), action(TRIGGER, "noop")).record();

    assertThat(suspended.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(suspended.continuation().details()).containsEntry("type", "prompt").containsEntry("prompt_id", "ap_reset_reason");
    assertThat(suspended.continuation().resumeHandler()).isEqualTo("onContinuePostChallenge");

    ExecutionRecord r =
        engine.resume(suspended.continuation().state(),
                new ResumeRequest(json("query", json(), "body", json()),
                    json("prompt", json("id", "ap_reset_reason", "fields", json("reason", "account takeover")))))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(logs(r, "reset-form")).containsExactly("reset reason: account takeover");
    assertThat(result(r, "noop").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(r.outcome()).containsEntry("error_description", "Please contact support to recover your account");
  }
}
