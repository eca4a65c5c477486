package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.at;
import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.rejection;
import static dev.interlock.trigger.signuplogin.Flows.resumable;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.Continuation;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.common.Hs256;
import dev.interlock.testkit.EngineFixture;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedirectProtocolTest {
  private static final String SECRET = "a-shared-secret-of-sufficient-length";
  private static final String USER = "auth0|65a4f1c2e1d2b3a4c5d6e7f8";
  private final EngineFixture engine = Flows.engine();
  private final AtomicReference<Object> validated = new AtomicReference<>();
  private final AtomicReference<ApiCallException> refused = new AtomicReference<>();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void redirectsAndResumesInTheSameActionThenRunsTheRestOfTheFlow() {
    AtomicReference<Object> metadataOnContinue = new AtomicReference<>();
    AtomicReference<Object> metadataLater = new AtomicReference<>();
    engine.deployAndBind("post-login", step("verify", resumable(
        (e, api) -> {
          String token = (String) api.call("redirect.encodeToken",
              Map.of("secret", SECRET, "payload", Map.of("purpose", "verify-phone")));
          api.call("transaction.setMetadata", "step", "redirected");
          Object chained = api.call("redirect.sendUserTo", "https://verify.example.com/start?lang=en",
              Map.of("query", Map.of("session_token", token, "lang", "pt")));
          assertThat(chained).isNotNull();
        },
        (e, api) -> {
          metadataOnContinue.set(at(e, "transaction", "metadata"));
          Map<?, ?> payload = (Map<?, ?>) api.call("redirect.validateToken", Map.of("secret", SECRET));
          api.call("accessToken.setCustomClaim", "https://example.com/phone_verified", payload.get("verified"));
        })).withSecrets(Map.of("SECRET", SECRET)));
    engine.deployAndBind("post-login", step("later", (e, api) -> metadataLater.set(at(e, "transaction", "metadata"))));

    ExecutionResult first = engine.execute("post-login", PostLoginEvent.builder().build());

    assertThat(first).isInstanceOf(ExecutionResult.Suspended.class);
    Continuation c = ((ExecutionResult.Suspended) first).continuation();
    assertThat(c.resumeHandler()).isEqualTo("onContinuePostLogin");
    Map<String, String> query = query(c.redirectUrl());
    assertThat(c.redirectUrl()).startsWith("https://verify.example.com/start?");
    assertThat(query).containsEntry("lang", "pt").containsEntry("state", c.state());
    Map<String, Object> sent = Hs256.verify(query.get("session_token"), SECRET).claims();
    assertThat(sent).containsEntry("sub", USER).containsEntry("iss", "login.example.com")
        .containsEntry("ip", "203.0.113.10").containsEntry("purpose", "verify-phone");
    assertThat(((Number) sent.get("exp")).longValue() - ((Number) sent.get("iat")).longValue()).isEqualTo(900);
    assertThat(outcome(first.record(), "interaction", "type")).isEqualTo("redirect");

    String answer = externalSiteToken(c.state(), SECRET, Instant.now().getEpochSecond() + 60, Map.of("verified", true));
    ExecutionRecord done = engine.resume(c.state(),
        ResumeRequest.of(Map.of("state", c.state()), Map.of("session_token", answer))).record();

    assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(metadataOnContinue.get()).isEqualTo(Map.of("step", "redirected"));
    assertThat(metadataLater.get()).isEqualTo(Map.of("step", "redirected"));
    assertThat(outcome(done, "access_token", "custom_claims")).isEqualTo(Map.of("https://example.com/phone_verified", true));
    assertThat(outcome(done, "transaction", "metadata")).isEqualTo(Map.of("step", "redirected"));
  }

  @Test
  void validateTokenFailsWithoutTheTokenParameter() {
    resumeWith(c -> ResumeRequest.of(Map.of("state", c.state()), Map.of()), Map.of("secret", SECRET));

    assertThat(refused.get().getMessage()).isEqualTo(
        "There is no parameter called 'session_token' available in either the POST body or query string.");
  }

  @Test
  void validateTokenRefusesAWrongSignature() {
    resumeWith(c -> withToken(c, externalSiteToken(c.state(), "another-secret", future(), Map.of())), Map.of("secret", SECRET));

    assertThat(refused.get().getMessage()).isEqualTo("The session token is invalid: Failed signature validation");
  }

  @Test
  void validateTokenRefusesAnExpiredToken() {
    resumeWith(c -> withToken(c, externalSiteToken(c.state(), SECRET, Instant.now().getEpochSecond() - 5, Map.of())),
        Map.of("secret", SECRET));

    assertThat(refused.get().getMessage()).isEqualTo("The session token is invalid: Token has expired.");
  }

  @Test
  void validateTokenRefusesAStateThatDoesNotMatchTheContinueRequest() {
    resumeWith(c -> withToken(c, externalSiteToken("some-other-state", SECRET, future(), Map.of())), Map.of("secret", SECRET));

    assertThat(refused.get().getMessage())
        .isEqualTo("The session token is invalid: State in the token does not match the /continue state.");
  }

  @Test
  void validateTokenRefusesATokenForAnotherUser() {
    resumeWith(c -> withToken(c, externalSiteToken(c.state(), SECRET, future(), Map.of("sub", "auth0|mallory"))),
        Map.of("secret", SECRET));

    assertThat(refused.get().getMessage()).isEqualTo("The session token is invalid: The sub claim does not match the user_id.");
  }

  @Test
  void validateTokenRefusesATokenIssuedForAnotherHost() {
    resumeWith(c -> withToken(c, externalSiteToken(c.state(), SECRET, future(), Map.of("iss", "evil.example.net"))),
        Map.of("secret", SECRET));

    assertThat(refused.get().getMessage())
        .isEqualTo("The session token is invalid: The iss claim does not match the request hostname.");
  }

  @Test
  void validateTokenRefusesATokenWithoutStandardClaims() {
    resumeWith(c -> withToken(c, Hs256.sign(Map.of("state", c.state(), "sub", USER), SECRET)), Map.of("secret", SECRET));

    assertThat(refused.get().getMessage()).isEqualTo("The session token is invalid: Missing or invalid standard claims");
  }

  @Test
  void validateTokenReadsACustomParameterWithTheBodyOverridingTheQuery() {
    resumeWith(c -> {
      String good = externalSiteToken(c.state(), SECRET, future(), Map.of("answer", "from-body"));
      String bad = externalSiteToken(c.state(), "wrong", future(), Map.of());
      return ResumeRequest.of(Map.of("state", c.state(), "t", bad), Map.of("t", good));
    }, Map.of("secret", SECRET, "tokenParameterName", "t"));

    assertThat(refused.get()).isNull();
    assertThat(((Map<?, ?>) validated.get()).get("answer")).isEqualTo("from-body");
  }

  @Test
  void encodeTokenValidatesItsOptions() {
    assertThat(postLoginRejection((e, api) -> api.call("redirect.encodeToken", Map.of("payload", Map.of()))).getMessage())
        .contains("options.secret must be a non-empty string");
    assertThat(postLoginRejection((e, api) -> api.call("redirect.encodeToken", Map.of("secret", "s"))).getMessage())
        .contains("options.payload must be an object");
    assertThat(postLoginRejection((e, api) -> api.call("redirect.encodeToken",
        Map.of("secret", "s", "payload", Map.of(), "expiresInSeconds", -1))).getMessage())
        .contains("expiresInSeconds must be a positive number");
  }

  @Test
  void sendUserToRefusesRelativeUrlsAndNonStringQueryValues() {
    assertThat(postLoginRejection((e, api) -> api.call("redirect.sendUserTo", "/relative")).getMessage())
        .contains("url must be an absolute URL");
    assertThat(postLoginRejection((e, api) -> api.call("redirect.sendUserTo", "https://x.example.com",
        Map.of("query", Map.of("n", 1)))).getMessage()).contains("options.query.n must be a string");
  }

  @Test
  void canRedirectIsFalseForPromptNoneAndNonInteractiveProtocols() {
    AtomicReference<Object> interactive = new AtomicReference<>();
    AtomicReference<Object> silent = new AtomicReference<>();
    AtomicReference<Object> ropg = new AtomicReference<>();

    engine.run("post-login", PostLoginEvent.builder().build(), step("a", (e, api) -> interactive.set(api.call("redirect.canRedirect"))));
    engine.run("post-login", PostLoginEvent.builder().request(r -> r.query("prompt", "none")).build(),
        step("b", (e, api) -> silent.set(api.call("redirect.canRedirect"))));
    engine.run("post-login", PostLoginEvent.builder().transaction(t -> t.protocol("oauth2-resource-owner")).build(),
        step("c", (e, api) -> ropg.set(api.call("redirect.canRedirect"))));

    assertThat(interactive.get()).isEqualTo(true);
    assertThat(silent.get()).isEqualTo(false);
    assertThat(ropg.get()).isEqualTo(false);
  }

  @Test
  void sendUserToFailsWithInteractionRequiredInASilentFlow() {
    Map<String, Object> silent = PostLoginEvent.builder().request(r -> r.query("prompt", "none")).build();

    assertThat(rejection("post-login", silent, (e, api) -> api.call("redirect.sendUserTo", "https://x.example.com")).getMessage())
        .contains("interaction_required");
  }

  private void resumeWith(java.util.function.Function<Continuation, ResumeRequest> request, Map<String, Object> options) {
    engine.deployAndBind("post-login", step("r", resumable(
        (e, api) -> api.call("redirect.sendUserTo", "https://ext.example.com"),
        (e, api) -> {
          try {
            validated.set(api.call("redirect.validateToken", options));
          } catch (ApiCallException x) {
            refused.set(x);
          }
        })));
    Continuation c = ((ExecutionResult.Suspended) engine.execute("post-login", PostLoginEvent.builder().build())).continuation();
    engine.resume(c.state(), request.apply(c));
  }

  private static ResumeRequest withToken(Continuation c, String token) {
    return ResumeRequest.of(Map.of("state", c.state()), Map.of("session_token", token));
  }

  private static long future() {
    return Instant.now().getEpochSecond() + 300;
  }

  /** What the external site sends back: a token bound to the state, signed with the shared secret. */
  private static String externalSiteToken(String state, String secret, long exp, Map<String, Object> extra) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", USER);
    claims.put("iss", "login.example.com");
    claims.put("iat", Instant.now().getEpochSecond());
    claims.put("exp", exp);
    claims.put("state", state);
    claims.putAll(extra);
    return Hs256.sign(claims, secret);
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }
}
