package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.at;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.AdHocAction;
import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.m2m.CredentialsExchangeEvent;
import dev.interlock.trigger.mfa.SendPhoneMessageEvent;
import dev.interlock.trigger.password.PostChangePasswordEvent;
import dev.interlock.trigger.signuplogin.PostUserRegistrationEvent;
import dev.interlock.trigger.signuplogin.PreUserRegistrationEvent;
import dev.interlock.trigger.tokenexchange.CustomTokenExchangeEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Corners of the non-login triggers: argument validation, stop rules, empty flows, configuration. */
class TriggerCornersAcceptanceTest {
  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void recordsAnUndefinedClaimValueAsNullAsPostLoginDoes() {
    ExecutionRecord r =
        run(engine, "credentials-exchange", CredentialsExchangeEvent.builder().build(),
                action("credentials-exchange", "undefined-claim"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(result(r, "undefined-claim").commands().get(0).args())
        .containsExactly("https://billing.example.com/tier", null);
  }

  @Test
  void letsTheDenyWinOverASelectedUserInATokenExchange() {
    ExecutionRecord r =
        run(engine, "custom-token-exchange", CustomTokenExchangeEvent.builder().build(),
                action("custom-token-exchange", "select-then-deny"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(logs(r, "select-then-deny")).containsExactly("still running after deny");
    assertThat(r.outcome())
        .isEqualTo(Map.of("error", "invalid_request",
            "error_description", "Unsupported subject token type urn:example:legacy-session-token"));
  }

  @Test
  void issuesNoRefreshTokenWhenAnActorIsSet() {
    ExecutionRecord r =
        run(engine, "custom-token-exchange", CustomTokenExchangeEvent.builder().build(),
                action("custom-token-exchange", "delegate-to-agent"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.outcome())
        .containsEntry("user", Map.of("user_id", "auth0|owner-1"))
        .containsEntry("issue_refresh_token", false)
        .containsEntry("organization", "org_acme")
        .containsKey("actor");
    assertThat(at(r.outcome(), "actor", "sub")).isEqualTo("agent-7");
  }

  @Test
  void refusesMetadataForAPasswordlessSignup() {
    Map<String, Object> event =
        PreUserRegistrationEvent.builder().connection(c -> c.set("name", "email").set("strategy", "email")).build();

    ExecutionRecord r = run(engine, "pre-user-registration", event, action("pre-user-registration", "tag-passwordless")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "tag-passwordless")).singleElement().asString().contains("passwordless");
    assertThat(at(r.outcome(), "user", "user_metadata")).isEqualTo(Map.of());
  }

  @Test
  void refusesAValidationMessageOverAHundredCharacters() {
    ExecutionRecord r =
        run(engine, "pre-user-registration", PreUserRegistrationEvent.builder().build(),
                action("pre-user-registration", "long-validation-message"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result(r, "long-validation-message").error().name()).isIn("TypeError", "RangeError");
  }

  @Test
  void failsAPhoneMessageFlowWithoutActionsBecauseNothingDeliveredIt() {
    ExecutionRecord r = run(engine, "send-phone-message", SendPhoneMessageEvent.builder().build()).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.outcome()).containsEntry("delivery", "failed");
  }

  @Test
  void completesAnEmptyPostUserRegistrationFlow() {
    ExecutionRecord r = run(engine, "post-user-registration", PostUserRegistrationEvent.builder().build()).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(r.results()).isEmpty();
  }

  @Test
  void givesAdHocActionsTheirConfigurationAndSecrets() {
    AdHocAction configured =
        new AdHocAction("configured", Acceptance.source("send-phone-message", "configured"), "node22",
            Map.of("PROVIDER_KEY", "pk"), Map.of("region", "eu"));

    ExecutionRecord r = run(engine, "send-phone-message", SendPhoneMessageEvent.builder().build(), configured).record();

    assertThat(logs(r, "configured")).containsExactly("configuration: {\"region\":\"eu\"}, secrets: 1");
  }

  @Test
  void submitCompletesWithTheBackgroundResultOfAnAsyncTrigger() throws Exception {
    try (BoundEngine bound = new BoundEngine().bind("post-change-password", "revokes-sessions", Map.of())) {
      ExecutionResult result =
          bound.executor()
              .submit(TriggerId.of("post-change-password"), PostChangePasswordEvent.builder().build())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);

      assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
      assertThat(result.outcome()).containsEntry("completed_actions", List.of("revokes-sessions"));
      assertThat(result.record().results().get(0).status()).isEqualTo(ActionStatus.COMPLETED);
    }
  }
}
