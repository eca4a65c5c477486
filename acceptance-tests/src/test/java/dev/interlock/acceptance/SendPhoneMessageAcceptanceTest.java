package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.mfa.SendPhoneMessageEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** send-phone-message v2 through Rhino: a custom provider delivering MFA codes. */
class SendPhoneMessageAcceptanceTest {
  private static final String TRIGGER = "send-phone-message";
  private static final Map<String, String> PROVIDER = Map.of("PROVIDER_KEY", "pk_live_123456");

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void handsAChallengeCodeToTheProvider() {
    Map<String, Object> event = SendPhoneMessageEvent.builder().challenge().voice().language("pt").build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "send-via-provider", PROVIDER)).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "send-via-provider")).containsExactly("sent call to ***5555 (challenge, pt)");
    assertThat(commandNames(r, "send-via-provider")).containsExactly("cache.set");
    assertThat(r.outcome())
        .isEqualTo(Map.of("delivery", "handed_off", "message_type", "voice", "action", "second-factor-authentication",
            "handed_off_by", List.of("send-via-provider")));
  }

  @Test
  void reusesTheCachedProviderTokenForTheNextMessage() {
    run(engine, TRIGGER, SendPhoneMessageEvent.builder().build(), action(TRIGGER, "send-via-provider", PROVIDER));

    ExecutionRecord second =
        run(engine, TRIGGER, SendPhoneMessageEvent.builder().code("111222").build(), action(TRIGGER, "send-via-provider", PROVIDER))
            .record();

    assertThat(commandNames(second, "send-via-provider")).isEmpty();
    assertThat(logs(second, "send-via-provider")).containsExactly("sent sms to ***5555 (enroll, en)");
  }

  @Test
  void reportsAFailedDeliveryWhenTheProviderRejectsTheMessage() {
    ExecutionRecord r =
        run(engine, TRIGGER, SendPhoneMessageEvent.builder().build(), action(TRIGGER, "provider-down"), action(TRIGGER, "send-via-provider", PROVIDER))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.error().message()).contains("SMS provider rejected the message: 503 Service Unavailable");
    assertThat(r.outcome()).isEqualTo(Map.of("delivery", "failed", "message_type", "sms", "action", "enrollment"));
  }

  @Test
  void offersOnlyTheCache() {
    ExecutionRecord r = run(engine, TRIGGER, SendPhoneMessageEvent.builder().build(), action(TRIGGER, "probes-api")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "probes-api")).containsExactly("access: undefined, cache: function");
    assertThat(result(r, "probes-api").commands()).isEmpty();
  }
}
