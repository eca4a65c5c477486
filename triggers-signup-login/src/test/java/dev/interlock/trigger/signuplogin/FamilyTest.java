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
        .contains("api.groups.getUserGroups failed: this Interlock engine has no user directory configured");
    assertThat(postLoginRejection((e, api) -> api.call("roles.getUserEffectiveRolesByNames",
        java.util.Collections.nCopies(51, "r"))).getMessage()).contains("names must have 1 to 50 entries");
  }

  @Test
  void readsGroupsAndRolesFromTheEnginesUserDirectory() {
    List<Object> seen = new java.util.ArrayList<>();
    dev.interlock.core.port.UserDirectory directory = new dev.interlock.core.port.UserDirectory() {
      @Override
      public java.util.Map<String, Object> groups(String userId, Integer take, String from) {
        return java.util.Map.of("groups", List.of(userId + ":" + take + ":" + from));
      }

      @Override
      public java.util.Map<String, Object> groupMemberships(String userId, List<String> groups) {
        return java.util.Map.of("memberships", groups.subList(0, 1));
      }

      @Override
      public java.util.Map<String, Object> effectiveRoles(String userId, String org, Integer take, String from) {
        return java.util.Map.of("roles", List.of("admin@" + org));
      }

      @Override
      public java.util.Map<String, Object> effectiveRolesByIds(String userId, String org, List<String> ids) {
        return java.util.Map.of("roles", ids);
      }

      @Override
      public java.util.Map<String, Object> effectiveRolesByNames(String userId, String org, List<String> names) {
        return java.util.Map.of("roles", names);
      }
    };
    try (EngineFixture engine = EngineFixture.withDirectory(directory, new SignupLoginFamily())) {
      engine.run("post-login", PostLoginEvent.builder().organization("org_1", "acme").build(), step("d", (e, api) -> {
        seen.add(api.call("groups.getUserGroups", java.util.Map.of("take", 5)));
        seen.add(api.call("groups.hasGroupMembership", List.of("g1", "g2")));
        seen.add(api.call("roles.getUserEffectiveRoles"));
        seen.add(api.call("roles.getUserEffectiveRolesByNames", List.of("viewer")));
      }));
    }

    String user = (String) PostLoginEvent.builder().build().entrySet().stream()
        .filter(en -> en.getKey().equals("user")).map(en -> ((java.util.Map<?, ?>) en.getValue()).get("user_id"))
        .findFirst().orElseThrow();
    assertThat(seen).containsExactly(
        java.util.Map.of("groups", List.of(user + ":5:null")),
        java.util.Map.of("memberships", List.of("g1")),
        java.util.Map.of("roles", List.of("admin@org_1")),
        java.util.Map.of("roles", List.of("viewer")));
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
