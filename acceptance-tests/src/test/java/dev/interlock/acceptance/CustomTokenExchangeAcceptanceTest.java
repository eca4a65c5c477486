package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.tokenexchange.CustomTokenExchangeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** custom-token-exchange v1 through Rhino: user selection, the exactly-one-user rule, rejection. */
class CustomTokenExchangeAcceptanceTest {
  private static final String TRIGGER = "custom-token-exchange";
  private static final Map<String, String> LEGACY = Map.of("LEGACY_SIGNATURE", "c2lnbmF0dXJl");

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void selectsTheUserOfAValidLegacyToken() {
    Map<String, Object> event = CustomTokenExchangeEvent.builder().subjectToken("legacy.42.c2lnbmF0dXJl").build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "exchange-legacy-token", LEGACY)).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "exchange-legacy-token")).containsExactly("exchanged legacy session of 42");
    assertThat(r.outcome())
        .containsEntry("user", Map.of("user_id", "legacy|42"))
        .containsEntry("app_metadata", Map.of("migrated_from", "legacy"))
        .containsEntry("issue_refresh_token", true);
  }

  private static final Map<String, String> PARTNER = Map.of("PARTNER_SECRET", "partner-shared-secret-0123456789");

  /** An HS256 JWT as the partner would issue it, signed here with the JDK. */
  private static String partnerToken(long expiresInSeconds) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    long exp = System.currentTimeMillis() / 1000 + expiresInSeconds;
    String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "." + b64.encodeToString(("{\"sub\":\"p-17\",\"iss\":\"https://partner.example.com\",\"aud\":\"https://api.example.com\","
            + "\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(PARTNER.get("PARTNER_SECRET").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void exchangesAPartnerJwtValidatedWithJose() throws Exception {
    Map<String, Object> event = CustomTokenExchangeEvent.builder().subjectToken(partnerToken(300)).build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "exchange-partner-jwt", PARTNER)).record();

    assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.outcome()).containsEntry("user", Map.of("user_id", "partner|p-17"));
  }

  @Test
  void rejectsAnExpiredOrForgedPartnerJwt() throws Exception {
    Map<String, Object> expired = CustomTokenExchangeEvent.builder().subjectToken(partnerToken(-60)).build();
    String valid = partnerToken(300);
    Map<String, Object> forged = CustomTokenExchangeEvent.builder()
        .subjectToken(valid.substring(0, valid.length() - 4) + "AAAA").build();

    ExecutionRecord late = run(engine, TRIGGER, expired, action(TRIGGER, "exchange-partner-jwt", PARTNER)).record();
    ExecutionRecord bad = run(engine, TRIGGER, forged, action(TRIGGER, "exchange-partner-jwt", PARTNER)).record();

    assertThat(late.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(late.outcome()).containsEntry("error_description", "subject token expired");
    assertThat(bad.outcome()).containsEntry("error_description", "subject token rejected: ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
  }

  @Test
  void rejectsAnInvalidSubjectToken() {
    Map<String, Object> event = CustomTokenExchangeEvent.builder().subjectToken("legacy.42.forged").build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "exchange-legacy-token", LEGACY)).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(result(r, "exchange-legacy-token").status()).isEqualTo(ActionStatus.DENIED);
    assertThat(r.outcome())
        .isEqualTo(Map.of("error", "invalid_request",
            "error_description", "subject token is not a valid legacy session token", "invalid_subject_token", true));
  }

  @Test
  void selectsAUserByConnectionWithItsBehaviours() {
    ExecutionRecord r =
        run(engine, TRIGGER, CustomTokenExchangeEvent.builder().build(), action(TRIGGER, "exchange-by-connection")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.outcome().get("user"))
        .isEqualTo(Map.of(
            "connection", "partner-directory",
            "user_attributes", Map.of("user_id", "ext-7781", "email", "ext.user@example.com", "email_verified", true,
                "given_name", "Ext", "name", "Ext User"),
            "creation_behavior", "create_if_not_exists",
            "update_behavior", "none"));
  }

  @Test
  void failsTheExchangeWhenNoUserWasSelected() {
    ExecutionRecord r =
        run(engine, TRIGGER, CustomTokenExchangeEvent.builder().build(), action(TRIGGER, "selects-nobody")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.error().message()).contains("selected no user").contains("exactly once");
    assertThat(result(r, "selects-nobody").status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(r.outcome()).isEmpty();
  }

  @Test
  void failsTheExchangeWhenTwoUsersWereSelected() {
    ExecutionRecord r =
        run(engine, TRIGGER, CustomTokenExchangeEvent.builder().build(), action(TRIGGER, "selects-two-users")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("selected 2 users").contains("exactly one user");
  }

  @Test
  void letsTheScriptCatchInvalidConnectionArguments() {
    ExecutionRecord r =
        run(engine, TRIGGER, CustomTokenExchangeEvent.builder().build(), action(TRIGGER, "bad-connection-options")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "bad-connection-options")).singleElement().asString().startsWith("TypeError: ");
    assertThat(r.outcome().get("user")).isEqualTo(Map.of("user_id", "auth0|fallback"));
  }

  @Test
  void refusesASecondActionForTheSameProfile() {
    Map<String, Object> event = CustomTokenExchangeEvent.builder().subjectToken("legacy.42.c2lnbmF0dXJl").build();

    ExecutionRecord r =
        run(engine, TRIGGER, event, action(TRIGGER, "exchange-legacy-token", LEGACY), action(TRIGGER, "selects-nobody"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().message()).contains("runs exactly one action per profile");
  }
}
