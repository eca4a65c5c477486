package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.m2m.CredentialsExchangeEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** credentials-exchange v2 through Rhino: deny codes, custom claims, target scopes. */
class CredentialsExchangeAcceptanceTest {
  private static final String TRIGGER = "credentials-exchange";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void deniesAClientThatIsNotOnTheAllowList() {
    ExecutionRecord r =
        run(engine, TRIGGER, CredentialsExchangeEvent.builder().build(),
                action(TRIGGER, "deny-unknown-client", Map.of("ALLOWED_CLIENTS", "other-client, third")),
                action(TRIGGER, "add-tenant-claims"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(result(r, "deny-unknown-client").commands())
        .containsExactly(Command.of("access.deny", "invalid_request",
            "Client Nightly billing job may not call https://api.example.com/billing"));
    assertThat(result(r, "add-tenant-claims").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(r.outcome())
        .isEqualTo(Map.of("error", "invalid_request",
            "error_description", "Client Nightly billing job may not call https://api.example.com/billing"));
  }

  @Test
  void failsWhenTheDenyCodeIsNotOneAuth0Accepts() {
    ExecutionRecord r =
        run(engine, TRIGGER, CredentialsExchangeEvent.builder().build(), action(TRIGGER, "deny-with-bad-code")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result(r, "deny-with-bad-code").error().name()).isEqualTo("TypeError");
    assertThat(r.error().message()).contains("forbidden");
    assertThat(r.outcome()).isEmpty();
  }

  @Test
  void addsCustomClaimsAndDropsRestrictedOnes() {
    ExecutionRecord r =
        run(engine, TRIGGER, CredentialsExchangeEvent.builder().build(),
                action(TRIGGER, "deny-unknown-client", Map.of("ALLOWED_CLIENTS", "mA1nT3nAnc3Cl13nt, reporting-job")),
                action(TRIGGER, "add-tenant-claims"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "deny-unknown-client")).containsExactly("client mA1nT3nAnc3Cl13nt allowed");
    // post-login throws Auth0's `The "scope" claim cannot be set.`; this family words it its own way
    assertThat(logs(r, "add-tenant-claims")).hasSize(2).last().isEqualTo("claims visible in the event: 0");
    assertThat(logs(r, "add-tenant-claims").get(0))
        .startsWith("scope claim refused: ")
        .containsIgnoringCase("the \"scope\" claim cannot be set");
    assertThat(r.outcome().get("custom_claims"))
        .isEqualTo(Map.of("https://billing.example.com/client_name", "Nightly billing job",
            "https://billing.example.com/granted", List.of("read:invoices", "write:invoices")));
    assertThat(r.outcome().get("ignored_claims")).isEqualTo(List.of("sub"));
    assertThat(r.outcome()).doesNotContainKey("target_scopes");
  }

  @Test
  void narrowsTheTargetScopesAndShowsThemToTheNextAction() {
    ExecutionRecord r =
        run(engine, TRIGGER, CredentialsExchangeEvent.builder().build(),
                action(TRIGGER, "narrow-target-scopes"), action(TRIGGER, "read-target-scopes"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "narrow-target-scopes"))
        .containsExactly("before: (none)", "after: read:invoices read:reports");
    assertThat(logs(r, "read-target-scopes")).containsExactly("next action sees: read:invoices read:reports");
    assertThat(r.outcome().get("target_scopes")).isEqualTo(List.of("read:invoices", "read:reports"));
    assertThat(result(r, "narrow-target-scopes").commands())
        .containsExactly(
            Command.of("transaction.removeTargetScope", "write:invoices"),
            Command.of("transaction.addTargetScope", "  read:reports "));
  }

  @Test
  void startsFromTheRequestedTargetScopesWhenPresent() {
    ExecutionRecord r =
        run(engine, TRIGGER, CredentialsExchangeEvent.builder().targetScopes("write:invoices", "audit:read").build(),
                action(TRIGGER, "narrow-target-scopes"))
            .record();

    assertThat(logs(r, "narrow-target-scopes"))
        .containsExactly("before: write:invoices audit:read", "after: audit:read read:reports");
    assertThat(r.outcome().get("target_scopes")).isEqualTo(List.of("audit:read", "read:reports"));
  }

  @Test
  void deniesEveryClientWhenTheAllowListSecretIsMissing() {
    ExecutionRecord r =
        run(engine, TRIGGER, CredentialsExchangeEvent.builder().build(),
                action(TRIGGER, "deny-unknown-client", Map.of()))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(r.error()).isNull();
    assertThat(r.outcome().get("error")).isEqualTo("invalid_request");
  }
}
