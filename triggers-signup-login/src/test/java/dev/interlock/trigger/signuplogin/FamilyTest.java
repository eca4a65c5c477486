package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionResult;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerDefinition;
import dev.interlock.core.trigger.TriggerFamily;
import dev.interlock.core.trigger.TriggerMode;
import dev.interlock.testkit.EngineFixture;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FamilyTest {

  @Test
  void isFoundByTheServiceLoader() {
    List<TriggerFamily> families = TriggerCatalog.discoverFamilies(getClass().getClassLoader());

    assertThat(families).anyMatch(f -> f instanceof SignupLoginFamily);
  }

  @Test
  void definesTheThreeTriggersWithTheirVersionsModesAndHandlers() {
    List<TriggerDefinition> triggers = new SignupLoginFamily().triggers();

    assertThat(triggers).extracting(t -> t.id().value() + " " + t.version() + " " + t.mode() + " " + t.handler() + " " + t.resumeHandler())
        .containsExactly(
            "pre-user-registration v2 SYNC onExecutePreUserRegistration null",
            "post-user-registration v2 ASYNC onExecutePostUserRegistration null",
            "post-login v3 SYNC onExecutePostLogin onContinuePostLogin");
    assertThat(triggers.get(1).mode()).isEqualTo(TriggerMode.ASYNC);
  }

  @Test
  void exposesTheNamespacesOfTheReference() {
    List<TriggerDefinition> triggers = new SignupLoginFamily().triggers();

    assertThat(triggers.get(0).api().namespaces()).containsExactlyInAnyOrder("access", "validation", "user", "cache");
    assertThat(triggers.get(1).api().namespaces()).containsExactly("cache");
    assertThat(triggers.get(2).api().namespaces()).containsExactlyInAnyOrder(
        "access", "validation", "accessToken", "idToken", "authentication", "multifactor", "redirect", "prompt",
        "user", "session", "refreshToken", "samlResponse", "transaction", "rules", "groups", "roles", "cache");
  }

  @Test
  void runsPostUserRegistrationInTheBackground() throws Exception {
    AtomicReference<String> ran = new AtomicReference<>();
    try (EngineFixture engine = Flows.engine()) {
      engine.deployAndBind("post-user-registration", step("welcome", (e, api) -> ran.set("yes")));

      ExecutionResult accepted = engine.execute("post-user-registration", PostUserRegistrationEvent.builder().build());

      assertThat(accepted).isInstanceOf(ExecutionResult.Pending.class);
      engine.interlock().close();
      assertThat(ran.get()).isEqualTo("yes");
    }
  }

  @Test
  void rulesWereNeverExecutedAndDirectoryQueriesSayTheyAreUnavailable() {
    AtomicReference<Object> executed = new AtomicReference<>();
    try (EngineFixture engine = Flows.engine()) {
      engine.run("post-login", PostLoginEvent.builder().build(),
          step("r", (e, api) -> executed.set(api.call("rules.wasExecuted", "rul_1"))));
    }

    assertThat(executed.get()).isEqualTo(false);
    assertThat(postLoginRejection((e, api) -> api.call("roles.getUserEffectiveRoles", java.util.Map.of("take", 101)))
        .getMessage()).contains("take must be a positive integer of at most 100");
    assertThat(postLoginRejection((e, api) -> api.call("groups.getUserGroups")).getMessage())
        .contains("is not available: this Interlock engine has no user directory configured");
    assertThat(postLoginRejection((e, api) -> api.call("roles.getUserEffectiveRolesByNames",
        java.util.Collections.nCopies(51, "r"))).getMessage()).contains("names must have 1 to 50 entries");
  }

  @Test
  void writesTheOutcomeIntoTheExecutionRecordJsonWithSnakeCaseKeys() {
    try (EngineFixture engine = Flows.engine()) {
      var record = engine.run("post-login", PostLoginEvent.builder().build(),
          step("a", (e, api) -> api.call("accessToken.addScope", "read:orders")));

      var json = dev.interlock.core.json.Json.parseObject(dev.interlock.core.execution.ExecutionRecordJson.write(record));

      assertThat(Flows.at(json, "outcome", "access_token", "added_scopes")).isEqualTo(List.of("read:orders"));
      assertThat(List.copyOf(((java.util.Map<?, ?>) json.get("outcome")).keySet())).isEqualTo(List.of(
          "access", "access_token", "id_token", "user", "multifactor", "authentication", "session",
          "refresh_token", "saml_response", "transaction", "interaction"));
    }
  }
}
