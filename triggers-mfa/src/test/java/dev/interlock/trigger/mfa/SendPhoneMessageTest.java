package dev.interlock.trigger.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendPhoneMessageTest {
  private final EngineFixture engine = EngineFixture.of(new MfaFamily());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void isFoundThroughTheServiceLoaderWithOnlyTheCacheApi() {
    var families = TriggerCatalog.discoverFamilies(getClass().getClassLoader());

    var trigger = TriggerCatalog.of(families).require(TriggerId.of("send-phone-message"));

    assertThat(trigger.mode()).isEqualTo(TriggerMode.SYNC);
    assertThat(trigger.handler()).isEqualTo("onExecuteSendPhoneMessage");
    assertThat(trigger.resumeHandlerName()).isEmpty();
    assertThat(trigger.api().namespaces()).containsExactly("cache");
  }

  @Test
  void givesTheActionTheMessageOptionsAndTheRequestLanguage() {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    Map<String, Object> event =
        SendPhoneMessageEvent.builder().recipient("+33-6-12-34-56-78").code("771204").challenge().voice().language("fr").build();

    engine.run("send-phone-message", event, JavaStep.of("twilio", (e, api) -> seen.set(e)));

    assertThat(seen.get().get("message_options"))
        .isEqualTo(Map.of(
            "action", "second-factor-authentication",
            "code", "771204",
            "message_type", "voice",
            "recipient", "+33-6-12-34-56-78",
            "text", "Your verification code is 771204. It expires in 5 minutes."));
    assertThat(((Map<?, ?>) seen.get().get("request")).get("language")).isEqualTo("fr");
  }

  @Test
  void reportsTheMessageAsHandedOffWhenEveryActionCompletes() {
    var record = engine.run("send-phone-message", SendPhoneMessageEvent.builder().build(), JavaStep.of("twilio", (e, api) -> {}));

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.outcome())
        .isEqualTo(Map.of("delivery", "handed_off", "message_type", "sms", "action", "enrollment", "handed_off_by", List.of("twilio")));
  }

  @Test
  void reportsDeliveryFailedWhenTheActionThrowsAndSkipsLaterActions() {
    var record =
        engine.run(
            "send-phone-message",
            SendPhoneMessageEvent.builder().build(),
            JavaStep.of("twilio", (e, api) -> {
              throw new IllegalStateException("21211 invalid 'To' phone number");
            }),
            JavaStep.of("sns-fallback", (e, api) -> {}));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("twilio", "21211 invalid 'To' phone number");
    assertThat(record.outcome()).containsEntry("delivery", "failed").doesNotContainKey("handed_off_by");
    assertThat(record.result("sns-fallback").orElseThrow().status()).isEqualTo(ActionStatus.SKIPPED);
  }

  @Test
  void failsWhenNoActionIsBoundBecauseNothingDeliveredTheMessage() {
    var result = engine.execute("send-phone-message", SendPhoneMessageEvent.builder().build());

    assertThat(result.record().status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.record().error().message()).contains("no action is bound to send-phone-message");
    assertThat(result.outcome()).containsEntry("delivery", "failed");
  }

  @Test
  void rejectsAnEventThatDoesNotFitTheContractListingEveryPath() {
    Map<String, Object> event =
        SendPhoneMessageEvent.builder()
            .with("message_options", Map.of("action", "login", "code", 123456, "message_type", "fax", "text", "hi"))
            .without("user")
            .build();

    assertThatThrownBy(() -> engine.run("send-phone-message", event))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_event");
              assertThat(e.problems())
                  .extracting(Problem::path)
                  .containsExactlyInAnyOrder(
                      "$.message_options.action",
                      "$.message_options.code",
                      "$.message_options.message_type",
                      "$.message_options.recipient",
                      "$.user");
            });
  }

  @Test
  void cachesAProviderTokenForLaterActionsOfTheTrigger() {
    AtomicReference<Object> written = new AtomicReference<>();
    AtomicReference<Object> read = new AtomicReference<>();
    AtomicReference<Object> deleted = new AtomicReference<>();

    engine.run(
        "send-phone-message",
        SendPhoneMessageEvent.builder().build(),
        JavaStep.of("auth", (e, api) -> written.set(api.call("cache.set", "provider-token", "tok-1", Map.of("ttl", 60_000)))),
        JavaStep.of("send", (e, api) -> {
          read.set(api.call("cache.get", "provider-token"));
          deleted.set(api.call("cache.delete", "provider-token"));
        }));

    assertThat(((Map<?, ?>) written.get()).get("type")).isEqualTo("success");
    assertThat(((Map<?, ?>) read.get()).get("value")).isEqualTo("tok-1");
    assertThat(deleted.get()).isEqualTo(Map.of("type", "success"));
  }

  @Test
  void offersNoWayToDenyOrChangeTheMessage() {
    AtomicReference<ApiCallException> thrown = new AtomicReference<>();

    var record =
        engine.run(
            "send-phone-message",
            SendPhoneMessageEvent.builder().build(),
            JavaStep.of("a", (e, api) -> {
              try {
                api.call("access.deny", "no");
              } catch (ApiCallException x) {
                thrown.set(x);
                throw x;
              }
            }));

    assertThat(thrown.get().errorName()).isEqualTo("TypeError");
    assertThat(thrown.get().getMessage()).isEqualTo("api.access.deny is not a function");
    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.outcome()).containsEntry("delivery", "failed");
  }
}
