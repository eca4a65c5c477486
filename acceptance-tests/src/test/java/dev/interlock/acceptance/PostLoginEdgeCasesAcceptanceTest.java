package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.at;
import static dev.interlock.acceptance.Acceptance.json;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ConflictException;
import dev.interlock.core.EngineConfig;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.execution.LogEntry;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import dev.interlock.trigger.signuplogin.SignupLoginFamily;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** post-login corners: resume misuse, timeouts, metadata tricks, secrets in logs, console output. */
class PostLoginEdgeCasesAcceptanceTest {
  private static final String TRIGGER = "post-login";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void consumesTheStateOnResumeAndRefusesToResumeTheFinishedExecution() {
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "redirect-with-metadata")).record();
    String state = suspended.continuation().state();
    engine.resume(state, ResumeRequest.of(json("state", state), json()));

    assertThatThrownBy(() -> engine.resume(state, ResumeRequest.of(json("state", state), json())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.resume(suspended.id().value(), ResumeRequest.of(json("state", state), json())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only a suspended execution can be resumed");
  }

  @Test
  void refusesToResumeAnUnknownState() {
    assertThatThrownBy(() -> engine.resume("state_unknown", ResumeRequest.of(json("state", "state_unknown"), json())))
        .isInstanceOf(NotFoundException.class);
  }

  /**
   * Auth0 writes pending metadata before the browser leaves, so the profile that onContinuePostLogin
   * receives already carries it (common.md section 5, "Pending metadata").
   */
  @Test
  void showsMetadataSetBeforeARedirectToTheContinueHandler() {
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "redirect-with-metadata")).record();
    assertThat(suspended.continuation().redirectUrl()).startsWith("https://onboarding.example.com/start?state=");
    String state = suspended.continuation().state();

    ExecutionRecord r = engine.resume(state, ResumeRequest.of(json("state", state), json())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "redirect-with-metadata")).containsExactly("onboarding=started");
    assertThat(at(r.outcome(), "user", "app_metadata")).isEqualTo(Map.of("onboarding", "done"));
  }

  @Test
  void failsWithActionTimeoutWhenTheHandlerNeverSettles() {
    try (EngineFixture quick =
        EngineFixture.of(EngineConfig.defaults().withFlowTimeout(Duration.ofMillis(300)).withActionTimeout(Duration.ofMillis(300)),
            InstantSource.system(), List.of(Acceptance.rhino()), new SignupLoginFamily())) {

      ExecutionRecord r =
          run(quick, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "never-settles"), action(TRIGGER, "add-greeting-claim"))
              .record();

      assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_TIMEOUT);
      assertThat(r.error().actionName()).isEqualTo("never-settles");
      assertThat(logs(r, "never-settles")).containsExactly("waiting for a webhook that never answers");
    }
  }

  @Test
  void withdrawsAPendingMetadataChangeSetToUndefined() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "withdraws-metadata")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(at(r.outcome(), "user", "app_metadata")).isEqualTo(Map.of("kept", 1L));
  }

  @Test
  void masksSecretValuesInLogsAndCommands() {
    String key = "sk_live_9f8e7d6c5b4a";

    ExecutionRecord r =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "logs-secret", Map.of("API_KEY", key))).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(ExecutionRecordJson.write(r)).doesNotContain(key);
    assertThat(logs(r, "logs-secret").get(0)).isEqualTo("calling the API with key [secret]");
    assertThat(result(r, "logs-secret").logs().get(1).level()).isEqualTo("warn");
    assertThat(result(r, "logs-secret").commands())
        .containsExactly(Command.of("accessToken.setCustomClaim", "https://example.com/key_hint", "sk_"));
  }

  @Test
  void formatsConsoleArgumentsLikeNode() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "console-formats")).record();

    List<LogEntry> entries = result(r, "console-formats").logs();
    assertThat(entries).extracting(LogEntry::level).containsExactly("log", "error", "log");
    assertThat(entries.get(0).message()).isEqualTo("user auth0|65a4f1c2e1d2b3a4c5d6e7f8 { logins: 5, roles: [ 'a', 'b' ] }");
    assertThat(entries.get(1).message()).startsWith("Error: boom");
    assertThat(entries.get(2).message()).isEqualTo("jane has 5 logins");
  }

  @Test
  void stopsTheLoginWithAValidationError() {
    Map<String, Object> event = PostLoginEvent.builder().client(c -> c.set("metadata", json("require_org", "true"))).build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "validation-error"), action(TRIGGER, "add-greeting-claim")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(at(r.outcome(), "access"))
        .isEqualTo(Map.of("denied", true, "by", "validation.error",
            "validation_error", Map.of("code", "org_required", "message", "Log in through your organization to use Example Web App")));
  }

  @Test
  void masksASecretThatEndsUpInAThrownError() {
    String key = "sk_live_0a1b2c3d4e5f";

    ExecutionRecord r =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "throws-with-secret", Map.of("API_KEY", key))).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ExecutionRecordJson.write(r)).doesNotContain(key);
    assertThat(r.error().message()).contains("directory lookup failed (401) with key [secret]");
    assertThat(at(r.outcome(), "access", "reason")).isEqualTo("directory lookup failed (401) with key [secret]");
  }

  @Test
  void stopsABusyLoopAtTheDeadline() {
    try (EngineFixture quick =
        EngineFixture.of(EngineConfig.defaults().withFlowTimeout(Duration.ofMillis(500)).withActionTimeout(Duration.ofMillis(500)),
            InstantSource.system(), List.of(Acceptance.rhino()), new SignupLoginFamily())) {

      ExecutionRecord r = run(quick, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "busy-loop")).record();

      // the loop's counter is a boxed number in Rhino, so the loop allocates: on a fast machine the
      // allocation budget can run out before the deadline; either way the action is stopped
      assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(r.error().code()).isIn(ErrorCode.ACTION_TIMEOUT, ErrorCode.ACTION_LIMIT);
    }
  }

  @Test
  void stopsAnActionThatAllocatesWithoutBound() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "memory-hog")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_LIMIT);
    assertThat(r.error().actionName()).isEqualTo("memory-hog");
  }

  @Test
  void carriesTransactionAndUserMetadataAcrossAnMfaChallenge() {
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "mfa-with-tx-metadata"), action(TRIGGER, "after-mfa-metadata"))
            .record();

    ExecutionRecord r = engine.resume(suspended.continuation().state(), ResumeRequest.of(json(), json())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "after-mfa-metadata")).containsExactly("reason=new_device last=otp");
    assertThat(at(r.outcome(), "user", "app_metadata")).isEqualTo(Map.of("last_mfa_prompt", "otp"));
  }
}
