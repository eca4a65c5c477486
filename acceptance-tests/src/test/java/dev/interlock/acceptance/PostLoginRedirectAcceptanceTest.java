package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.at;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.json;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.common.Hs256;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The full post-login redirect protocol: encodeToken and sendUserTo suspend the flow, the external
 * site (simulated here with the same HS256 signing) answers with a token that carries the state,
 * and onContinuePostLogin validates it before the rest of the flow runs.
 */
class PostLoginRedirectAcceptanceTest {
  private static final String TRIGGER = "post-login";
  private static final String SECRET = "consent-signing-secret-0123456789";
  private static final String USER_ID = "auth0|65a4f1c2e1d2b3a4c5d6e7f8";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  private AdHocAction consent() {
    return action(TRIGGER, "consent-redirect", Map.of("CONSENT_SECRET", SECRET));
  }

  private ExecutionRecord startLogin() {
    return run(engine, TRIGGER, PostLoginEvent.builder().build(), consent(), action(TRIGGER, "after-consent")).record();
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** What the consent site sends back: a token signed with the shared secret, carrying the state. */
  private static String answer(String state, String secret, boolean accepted) {
    long now = Instant.now().getEpochSecond();
    return Hs256.sign(
        json("sub", USER_ID, "iss", "login.example.com", "iat", now, "exp", now + 120, "state", state,
            "accepted", accepted, "accepted_at", "2026-11-23T15:00:00Z"),
        secret);
  }

  @Test
  void suspendsWithARedirectUrlCarryingTheSessionTokenAndTheState() {
    ExecutionRecord r = startLogin();

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(result(r, "consent-redirect").status()).isEqualTo(ActionStatus.SUSPENDED);
    assertThat(commandNames(r, "consent-redirect")).containsExactly("transaction.setMetadata", "redirect.sendUserTo");
    assertThat(result(r, "after-consent").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(r.continuation().resumeHandler()).isEqualTo("onContinuePostLogin");
    String url = r.continuation().redirectUrl();
    assertThat(url).startsWith("https://consent.example.com/terms?");
    Map<String, String> q = query(url);
    assertThat(q).containsEntry("state", r.continuation().state()).containsEntry("lang", "en");
    Hs256.Token token = Hs256.verify(q.get("session_token"), SECRET);
    assertThat(token.claims())
        .containsEntry("email", "jane@example.com")
        .containsEntry("continue_uri", "https://login.example.com/continue")
        .containsEntry("sub", USER_ID)
        .containsEntry("iss", "login.example.com")
        .containsEntry("ip", "203.0.113.10");
    assertThat(((Number) token.claims().get("exp")).longValue() - ((Number) token.claims().get("iat")).longValue())
        .isEqualTo(300);
    assertThat(logs(r, "consent-redirect")).containsExactly("sent to consent page");
  }

  @Test
  void resumesInOnContinuePostLoginWithTheValidatedPayloadAndRunsTheRestOfTheFlow() {
    ExecutionRecord suspended = startLogin();
    String state = suspended.continuation().state();

    ExecutionRecord r =
        engine.resume(state, ResumeRequest.of(json("state", state, "session_token", answer(state, SECRET, true)), json()))
            .record();

    assertThat(r.id()).isEqualTo(suspended.id());
    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.continuation()).isNull();
    assertThat(result(r, "consent-redirect").status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(result(r, "consent-redirect").handler()).isEqualTo("onContinuePostLogin");
    assertThat(logs(r, "consent-redirect")).containsExactly("sent to consent page", "consent accepted, risk low");
    assertThat(commandNames(r, "consent-redirect"))
        .containsExactly("transaction.setMetadata", "redirect.sendUserTo", "user.setAppMetadata", "idToken.setCustomClaim");
    assertThat(logs(r, "after-consent")).containsExactly("after consent: consent_given=true, risk=low");
    assertThat(at(r.outcome(), "id_token", "custom_claims", "https://example.com/consent_at")).isEqualTo("2026-11-23T15:00:00Z");
    assertThat(at(r.outcome(), "access_token", "custom_claims", "https://example.com/consented")).isEqualTo(true);
    assertThat(at(r.outcome(), "user", "app_metadata")).isEqualTo(Map.of("consent_given", true));
    assertThat(at(r.outcome(), "transaction", "metadata")).isEqualTo(Map.of("risk", "low"));
    assertThat(engine.interlock().executor().find(r.id()).orElseThrow().status()).isEqualTo(ExecutionStatus.COMPLETED);
  }

  @Test
  void readsTheReturnedTokenFromAPostBody() {
    ExecutionRecord suspended = startLogin();
    String state = suspended.continuation().state();

    ExecutionRecord r =
        engine.resume(suspended.id().value(),
                ResumeRequest.of(json("state", state), json("session_token", answer(state, SECRET, false))))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(logs(r, "consent-redirect")).contains("consent declined, risk low");
    assertThat(at(r.outcome(), "access", "reason")).isEqualTo("Terms of service not accepted");
    assertThat(result(r, "after-consent").status()).isEqualTo(ActionStatus.SKIPPED);
  }

  @Test
  void failsTheFlowWhenTheReturnedTokenIsSignedWithAnotherSecret() {
    ExecutionRecord suspended = startLogin();
    String state = suspended.continuation().state();

    ExecutionRecord r =
        engine.resume(state,
                ResumeRequest.of(json("state", state, "session_token", answer(state, "not-the-shared-secret", true)), json()))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.error().actionName()).isEqualTo("consent-redirect");
    assertThat(r.error().message()).contains("The session token is invalid: Failed signature validation");
    assertThat(result(r, "consent-redirect").status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result(r, "after-consent").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(at(r.outcome(), "user", "app_metadata")).isEqualTo(Map.of());
  }

  @Test
  void failsTheFlowWhenTheTokenWasIssuedForAnotherState() {
    ExecutionRecord suspended = startLogin();
    String state = suspended.continuation().state();

    ExecutionRecord r =
        engine.resume(state,
                ResumeRequest.of(json("state", state, "session_token", answer("another-state", SECRET, true)), json()))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("The session token is invalid: State in the token does not match the /continue state.");
  }

  @Test
  void failsTheFlowWhenTheSessionTokenParameterIsMissing() {
    ExecutionRecord suspended = startLogin();
    String state = suspended.continuation().state();

    ExecutionRecord r = engine.resume(state, ResumeRequest.of(json("state", state), json())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message())
        .contains("There is no parameter called 'session_token' available in either the POST body or query string.");
  }

  @Test
  void neverWritesTheActionSecretIntoTheRecord() {
    ExecutionRecord suspended = startLogin();
    String state = suspended.continuation().state();
    ExecutionRecord r =
        engine.resume(state, ResumeRequest.of(json("state", state, "session_token", answer(state, SECRET, true)), json()))
            .record();

    String json = ExecutionRecordJson.write(r);

    assertThat(json).doesNotContain(SECRET);
    assertThat(ExecutionRecordJson.write(suspended)).doesNotContain(SECRET);
  }

  @Test
  void failsTheFlowWhenTheReturnedTokenHasExpired() {
    ExecutionRecord suspended = startLogin();
    String state = suspended.continuation().state();
    long past = Instant.now().getEpochSecond() - 600;
    String expired = Hs256.sign(
        json("sub", USER_ID, "iss", "login.example.com", "iat", past, "exp", past + 60, "state", state, "accepted", true),
        SECRET);

    ExecutionRecord r =
        engine.resume(state, ResumeRequest.of(json("state", state, "session_token", expired), json())).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("The session token is invalid: Token has expired.");
  }

  @Test
  void readsTheTokenFromACustomParameterName() {
    String secret = "step-up-secret-xyz";
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostLoginEvent.builder().build(),
                action(TRIGGER, "step-up-custom-param", Map.of("STEPUP_SECRET", secret)))
            .record();
    String state = suspended.continuation().state();
    long now = Instant.now().getEpochSecond();
    String token = Hs256.sign(
        json("sub", USER_ID, "iss", "login.example.com", "iat", now, "exp", now + 60, "state", state,
            "amr", java.util.List.of("pwd", "hwk")),
        secret);

    ExecutionRecord r = engine.resume(state, ResumeRequest.of(json("state", state), json("result", token))).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "step-up-custom-param")).containsExactly("step-up methods: pwd+hwk");
    assertThat(at(r.outcome(), "access_token", "custom_claims", "https://example.com/amr")).isEqualTo(java.util.List.of("pwd", "hwk"));
  }

  @Test
  void encodesQueryValuesAndKeepsTheFragment() {
    ExecutionRecord r =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "redirect-special-query")).record();

    String url = r.continuation().redirectUrl();
    assertThat(url).startsWith("https://partner.example.com/auth?").endsWith("#top");
    URI uri = URI.create(url);
    assertThat(uri.getRawQuery()).contains("note=a%20b%26c%3Dd%2F%C3%A9", "email=jane%40example.com", "next=%2Fhome",
        "state=" + r.continuation().state());
  }

  /** WHATWG {@code URLSearchParams.set}, which Auth0 uses, replaces only the named parameters. */
  @Test
  void keepsRepeatedQueryParametersOfTheTargetUrl() {
    ExecutionRecord r =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "redirect-special-query")).record();

    assertThat(URI.create(r.continuation().redirectUrl()).getRawQuery()).contains("scope=read", "scope=write");
  }
}
