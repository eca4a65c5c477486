package dev.interlock.acceptance;

import static dev.interlock.acceptance.Acceptance.action;
import static dev.interlock.acceptance.Acceptance.at;
import static dev.interlock.acceptance.Acceptance.commandNames;
import static dev.interlock.acceptance.Acceptance.json;
import static dev.interlock.acceptance.Acceptance.logs;
import static dev.interlock.acceptance.Acceptance.result;
import static dev.interlock.acceptance.Acceptance.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.Command;
import dev.interlock.core.execution.ErrorCode;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ResumeRequest;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.trigger.signuplogin.PostLoginEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** post-login v3 actions written as people write them today, run through Rhino and the engine. */
class PostLoginAcceptanceTest {
  private static final String TRIGGER = "post-login";

  private final EngineFixture engine = Acceptance.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void addsClaimsAndScopesFromRolesAndMetadata() {
    Map<String, Object> event =
        PostLoginEvent.builder()
            .set("authorization", json("roles", List.of("admin", "editor")))
            .user(u -> u.appMetadata("plan", "gold"))
            .build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "add-roles-and-plan")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(result(r, "add-roles-and-plan").commands())
        .containsExactly(
            Command.of("accessToken.setCustomClaim", "https://example.com/roles", List.of("admin", "editor")),
            Command.of("idToken.setCustomClaim", "https://example.com/plan", "gold"),
            Command.of("idToken.setCustomClaim", "https://example.com/tier", null),
            Command.of("accessToken.addScope", "admin:all"),
            Command.of("accessToken.removeScope", "delete:everything"));
    assertThat(at(r.outcome(), "access_token", "custom_claims"))
        .isEqualTo(Map.of("https://example.com/roles", List.of("admin", "editor")));
    assertThat(at(r.outcome(), "access_token", "added_scopes")).isEqualTo(List.of("admin:all"));
    assertThat(at(r.outcome(), "access_token", "removed_scopes")).isEqualTo(List.of("delete:everything"));
    assertThat(at(r.outcome(), "id_token", "custom_claims", "https://example.com/plan")).isEqualTo("gold");
    assertThat(at(r.outcome(), "access")).isEqualTo(Map.of("denied", false));
    assertThat(logs(r, "add-roles-and-plan")).containsExactly("claims set for jane@example.com (2 roles, plan gold)");
  }

  @Test
  void deniesAnUnverifiedUserButKeepsRunningTheDenyingHandlerAndSkipsLaterActions() {
    Map<String, Object> event = PostLoginEvent.builder().user(u -> u.emailVerified(false)).build();

    ExecutionRecord r =
        run(engine, TRIGGER, event, action(TRIGGER, "deny-unverified-email"), action(TRIGGER, "add-greeting-claim"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(result(r, "deny-unverified-email").status()).isEqualTo(ActionStatus.DENIED);
    assertThat(commandNames(r, "deny-unverified-email")).containsExactly("access.deny", "user.setAppMetadata");
    assertThat(logs(r, "deny-unverified-email")).containsExactly("code after deny still runs");
    assertThat(result(r, "add-greeting-claim").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(result(r, "add-greeting-claim").commands()).isEmpty();
    assertThat(at(r.outcome(), "access"))
        .isEqualTo(Map.of("denied", true, "by", "access.deny", "reason", "Please verify jane@example.com before logging in."));
    assertThat(at(r.outcome(), "user", "app_metadata")).isEqualTo(Map.of("last_check", "email"));
    assertThat(at(r.outcome(), "id_token", "custom_claims")).isEqualTo(Map.of());
  }

  @Test
  void letsAVerifiedUserThroughToTheNextAction() {
    ExecutionRecord r =
        run(engine, TRIGGER, PostLoginEvent.builder().build(),
            action(TRIGGER, "deny-unverified-email"), action(TRIGGER, "add-greeting-claim"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(at(r.outcome(), "id_token", "custom_claims", "https://example.com/greeting")).isEqualTo("Hello Jane Doe");
  }

  @Test
  void showsMetadataChangesToTheNextActionButNotToTheCallingOne() {
    Map<String, Object> event = PostLoginEvent.builder().user(u -> u.userMetadata("legacy_id", "L-1")).build();

    ExecutionRecord r =
        run(engine, TRIGGER, event, action(TRIGGER, "set-metadata"), action(TRIGGER, "read-metadata")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(logs(r, "set-metadata")).containsExactly("same action sees plan=none", "same action sees legacy_id=L-1");
    assertThat(logs(r, "read-metadata"))
        .containsExactly("next action sees plan=gold", "next action sees theme=dark", "next action sees legacy_id=deleted");
    assertThat(at(r.outcome(), "user", "app_metadata")).isEqualTo(Map.of("plan", "gold"));
    assertThat(Acceptance.object(r.outcome(), "user", "user_metadata"))
        .containsEntry("theme", "dark")
        .containsEntry("legacy_id", null);
  }

  @Test
  void suspendsForAnMfaChallengeAndResumesWithTheNextAction() {
    Map<String, Object> event = PostLoginEvent.builder().user(u -> u.enrolledFactor("otp")).build();

    ExecutionRecord suspended =
        run(engine, TRIGGER, event, action(TRIGGER, "require-otp"), action(TRIGGER, "after-mfa")).record();

    assertThat(suspended.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(result(suspended, "require-otp").status()).isEqualTo(ActionStatus.SUSPENDED);
    assertThat(result(suspended, "require-otp").commands())
        .containsExactly(Command.of("authentication.challengeWith", json("type", "otp"),
            json("additionalFactors", List.of(json("type", "email")))));
    assertThat(result(suspended, "after-mfa").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(suspended.continuation().redirectUrl()).isNull();
    assertThat(suspended.continuation().resumeHandler()).isNull();
    assertThat(at(suspended.outcome(), "interaction", "type")).isEqualTo("mfa");

    Map<String, Object> refreshed =
        json("methods", List.of(
            json("name", "pwd", "timestamp", "2024-06-01T10:00:00.000Z"),
            json("name", "mfa", "timestamp", "2024-06-01T10:00:30.000Z")));
    ExecutionRecord resumed =
        engine.resume(suspended.continuation().state(),
                new ResumeRequest(json("query", json(), "body", json()), json("authentication", refreshed)))
            .record();

    assertThat(resumed.id()).isEqualTo(suspended.id());
    assertThat(resumed.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(result(resumed, "require-otp").status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(result(resumed, "after-mfa").status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(result(resumed, "after-mfa").handler()).isEqualTo("onExecutePostLogin");
    assertThat(logs(resumed, "after-mfa")).containsExactly("methods: pwd,mfa");
    assertThat(at(resumed.outcome(), "access_token", "custom_claims", "https://example.com/mfa")).isEqualTo(true);
    assertThat((List<?>) at(resumed.outcome(), "authentication", "mfa")).hasSize(1);
  }

  @Test
  void refusesAnMfaChallengeInASilentAuthenticationWithACatchableError() {
    Map<String, Object> event = PostLoginEvent.builder().request(q -> q.query("prompt", "none")).build();

    ExecutionRecord r = run(engine, TRIGGER, event, action(TRIGGER, "silent-auth-mfa")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(logs(r, "silent-auth-mfa")).hasSize(2);
    assertThat(logs(r, "silent-auth-mfa").get(0)).isEqualTo("canRedirect=false");
    assertThat(logs(r, "silent-auth-mfa").get(1)).startsWith("Error: ").contains("interaction_required");
    assertThat(commandNames(r, "silent-auth-mfa")).containsExactly("access.deny");
  }

  @Test
  void rendersAFormAndResumesTheSameActionWithTheSubmittedFields() {
    ExecutionRecord suspended =
        run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "profile-form")).record();

    assertThat(suspended.status()).isEqualTo(ExecutionStatus.SUSPENDED);
    assertThat(suspended.continuation().resumeHandler()).isEqualTo("onContinuePostLogin");
    assertThat(suspended.continuation().details())
        .containsEntry("type", "prompt")
        .containsEntry("prompt_id", "ap_progressive_profile");
    assertThat(result(suspended, "profile-form").commands())
        .containsExactly(Command.of("prompt.render", "ap_progressive_profile",
            json("vars", json("email", "jane@example.com"), "fields", json("company", ""))));

    ExecutionRecord resumed =
        engine.resume(suspended.id().value(),
                new ResumeRequest(json("query", json(), "body", json("company", " Acme ")),
                    json("prompt", json("id", "ap_progressive_profile", "fields", json("company", " Acme ")))))
            .record();

    assertThat(resumed.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(result(resumed, "profile-form").handler()).isEqualTo("onContinuePostLogin");
    assertThat(logs(resumed, "profile-form")).containsExactly("form ap_progressive_profile answered with Acme");
    assertThat(at(resumed.outcome(), "user", "user_metadata")).isEqualTo(Map.of("company", "Acme"));
  }

  @Test
  void runsAsyncHandlersThatAwaitTimersAndDestructureArrays() {
    ExecutionRecord r = run(engine, TRIGGER, PostLoginEvent.builder().build(), action(TRIGGER, "awaits-lookup")).record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(result(r, "awaits-lookup").logs()).singleElement()
        .satisfies(l -> {
          assertThat(l.level()).isEqualTo("info");
          assertThat(l.message()).isEqualTo("first scope openid, 2 more");
        });
    assertThat(at(r.outcome(), "access_token", "custom_claims", "https://example.com/department")).isEqualTo("engineering");
  }

  @Test
  void failsTheFlowWithTheThrownMessageAndSkipsLaterActions() {
    ExecutionRecord r =
        run(engine, TRIGGER, PostLoginEvent.builder().build(),
            action(TRIGGER, "throws-with-line"), action(TRIGGER, "add-greeting-claim"))
            .record();

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error().code()).isEqualTo(ErrorCode.ACTION_ERROR);
    assertThat(r.error().actionName()).isEqualTo("throws-with-line");
    assertThat(r.error().message())
        .contains("throws-with-line")
        .contains("no region configured for auth0|65a4f1c2e1d2b3a4c5d6e7f8");
    assertThat(result(r, "throws-with-line").error().name()).isEqualTo("Error");
    assertThat(result(r, "add-greeting-claim").status()).isEqualTo(ActionStatus.SKIPPED);
    assertThat(at(r.outcome(), "access", "denied")).isEqualTo(true);
    assertThat(at(r.outcome(), "access", "failed")).isEqualTo(true);
  }
}
