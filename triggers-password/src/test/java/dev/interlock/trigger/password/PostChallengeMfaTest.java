package dev.interlock.trigger.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostChallengeMfaTest {
  private static final String TRIGGER = "password-reset-post-challenge";
  private final EngineFixture engine = EngineFixture.of(new PasswordFamily());
  private final Map<String, Object> event = PostChallengeEvent.builder().enrolledFactors("otp", "phone").build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void challengeWithSuspendsAfterTheActionAndResumesWithTheNextAction() {
    AtomicReference<Object> returned = new AtomicReference<>("unset");
    AtomicReference<Map<String, Object>> nextSaw = new AtomicReference<>();
    engine.deployAndBind(TRIGGER, JavaStep.of("mfa", (e, api) -> returned.set(api.call("authentication.challengeWith",
        Map.of("type", "otp"), Map.of("additionalFactors", List.of(Map.of("type", "phone", "options", Map.of("preferredMethod", "sms"))))))));
    engine.deployAndBind(TRIGGER, JavaStep.of("after", (e, api) -> nextSaw.set(e)));

    ExecutionResult suspended = engine.execute(TRIGGER, event);
    List<Object> methods = List.of(
        Map.of("name", "email", "timestamp", "2026-11-23T14:02:11.000Z"),
        Map.of("name", "mfa", "timestamp", "2026-11-23T14:03:00.000Z", "type", "otp"));
    ResumeRequest challengePassed = new ResumeRequest(
        Map.of("query", Map.of(), "body", Map.of()), Map.of("authentication", Map.of("methods", methods)));
    ExecutionResult resumed = engine.resume(((ExecutionResult.Suspended) suspended).continuation().state(), challengePassed);

    assertThat(returned.get()).isNull();
    var continuation = ((ExecutionResult.Suspended) suspended).continuation();
    assertThat(continuation.resumeHandler()).isNull();
    assertThat(continuation.redirectUrl()).isNull();
    assertThat(continuation.details()).containsEntry("type", "mfa").containsEntry("command", "challengeWith")
        .containsEntry("default_factor", Map.of("type", "otp"));
    assertThat((List<?>) continuation.details().get("factors")).hasSize(2);
    assertThat(suspended.record().outcome()).isEqualTo(Map.of("result", "suspended"));
    assertThat(resumed.record().status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(resumed.record().result("mfa").orElseThrow().status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(Handlers.obj(nextSaw.get().get("authentication")).get("methods")).isEqualTo(methods);
    assertThat(resumed.outcome()).isEqualTo(Map.of("result", "proceed"));
  }

  @Test
  void challengeWithAnyOffersAPickerOfFactors() {
    var record = engine.run(TRIGGER, event, JavaStep.of("mfa",
        (e, api) -> api.call("authentication.challengeWithAny", List.of(Map.of("type", "otp"), Map.of("type", "email")))));

    assertThat(record.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(record.continuation().details()).containsEntry("command", "challengeWithAny")
        .containsEntry("factors", List.of(Map.of("type", "otp"), Map.of("type", "email")))
        .doesNotContainKey("default_factor");
  }

  @Test
  void rejectsFactorSelectorsThatAreNotChallengeFactors() {
    var record = engine.run(TRIGGER, event, JavaStep.of("mfa", (e, api) -> {
      assertThatThrownBy(() -> api.call("authentication.challengeWith", Map.of("type", "sms")))
          .hasMessageContaining("factor.type must be one of");
      assertThatThrownBy(() -> api.call("authentication.challengeWithAny", List.of()))
          .hasMessageContaining("factors must not be empty");
      assertThatThrownBy(() -> api.call("authentication.challengeWith", Map.of("type", "phone", "options", Map.of("preferredMethod", "fax"))))
          .hasMessageContaining("preferredMethod must be one of [both, sms, voice]");
    }));

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.commands()).isEmpty();
  }

  @Test
  void acceptsAtMostFourChallengeCommandsPerFlow() {
    var record = engine.run(TRIGGER, event, JavaStep.of("mfa", (e, api) -> {
      for (int i = 0; i < 4; i++) {
        api.call("authentication.challengeWith", Map.of("type", "otp"));
      }
      assertThatThrownBy(() -> api.call("authentication.challengeWithAny", List.of(Map.of("type", "otp"))))
          .hasMessageContaining("a flow may issue at most 4");
    }));

    assertThat(record.commands()).hasSize(4);
    assertThat(record.status()).isEqualTo(ExecutionStatus.SUSPENDED);
  }
}
