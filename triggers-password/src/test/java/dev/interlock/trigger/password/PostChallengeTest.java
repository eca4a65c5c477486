package dev.interlock.trigger.password;

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

class PostChallengeTest {
  private static final String TRIGGER = "password-reset-post-challenge";
  private final EngineFixture engine = EngineFixture.of(new PasswordFamily());
  private final Map<String, Object> event = PostChallengeEvent.builder().build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void isASyncTriggerWithAResumeHandlerAndTheDocumentedNamespaces() {
    var trigger = TriggerCatalog.of(TriggerCatalog.discoverFamilies(getClass().getClassLoader())).require(TriggerId.of(TRIGGER));

    assertThat(trigger.mode()).isEqualTo(TriggerMode.SYNC);
    assertThat(trigger.handler()).isEqualTo("onExecutePostChallenge");
    assertThat(trigger.resumeHandler()).isEqualTo("onContinuePostChallenge");
    assertThat(trigger.api().namespaces()).containsExactly("access", "authentication", "redirect", "prompt", "transaction", "cache");
  }

  @Test
  void rejectsAnEventThatDoesNotFitTheContractListingEveryPath() {
    Map<String, Object> bad = PostChallengeEvent.builder()
        .with("stats", Map.of("logins_count", 1.5))
        .with("transaction", Map.of("ui_locales", List.of("en")))
        .with("user", Map.of("user_id", "auth0|1", "created_at", "x", "updated_at", "x", "email_verified", true,
            "enrolledFactors", List.of(Map.of("options", Map.of()))))
        .build();

    assertThatThrownBy(() -> engine.run(TRIGGER, bad))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_event");
          assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
              "$.stats.logins_count", "$.transaction.locale", "$.user.enrolledFactors[0].type");
        });
  }

  @Test
  void proceedsWhenNoActionObjects() {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();

    var record = engine.run(TRIGGER, event, JavaStep.of("look", (e, api) -> seen.set(e)));

    assertThat(record.outcome()).isEqualTo(Map.of("result", "proceed"));
    assertThat(Handlers.obj(seen.get().get("request"))).containsKeys("query", "body");
    assertThat(Handlers.obj(seen.get().get("user")).get("enrolledFactors")).isEqualTo(List.of(Map.of("type", "otp")));
  }

  @Test
  void denyRefusesTheResetAfterTheActionAndSkipsTheRest() {
    AtomicReference<Object> returned = new AtomicReference<>("unset");

    var record = engine.run(TRIGGER, event,
        JavaStep.of("deny", (e, api) -> returned.set(api.call("access.deny", "Resets are disabled for admin accounts"))),
        JavaStep.of("later", (e, api) -> {}));

    assertThat(returned.get()).isNull();
    assertThat(record.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(record.outcome()).isEqualTo(Map.of(
        "result", "denied", "error", "access_denied", "error_description", "Resets are disabled for admin accounts"));
    assertThat(record.result("later").orElseThrow().status()).isEqualTo(ActionStatus.SKIPPED);
  }

  @Test
  void denyRequiresAStringReason() {
    var record = engine.run(TRIGGER, event, JavaStep.of("deny", (e, api) -> api.call("access.deny")));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("TypeError: api.access.deny: reason must be a string, got undefined");
    assertThat(record.outcome()).isEqualTo(Map.of("result", "failed"));
  }

  @Test
  void setResultUrlChoosesWhereTheUserLandsWithQueryEntriesReplaced() {
    AtomicReference<Object> returned = new AtomicReference<>("unset");

    var record = engine.run(TRIGGER, event,
        JavaStep.of("a", (e, api) -> api.call("transaction.setResultUrl", "https://app.example.com/first")),
        JavaStep.of("b", (e, api) -> returned.set(api.call("transaction.setResultUrl",
            "https://app.example.com/done?from=reset&lang=en", Map.of("query", Map.of("lang", "fr", "ref", "a b"))))));

    assertThat(returned.get()).isNull();
    assertThat(record.outcome()).isEqualTo(Map.of(
        "result", "proceed", "result_url", "https://app.example.com/done?from=reset&lang=fr&ref=a%20b"));
  }

  @Test
  void setResultUrlRefusesUnsafeOrInvalidUrls() {
    var record = engine.run(TRIGGER, event, JavaStep.of("a", (e, api) -> {
      String m = "transaction.setResultUrl";
      assertThatThrownBy(() -> api.call(m, "javascript:alert(1)")).hasMessageContaining("must be an absolute http(s) URL");
      assertThatThrownBy(() -> api.call(m, "/relative/path")).hasMessageContaining("must be an absolute http(s) URL");
      assertThatThrownBy(() -> api.call(m, "https://user:pw@evil.example.com/")).hasMessageContaining("must not carry credentials");
      assertThatThrownBy(() -> api.call(m, "https://ok.example.com", Map.of("query", Map.of("n", 1))))
          .isInstanceOfSatisfying(ApiCallException.class, x -> assertThat(x.errorName()).isEqualTo("TypeError"))
          .hasMessageContaining("options.query.n must be a string, got number");
      assertThatThrownBy(() -> api.call(m, "https://bad host/")).hasMessageContaining("url is not a valid URL");
    }));

    assertThat(record.commands()).isEmpty();
    assertThat(record.outcome()).isEqualTo(Map.of("result", "proceed"));
  }

  @Test
  void failsAFlowOfMoreThanFourActions() {
    JavaStep noop = JavaStep.of("noop", (e, api) -> {});

    var four = engine.run(TRIGGER, event, noop, noop, noop, noop);
    var five = engine.run(TRIGGER, event, noop, noop, noop, noop, noop);

    assertThat(four.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(five.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(five.error().message()).isEqualTo("password-reset-post-challenge allows at most 4 actions, but this flow ran 5");
  }

  @Test
  void sharesTheCacheBetweenActions() {
    AtomicReference<Object> read = new AtomicReference<>();

    engine.run(TRIGGER, event,
        JavaStep.of("a", (e, api) -> api.call("cache.set", "risk", "low")),
        JavaStep.of("b", (e, api) -> read.set(api.call("cache.get", "risk"))));

    assertThat(Handlers.obj(read.get())).containsEntry("value", "low");
  }

  @Test
  void callingAPostLoginOnlyMethodIsATypeError() {
    AtomicReference<ApiCallException> thrown = new AtomicReference<>();

    var record = engine.run(TRIGGER, event, JavaStep.of("a", (e, api) -> {
      try {
        api.call("authentication.enrollWith", Map.of("type", "otp"));
      } catch (ApiCallException x) {
        thrown.set(x);
      }
      api.call("user.setAppMetadata", "k", "v");
    }));

    assertThat(thrown.get().errorName()).isEqualTo("TypeError");
    assertThat(thrown.get().getMessage()).isEqualTo("api.authentication.enrollWith is not a function");
    assertThat(record.error().message()).contains("TypeError: api.user.setAppMetadata is not a function");
  }
}
