package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.json;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Interaction corners of post-login: misuse of the redirect api, resumes at the end of the flow, records. */
class PostLoginInteractionAcceptanceTest {
  private static final String TRIGGER = "post-login";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void throwsTheDocumentedErrorWhenValidateTokenIsCalledBeforeAnyRedirect() {
    ExecutionRecord r =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "validate-too-early", Map.of("SECRET", "s-1"))).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "validate-too-early"))
        .containsExactly("Error: There is no parameter called 'session_token' available in either the POST body or query string.");
  }

  @Test
  void failsWithoutAContinuationWhenTheRedirectingActionThrowsAfterwards() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "redirect-then-throw")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.continuation()).isNull();
    assertThat(result(r, "redirect-then-throw").error().name()).isEqualTo("SyntaxError");
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
  }

  @Test
  void refusesARedirectInASilentAuthentication() {
    Map<String, Object> event = PostLoginEvent.builder().request(q -> q.query("prompt", "none")).build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "silent-redirect")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.continuation()).isNull();
    assertThat(logs(r, "silent-redirect")).containsExactly("cannot redirect in this flow");
    assertThat(r.error().message()).contains("interaction_required");
  }

  @Test
  void refusesARedirectAfterAFormInTheSameAction() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "render-and-redirect")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(commandNames(r, "render-and-redirect")).containsExactly("prompt.render");
    assertThat(logs(r, "render-and-redirect")).singleElement().asString()
        .startsWith("Error: ").contains("cannot redirect in an action that already called api.prompt.render");
    assertThat(r.continuation().details()).containsEntry("prompt_id", "ap_terms");
  }

  @Test
  void completesWhenTheLastActionChallengedAndTheFlowResumes() {
    Map<String, Object> event = PostLoginEvent.builder().user(u -> u.enrolledFactor("otp")).build();
    ExecutionRecord suspended = run(engine, TRIGGER, event, action(TRIGGER, "require-otp")).record();

    ExecutionRecord r =
        engine.resume(suspended.continuation().state(), ResumeRequest.of(json(), json())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.results()).hasSize(1);
    assertThat((List<?>) Acceptance.at(r.outcome(), "authentication", "mfa")).hasSize(1);
  }

  @Test
  void keepsTheCacheAcrossARedirect() {
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "cache-across-redirect")).record();
    String state = suspended.continuation().state();

    ExecutionRecord r = engine.resume(state, ResumeRequest.of(json("state", state), json())).record();

    assertThat(logs(r, "cache-across-redirect")).containsExactly("nonce after resume: n-123");
    assertThat(commandNames(r, "cache-across-redirect")).containsExactly("cache.set", "redirect.sendUserTo", "cache.delete");
    assertThat(result(r, "cache-across-redirect").status()).isEqualTo(ActionStatus.COMPLETED);
  }

  @Test
  void writesSuspendedRecordsThatReadBackUnchanged() {
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostLoginEvent.builder().user(u -> u.enrolledFactor("otp")).build(),
                action(TRIGGER, "require-otp"), action(TRIGGER, "after-mfa"))
            .record();

    ExecutionRecord back = ExecutionRecordJson.fromJson(ExecutionRecordJson.toJson(suspended));

    // durations are written with three decimals, so compare the written form
    assertThat(ExecutionRecordJson.toJson(back)).isEqualTo(ExecutionRecordJson.toJson(suspended));
    assertThat(back.continuation()).isEqualTo(suspended.continuation());
    assertThat(back.results().get(0).commands()).isEqualTo(suspended.results().get(0).commands());
    assertThat(ExecutionRecordJson.toJson(suspended)).containsKeys("id", "trigger_id", "status", "results", "outcome", "continuation");
  }
}
