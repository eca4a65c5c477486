package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.at;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.execution.ScriptError;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real JavaScript action writing its secrets in encoded forms: none of them reach the record. */
class SecretMaskingAcceptanceTest {
  private static final String LOGIN = "post-login";
  /** Quote, backslash, slash, plus, equals, ampersand and space: every encoding differs from the value. */
  private static final String KEY = "sk_live_9f\"8e\\7d/6c+5b=4a&z y";
  private static final String WEBHOOK = "https://svc-bot:pw-8d7c6b5a@internal.invalid/hooks/T0001?token=tok_5e4d3c2b1a";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  private static List<String> formsOf(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
    return List.of(
        value,
        Base64.getEncoder().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
        HexFormat.of().formatHex(bytes),
        HexFormat.of().withUpperCase().formatHex(bytes),
        form,
        form.replace("+", "%20"),
        value.replace("\\", "\\\\").replace("\"", "\\\""),
        new StringBuilder(value).reverse().toString());
  }

  private static ExecutionRecord withoutOutcome(ExecutionRecord r) {
    return new ExecutionRecord(r.id(), r.triggerId(), r.triggerVersion(), r.status(), r.createdAt(), r.updatedAt(),
        r.durationMs(), r.error(), r.results(), Map.of(), r.continuation());
  }

  @Test
  void masksEveryEncodedFormOfASecretInLogsAndCommands() {
    ExecutionRecord r = run(engine, LOGIN, PostLoginEvent.builder().build(),
        action(LOGIN, "leaks-secret-forms", Map.of("API_KEY", KEY))).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    List<String> logs = logs(r, "leaks-secret-forms");
    assertThat(logs).hasSize(14).allSatisfy(line -> assertThat(line).contains("[secret]"));
    String recorded = String.join("\n", logs) + "\n" + result(r, "leaks-secret-forms").commands()
        + "\n" + ExecutionRecordJson.write(withoutOutcome(r));
    for (String form : formsOf(KEY)) {
      assertThat(recorded).doesNotContain(form);
    }
    assertThat(logs).contains("json {\"k\":\"[secret]\"}", "uri https://partner.test/cb?k=[secret]", "form k=[secret]&other=x",
        "object { k: '[secret]' }");
    // at offsets 1, 0 and 2 of the encoded credentials: only characters mixing in the client id's bits stay
    assertThat(logs).contains("basic Basic Y2xpZW50X2lkOn[secret]", "basic Basic aWQ6[secret]", "basic Basic Yzp[secret]");
  }

  @Test
  void keepsInTheOutcomeWhatTheActionDeliberatelyPassesOn() {
    ExecutionRecord r = run(engine, LOGIN, PostLoginEvent.builder().build(),
        action(LOGIN, "leaks-secret-forms", Map.of("API_KEY", KEY))).record();

    assertThat(at(r.outcome(), "access_token", "custom_claims", "https://example.com/b64"))
        .isEqualTo(Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void masksASecretSetAsTheErrorNameInTheErrorAndTheFlowsMessage() {
    ExecutionRecord r = run(engine, LOGIN, PostLoginEvent.builder().build(),
        action(LOGIN, "secret-error-name", Map.of("API_KEY", KEY))).record();

    ScriptError error = result(r, "secret-error-name").error();
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(error.name()).isEqualTo("[secret]");
    assertThat(error.message()).isEqualTo("lookup failed for [secret]");
    assertThat(error.stack()).startsWith("[secret]: lookup failed for [secret]").contains("secret-error-name:");
    assertThat(r.error().message()).isEqualTo("Action 'secret-error-name' failed at line 3: [secret]: lookup failed for [secret]");
    String json = ExecutionRecordJson.write(r);
    for (String form : formsOf(KEY)) {
      assertThat(json).doesNotContain(form);
    }
  }

  @Test
  void masksTheHostAndCredentialsOfAUrlValuedSecretInEgressErrors() {
    ExecutionRecord r = run(engine, LOGIN, PostLoginEvent.builder().build(),
        action(LOGIN, "fetches-secret-url", Map.of("WEBHOOK", WEBHOOK))).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(logs(r, "fetches-secret-url")).singleElement().asString().startsWith("webhook failed: ").contains("[secret]");
    assertThat(r.error().message()).contains("[secret]");
    String json = ExecutionRecordJson.write(r);
    for (String part : List.of("internal.invalid", "svc-bot", "pw-8d7c6b5a", "tok_5e4d3c2b1a", "/hooks/T0001")) {
      assertThat(json).doesNotContain(part);
    }
  }
}
