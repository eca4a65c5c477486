package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.at;
import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.rejection;
import static dev.interlock.trigger.signuplogin.Flows.resumable;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationApiTest {
  private static final Map<String, Object> OTP = Map.of("type", "otp");
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void requiresMfaAtTheEndOfTheFlowWithoutSuspending() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("mfa", (e, api) -> api.call("multifactor.enable", "duo", Map.of("allowRememberBrowser", true,
            "providerOptions", Map.of("host", "api-x.duosecurity.com", "ikey", "DI", "skey", "secret")))),
        step("after", (e, api) -> {}));

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(outcome(r, "multifactor", "provider")).isEqualTo("duo");
    assertThat(outcome(r, "multifactor", "allow_remember_browser")).isEqualTo(true);
  }

  @Test
  void refusesUnknownMfaProvidersAndProviderOptionsForOtherProviders() {
    assertThat(postLoginRejection((e, api) -> api.call("multifactor.enable", "sms")).getMessage())
        .contains("provider must be one of [any, duo, google-authenticator, guardian, none]");
    assertThat(postLoginRejection((e, api) -> api.call("multifactor.enable", "guardian",
        Map.of("providerOptions", Map.of("host", "h", "ikey", "i", "skey", "s")))).getMessage())
        .contains("only allowed for provider 'duo'");
    assertThat(postLoginRejection((e, api) -> api.call("multifactor.enable", "any", Map.of("allowRememberBrowser", "yes")))
        .getMessage()).contains("allowRememberBrowser must be a boolean");
  }

  @Test
  void challengeSuspendsAfterTheActionAndResumesWithTheNextOne() {
    AtomicReference<Object> methodsSeenAfter = new AtomicReference<>();
    engine.deployAndBind("post-login", step("challenge", (e, api) ->
        api.call("authentication.challengeWith", OTP, Map.of("additionalFactors", List.of(Map.of("type", "email"))))));
    engine.deployAndBind("post-login", step("after", (e, api) -> methodsSeenAfter.set(at(e, "authentication", "methods"))));

    ExecutionResult first = engine.execute("post-login", PostLoginEvent.builder().build());

    assertThat(first).isInstanceOf(ExecutionResult.Suspended.class);
    var continuation = ((ExecutionResult.Suspended) first).continuation();
    assertThat(continuation.resumeHandler()).isNull();
    assertThat(continuation.details()).containsEntry("type", "mfa").containsEntry("command", "challengeWith");
    assertThat(outcome(first.record(), "authentication", "mfa"))
        .isEqualTo(List.of(Map.of("kind", "challenge", "command", "challengeWith", "factors", List.of(OTP, Map.of("type", "email")))));

    List<Object> methods = List.of(Map.of("name", "mfa", "timestamp", "2024-06-01T10:01:00.000Z", "type", "otp"));
    ExecutionResult resumed = engine.resume(continuation.state(),
        new ResumeRequest(Map.of("query", Map.of(), "body", Map.of()), Map.of("authentication", Map.of("methods", methods))));

    assertThat(resumed.record().status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(methodsSeenAfter.get()).isEqualTo(methods);
  }

  @Test
  void refusesAFifthMfaCommandInOneFlow() {
    assertThat(postLoginRejection((e, api) -> {
      api.call("authentication.challengeWith", OTP);
      api.call("authentication.challengeWithAny", List.of(OTP));
      api.call("authentication.enrollWith", OTP);
      api.call("authentication.enrollWithAny", List.of(OTP));
      api.call("authentication.challengeWith", OTP);
    }).getMessage()).contains("at most 4");
  }

  @Test
  void validatesFactorSelectors() {
    assertThat(postLoginRejection((e, api) -> api.call("authentication.enrollWith", Map.of("type", "email"))).getMessage())
        .contains("factor.type must be one of");
    assertThat(postLoginRejection((e, api) -> api.call("authentication.challengeWithAny", List.of())).getMessage())
        .contains("factors must not be empty");
    assertThat(postLoginRejection((e, api) -> api.call("authentication.challengeWith",
        Map.of("type", "phone", "options", Map.of("preferredMethod", "fax")))).getMessage())
        .contains("preferredMethod must be one of");
    assertThat(postLoginRejection((e, api) -> api.call("authentication.enrollWithAny", List.of(OTP, "push"))).getMessage())
        .contains("factors[1] must be a factor selector object");
  }

  @Test
  void refusesMfaCommandsInNonInteractiveFlows() {
    Map<String, Object> refresh = PostLoginEvent.builder().transaction(t -> t.protocol("oauth2-refresh-token")).build();

    assertThat(rejection("post-login", refresh, (e, api) -> api.call("authentication.challengeWith", OTP)).getMessage())
        .contains("interaction_required");
  }

  @Test
  void recordsACustomMethodOnlyInTheResumeHandler() {
    assertThat(postLoginRejection((e, api) -> api.call("authentication.recordMethod", "https://idp.example.com"))
        .getMessage()).contains("can only be called in onContinuePostLogin");

    AtomicReference<Object> seenLater = new AtomicReference<>();
    engine.deployAndBind("post-login", step("redirect", resumable(
        (e, api) -> api.call("redirect.sendUserTo", "https://idp.example.com/verify"),
        (e, api) -> api.call("authentication.recordMethod", "https://idp.example.com/verify"))));
    engine.deployAndBind("post-login", step("later", (e, api) -> seenLater.set(at(e, "authentication", "methods"))));
    var suspended = (ExecutionResult.Suspended) engine.execute("post-login", PostLoginEvent.builder().build());

    ExecutionRecord r = engine.resume(suspended.continuation().state(),
        ResumeRequest.of(Map.of("state", suspended.continuation().state()), Map.of())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat((List<?>) seenLater.get()).hasSize(2);
    assertThat((List<?>) outcome(r, "authentication", "recorded_methods"))
        .singleElement().satisfies(m -> assertThat(((Map<?, ?>) m).get("name")).isEqualTo("https://idp.example.com/verify"));
  }

  @Test
  void refusesARecordedMethodThatIsNotAnHttpUrl() {
    ExecutionRecord r = runRedirectThenContinue("ftp://files.example.com");

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("provider_url must be an http(s) URL");
  }

  private ExecutionRecord runRedirectThenContinue(String url) {
    engine.deployAndBind("post-login", step("redirect", resumable(
        (e, api) -> api.call("redirect.sendUserTo", "https://idp.example.com/verify"),
        (e, api) -> api.call("authentication.recordMethod", url))));
    var suspended = (ExecutionResult.Suspended) engine.execute("post-login", PostLoginEvent.builder().build());
    return engine.resume(suspended.continuation().state(), ResumeRequest.of(Map.of(), Map.of())).record();
  }

  @Test
  void setsThePrimaryUserOnceAndDiscardsThatActionsMetadata() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("before", (e, api) -> api.call("user.setAppMetadata", "kept", true)),
        step("link", (e, api) -> {
          assertThat(api.call("authentication.setPrimaryUser", "auth0|primary")).isNull();
          api.call("user.setAppMetadata", "discarded", true);
        }));

    assertThat(outcome(r, "authentication", "primary_user")).isEqualTo("auth0|primary");
    assertThat(outcome(r, "user", "app_metadata")).isEqualTo(Map.of("kept", true));
  }

  @Test
  void refusesASecondPrimaryUserAndOverlongIds() {
    assertThat(postLoginRejection((e, api) -> {
      api.call("authentication.setPrimaryUser", "auth0|a");
      api.call("authentication.setPrimaryUser", "auth0|b");
    }).getMessage()).contains("only be set once per transaction");
    assertThat(postLoginRejection((e, api) -> api.call("authentication.setPrimaryUser", "x".repeat(129))).getMessage())
        .contains("at most 128 characters");
  }

  @Test
  void offersAPickerOrForcesEnrollmentWithTheOtherMfaCommands() {
    Map<String, Object> phone = Map.of("type", "phone", "options", Map.of("preferredMethod", "sms"));
    Map<String, Object> push = Map.of("type", "push-notification", "options", Map.of("otpFallback", true));

    ExecutionResult any = engine.runResult("post-login", PostLoginEvent.builder().build(),
        step("any", (e, api) -> api.call("authentication.challengeWithAny", List.of(OTP, phone))));
    ExecutionResult enroll = engine.runResult("post-login", PostLoginEvent.builder().build(),
        step("enroll", (e, api) -> api.call("authentication.enrollWith", push)));
    ExecutionResult enrollAny = engine.runResult("post-login", PostLoginEvent.builder().build(),
        step("enrollAny", (e, api) -> api.call("authentication.enrollWithAny", List.of(OTP, push))));

    assertThat(((ExecutionResult.Suspended) any).continuation().details())
        .containsEntry("command", "challengeWithAny").containsEntry("factors", List.of(OTP, phone))
        .doesNotContainKey("default_factor");
    assertThat(outcome(enroll.record(), "authentication", "mfa"))
        .isEqualTo(List.of(Map.of("kind", "enrollment", "command", "enrollWith", "factors", List.of(push))));
    assertThat(((ExecutionResult.Suspended) enrollAny).continuation().details())
        .containsEntry("command", "enrollWithAny").containsEntry("factors", List.of(OTP, push));
  }
}
