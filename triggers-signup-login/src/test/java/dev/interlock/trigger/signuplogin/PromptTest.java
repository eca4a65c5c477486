package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.resumable;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.Continuation;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptTest {
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void rendersAFormAndResumesTheSameActionWithThePromptResult() {
    AtomicReference<Object> prompt = new AtomicReference<>();
    engine.deployAndBind("post-login", step("form", resumable(
        (e, api) -> assertThat(api.call("prompt.render", "ap_profile",
            Map.of("fields", Map.of("email", "jane@example.com"), "vars", Map.of("risk", "low")))).isNull(),
        (e, api) -> prompt.set(e.get("prompt")))));

    ExecutionResult first = engine.execute("post-login", PostLoginEvent.builder().build());

    Continuation c = ((ExecutionResult.Suspended) first).continuation();
    assertThat(c.resumeHandler()).isEqualTo("onContinuePostLogin");
    assertThat(c.details()).containsEntry("type", "prompt").containsEntry("prompt_id", "ap_profile")
        .containsEntry("fields", Map.of("email", "jane@example.com")).containsEntry("vars", Map.of("risk", "low"));
    assertThat(outcome(first.record(), "interaction")).isEqualTo(Map.of("type", "prompt", "prompt_id", "ap_profile"));

    Map<String, Object> completed = Map.of("id", "ap_profile", "fields", Map.of("company", "ACME"));
    ExecutionRecord done = engine.resume(c.state(),
        new ResumeRequest(Map.of("query", Map.of(), "body", Map.of()), Map.of("prompt", completed))).record();

    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(prompt.get()).isEqualTo(completed);
    assertThat(outcome(done, "interaction")).isNull();
  }

  @Test
  void refusesPromptOptionsOverTwentyFourKilobytes() {
    String big = "x".repeat(24 * 1024);

    assertThat(postLoginRejection((e, api) -> api.call("prompt.render", "ap_1", Map.of("vars", Map.of("blob", big))))
        .getMessage()).contains("promptOptions must be at most 24576 bytes");
  }

  @Test
  void refusesASecondRenderInTheSameAction() {
    assertThat(postLoginRejection((e, api) -> {
      api.call("prompt.render", "ap_1");
      api.call("prompt.render", "ap_2");
    }).getMessage()).contains("only one form can be rendered per action");
  }

  @Test
  void refusesRenderAndRedirectInTheSameAction() {
    assertThat(postLoginRejection((e, api) -> {
      api.call("redirect.sendUserTo", "https://x.example.com");
      api.call("prompt.render", "ap_1");
    }).getMessage()).contains("cannot render a form in an action that already redirects");
    assertThat(postLoginRejection((e, api) -> {
      api.call("prompt.render", "ap_1");
      api.call("redirect.sendUserTo", "https://x.example.com");
    }).getMessage()).contains("cannot redirect in an action that already called api.prompt.render");
  }

  @Test
  void refusesABlankPromptIdOrNonObjectFields() {
    assertThat(postLoginRejection((e, api) -> api.call("prompt.render", " ")).getMessage())
        .contains("promptId must be a non-empty string");
    assertThat(postLoginRejection((e, api) -> api.call("prompt.render", "ap_1", Map.of("fields", "x"))).getMessage())
        .contains("promptOptions.fields must be an object");
  }
}
