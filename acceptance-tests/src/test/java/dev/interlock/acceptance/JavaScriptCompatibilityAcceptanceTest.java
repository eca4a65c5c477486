package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.at;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.EngineConfig;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.json.Json;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import dev.interlock.trigger.signuplogin.SignupLoginFamily;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * What of today's JavaScript (Node 22 on Auth0) works in the Rhino runtime, how values cross into
 * the record, and how actions of one flow are kept apart.
 */
class JavaScriptCompatibilityAcceptanceTest {
  private static final String TRIGGER = "post-login";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  private ExecutionRecord runAlone(String name) {
    return run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, name)).record();
  }

  @Test
  void runsModernLanguageFeatures() {
    Map<String, Object> event = PostLoginEvent.builder().user(u -> u.userMetadata("prefs", "{not json")).build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "modern-language")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    Map<String, Object> summary = Json.parseObject(logs(r, "modern-language").get(0));
    assertThat(summary)
        .containsEntry("scopes", List.of("openid", "profile", "email"))
        .containsEntry("settings", Map.of("theme", "light", "locale", "en"))
        .containsEntry("total", 5L)
        .containsEntry("geo", "PT")
        .containsEntry("fastest", "fast")
        .containsEntry("parsed", Map.of("fallback", true))
        .containsEntry("byParity", Map.of("odd", List.of(1L, 3L), "even", List.of(2L, 4000L)))
        .containsEntry("last", 3L)
        .containsEntry("sorted", List.of(1L, 2L, 3L))
        .containsEntry("upper", Map.of("a", "X"))
        .containsEntry("path", "a/b/c")
        .containsEntry("hasPlan", false)
        .containsEntry("cause", "inner")
        .containsEntry("missing", "n/a");
  }

  @Test
  void recordsArgumentsAsJsonValuesAndReturnsTheApiForChaining() {
    ExecutionRecord r = runAlone("json-values");

    assertThat(result(r, "json-values").commands())
        .containsExactly(
            Command.of("accessToken.setCustomClaim", "https://example.com/int", 5L),
            Command.of("accessToken.setCustomClaim", "https://example.com/float", 1.5),
            Command.of("accessToken.setCustomClaim", "https://example.com/date", "1970-01-01T00:00:00.000Z"),
            Command.of("accessToken.setCustomClaim", "https://example.com/obj", Map.of("b", java.util.Arrays.asList(1L, "two", null, true))),
            Command.of("idToken.setCustomClaim", "https://example.com/chain", "x"));
    assertThat(logs(r, "json-values")).containsExactly("returns api: true");
  }

  @Test
  void givesEachActionItsOwnEventSecretsAndModuleState() {
    ExecutionRecord r =
        run(engine, TRIGGER, PostLoginEvent.builder().build(),
                action(TRIGGER, "mutates-event", Map.of("FIRST_SECRET", "first-secret-value")),
                action(TRIGGER, "mutates-event", Map.of("FIRST_SECRET", "first-secret-value")),
                action(TRIGGER, "reads-event"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.results().get(0).logs().get(0).message()).isEqualTo("module-level calls: 1");
    assertThat(r.results().get(1).logs().get(0).message()).isEqualTo("module-level calls: 1");
    assertThat(logs(r, "reads-event"))
        .containsExactly("plan=none email=jane@example.com", "tx=none secrets=none");
    assertThat(at(r.outcome(), "user", "app_metadata")).isEqualTo(Map.of());
  }

  @Test
  void reportsTheLogCapInsteadOfDroppingLinesSilently() {
    try (EngineFixture small =
        EngineFixture.of(EngineConfig.defaults().withLogLimitBytes(1024), InstantSource.system(),
            List.of(Acceptance.rhino()), new SignupLoginFamily())) {

      ExecutionRecord r = run(small, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "big-logs")).record();

      assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
      assertThat(result(r, "big-logs").logsTruncated()).isTrue();
      assertThat(logs(r, "big-logs")).isNotEmpty().hasSizeLessThan(50);
      assertThat(logs(r, "big-logs").get(0)).startsWith("line 0 ");
      assertThat(at(r.outcome(), "id_token", "custom_claims", "https://example.com/after_logs")).isEqualTo(true);
    }
  }

  @Test
  void countsRejectedEntriesOfPromiseAllSettled() {
    ExecutionRecord r = runAlone("all-settled");

    assertThat(logs(r, "all-settled")).containsExactly("1 of 2 lookups failed");
  }

  @Test
  void formatsNumbersForALocale() {
    ExecutionRecord r = runAlone("locale-format");

    assertThat(at(r.outcome(), "id_token", "custom_claims", "https://example.com/balance")).isEqualTo("1,234.5");
  }

  @Test
  void letsAnActionAssignAGlobal() {
    ExecutionRecord r = runAlone("global-assign");

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
  }

  @Test
  void matchesWithNamedRegExpGroups() {
    ExecutionRecord r = runAlone("named-groups");

    assertThat(at(r.outcome(), "id_token", "custom_claims", "https://example.com/provider")).isEqualTo("auth0");
  }

  @Test
  @Disabled(
      "bug: private class fields (#count, ES2022) are refused at load with 'Parse error' by the Closure transpiler "
          + "(adapters-rhino Transpiler); public and static fields work")
  void runsClassesWithPrivateFields() {
    ExecutionRecord r = runAlone("private-fields");

    assertThat(at(r.outcome(), "id_token", "custom_claims", "https://example.com/count")).isEqualTo(2L);
  }
}
