package dev.interlock.trigger.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.core.trigger.common.Hs256;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostChallengeRedirectTest {
  private static final String TRIGGER = "password-reset-post-challenge";
  private static final String SECRET = "shared-with-verify.example.com";
  private static final String USER = "auth0|5f7c8ec7c33c6c004bbafe82";
  private final EngineFixture engine = EngineFixture.of(new PasswordFamily());
  private final Map<String, Object> event = PostChallengeEvent.builder().userId(USER).hostname("login.example.com").build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static String tokenFromTheExternalSite(String state, String secret, long expiresIn) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", USER);
    claims.put("iss", "login.example.com");
    claims.put("iat", now);
    claims.put("exp", now + expiresIn);
    claims.put("state", state);
    claims.put("verified", true);
    return Hs256.sign(claims, secret);
  }

  @Test
  void sendUserToSuspendsAndResumesInOnContinuePostChallengeWhereValidateTokenReturnsThePayload() {
    AtomicReference<Object> returned = new AtomicReference<>("unset");
    AtomicReference<Object> payload = new AtomicReference<>();
    AtomicBoolean laterRan = new AtomicBoolean();
    engine.deployAndBind(TRIGGER, new JavaStep("verify", Handlers.of(
        (e, api) -> returned.set(api.call("redirect.sendUserTo", "https://verify.example.com/start?x=1&lang=en",
            Map.of("query", Map.of("x", "2")))),
        (e, api) -> payload.set(api.call("redirect.validateToken", Map.of("secret", SECRET)))), Map.of()));
    engine.deployAndBind(TRIGGER, JavaStep.of("later", (e, api) -> laterRan.set(true)));

    var suspended = (ExecutionResult.Suspended) engine.execute(TRIGGER, event);
    String state = suspended.continuation().state();
    var resumed = engine.resume(state,
        ResumeRequest.of(Map.of("state", state), Map.of("session_token", tokenFromTheExternalSite(state, SECRET, 60))));

    assertThat(returned.get()).isNull();
    assertThat(suspended.continuation().redirectUrl()).isEqualTo("https://verify.example.com/start?x=2&lang=en&state=" + state);
    assertThat(suspended.continuation().resumeHandler()).isEqualTo("onContinuePostChallenge");
    assertThat(laterRan).isTrue();
    assertThat(Handlers.obj(payload.get())).containsEntry("verified", true).containsEntry("sub", USER);
    assertThat(resumed.record().status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(resumed.outcome()).isEqualTo(Map.of("result", "proceed"));
  }

  @Test
  void validateTokenRefusesMissingForgedMismatchedAndExpiredTokens() {
    AtomicReference<List<String>> errors = new AtomicReference<>();
    engine.deployAndBind(TRIGGER, new JavaStep("verify", Handlers.of(
        (e, api) -> api.call("redirect.sendUserTo", "https://verify.example.com/"),
        (e, api) -> {
          List<String> messages = new java.util.ArrayList<>();
          for (String name : List.of("absent", "forged", "other_state", "expired")) {
            try {
              api.call("redirect.validateToken", Map.of("secret", SECRET, "tokenParameterName", name));
            } catch (RuntimeException x) {
              messages.add(x.getMessage());
            }
          }
          errors.set(messages);
        }), Map.of()));

    String state = ((ExecutionResult.Suspended) engine.execute(TRIGGER, event)).continuation().state();
    engine.resume(state, ResumeRequest.of(Map.of("state", state), Map.of(
        "forged", tokenFromTheExternalSite(state, "not-the-secret", 60),
        "other_state", tokenFromTheExternalSite("state_somebody_else", SECRET, 60),
        "expired", tokenFromTheExternalSite(state, SECRET, -5))));

    assertThat(errors.get()).containsExactly(
        "There is no parameter called 'absent' available in either the POST body or query string.",
        "The session token is invalid: Failed signature validation",
        "The session token is invalid: State in the token does not match the /continue state.",
        "The session token is invalid: Token has expired.");
  }

  @Test
  void encodeTokenSignsThePayloadWithTheDocumentedClaims() {
    AtomicReference<Object> token = new AtomicReference<>();

    engine.run(TRIGGER, event, JavaStep.of("a", (e, api) -> token.set(api.call("redirect.encodeToken",
        Map.of("secret", SECRET, "payload", Map.of("reason", "step-up"), "expiresInSeconds", 60)))));

    Map<String, Object> claims = Hs256.verify((String) token.get(), SECRET).claims();
    assertThat(claims).containsEntry("iss", "login.example.com").containsEntry("sub", USER)
        .containsEntry("ip", "203.0.113.9").containsEntry("reason", "step-up");
    assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(60);
  }

  @Test
  void encodeTokenRequiresASecretAndAPayload() {
    engine.run(TRIGGER, event, JavaStep.of("a", (e, api) -> {
      assertThatThrownBy(() -> api.call("redirect.encodeToken", Map.of("payload", Map.of())))
          .hasMessageContaining("options.secret must be a non-empty string");
      assertThatThrownBy(() -> api.call("redirect.encodeToken", Map.of("secret", SECRET)))
          .hasMessageContaining("options.payload must be an object");
    }));
  }

  @Test
  void sendUserToRefusesARelativeUrl() {
    var record = engine.run(TRIGGER, event, JavaStep.of("a", (e, api) -> api.call("redirect.sendUserTo", "/verify")));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("url must be an absolute URL");
  }
}
