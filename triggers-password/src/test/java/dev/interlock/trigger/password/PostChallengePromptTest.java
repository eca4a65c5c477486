package dev.interlock.trigger.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostChallengePromptTest {
  private static final String TRIGGER = "password-reset-post-challenge";
  private final EngineFixture engine = EngineFixture.of(new PasswordFamily());
  private final Map<String, Object> event = PostChallengeEvent.builder().build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void renderSuspendsWithTheFormAndResumesInTheSameActionWithEventPrompt() {
    AtomicReference<Object> returned = new AtomicReference<>("unset");
    AtomicReference<Object> prompt = new AtomicReference<>();
    engine.deployAndBind(TRIGGER, new JavaStep("form", Handlers.of(
        (e, api) -> returned.set(api.call("prompt.render", "ap_security_question",
            Map.of("fields", Map.of("hint", "first pet"), "vars", Map.of("attempt", 1L)))),
        (e, api) -> {
          prompt.set(e.get("prompt"));
          if (!"rex".equals(Handlers.obj(Handlers.obj(e.get("prompt")).get("fields")).get("answer"))) {
            api.call("access.deny", "wrong answer");
          }
        }), Map.of()));

    var suspended = (ExecutionResult.Suspended) engine.execute(TRIGGER, event);
    Map<String, Object> submitted = Map.of("id", "ap_security_question", "fields", Map.of("answer", "rex"));
    var resumed = engine.resume(suspended.continuation().state(),
        new ResumeRequest(Map.of("query", Map.of(), "body", Map.of()), Map.of("prompt", submitted)));

    assertThat(returned.get()).isNull();
    assertThat(suspended.continuation().redirectUrl()).isNull();
    assertThat(suspended.continuation().resumeHandler()).isEqualTo("onContinuePostChallenge");
    assertThat(suspended.continuation().details()).isEqualTo(Map.of(
        "type", "prompt", "prompt_id", "ap_security_question", "fields", Map.of("hint", "first pet"), "vars", Map.of("attempt", 1L)));
    assertThat(prompt.get()).isEqualTo(submitted);
    assertThat(resumed.record().status()).isEqualTo(ExecutionStatus.COMPLETED);
  }

  @Test
  void refusesRedirectAndRenderInOneActionAndASecondRender() {
    var record = engine.run(TRIGGER, event,
        JavaStep.of("render-first", (e, api) -> {
          api.call("prompt.render", "ap_1");
          assertThatThrownBy(() -> api.call("prompt.render", "ap_2")).hasMessageContaining("only one render per action");
          assertThatThrownBy(() -> api.call("redirect.sendUserTo", "https://x.example.com/"))
              .hasMessageContaining("cannot redirect in an action that already called api.prompt.render");
        }));
    var other = engine.run(TRIGGER, event,
        JavaStep.of("redirect-first", (e, api) -> {
          api.call("redirect.sendUserTo", "https://x.example.com/");
          assertThatThrownBy(() -> api.call("prompt.render", "ap_1"))
              .hasMessageContaining("redirect and render cannot be used in the same action");
        }));

    assertThat(record.commands()).extracting(c -> c.name()).containsExactly("prompt.render");
    assertThat(other.commands()).extracting(c -> c.name()).containsExactly("redirect.sendUserTo");
  }

  @Test
  void limitsPromptOptionsTo24KilobytesAndToFieldsAndVars() {
    engine.run(TRIGGER, event, JavaStep.of("a", (e, api) -> {
      assertThatThrownBy(() -> api.call("prompt.render", "ap_1", Map.of("fields", Map.of("blob", "x".repeat(24 * 1024)))))
          .isInstanceOfSatisfying(ApiCallException.class, x -> assertThat(x.errorName()).isEqualTo("RangeError"))
          .hasMessageContaining("more than the limit of 24576");
      assertThatThrownBy(() -> api.call("prompt.render", "ap_1", Map.of("theme", "dark")))
          .hasMessageContaining("promptOptions.theme is not a known option");
      assertThatThrownBy(() -> api.call("prompt.render", "ap_1", Map.of("vars", "x")))
          .hasMessageContaining("promptOptions.vars must be an object, got string");
      assertThatThrownBy(() -> api.call("prompt.render", "")).hasMessageContaining("promptId must be a non-empty string");
    }));
  }
}
