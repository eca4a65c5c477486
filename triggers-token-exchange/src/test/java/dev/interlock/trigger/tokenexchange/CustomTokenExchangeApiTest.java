package dev.interlock.trigger.tokenexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomTokenExchangeApiTest {
  private final EngineFixture engine = EngineFixture.of(new TokenExchangeFamily());
  private final Map<String, Object> event = CustomTokenExchangeEvent.builder().build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void denyRejectsTheExchangeEvenWhenTheActionGoesOnToSelectAUser() {
    AtomicBoolean ranOn = new AtomicBoolean();

    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      assertThat(api.call("access.deny", "unauthorized_client", "the legacy session belongs to another app")).isNull();
      ranOn.set(true);
      api.call("authentication.setUserById", "auth0|42");
    }));

    assertThat(ranOn).isTrue();
    assertThat(record.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(record.outcome())
        .isEqualTo(Map.of("error", "unauthorized_client", "error_description", "the legacy session belongs to another app"));
  }

  @Test
  void denyRequiresACodeAndAReason() {
    engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      assertThatThrownBy(() -> api.call("access.deny", "invalid_request")).hasMessageContaining("reason must be a string, got undefined");
      assertThatThrownBy(() -> api.call("access.deny", "", "why")).hasMessageContaining("code must be a non-empty string");
      api.call("authentication.setUserById", "auth0|42");
    }));
  }

  @Test
  void rejectInvalidSubjectTokenDeniesWithInvalidRequestForBruteForceProtection() {
    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      assertThat(api.call("access.rejectInvalidSubjectToken", "signature does not verify")).isNull();
      assertThatThrownBy(() -> api.call("access.rejectInvalidSubjectToken", 42)).hasMessageContaining("reason must be a string, got number");
    }));

    assertThat(record.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(record.outcome()).isEqualTo(Map.of(
        "error", "invalid_request", "error_description", "signature does not verify", "invalid_subject_token", true));
  }

  @Test
  void setOrganizationAssociatesTheTokens() {
    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      assertThat(api.call("authentication.setOrganization", "org_juG7cAQ0CymOcVpV")).isNull();
      assertThatThrownBy(() -> api.call("authentication.setOrganization", " ")).hasMessageContaining("organization must be a non-empty string");
      api.call("authentication.setUserById", "auth0|42");
    }));

    assertThat(record.outcome()).containsEntry("organization", "org_juG7cAQ0CymOcVpV");
  }

  @Test
  void setActorAddsTheDelegationChainAndSuppressesTheRefreshToken() {
    Map<String, Object> actor = Map.of("sub", "agent|7", "type", "service", "act", Map.of("sub", "auth0|admin", "reason", "support"));

    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      assertThat(api.call("authentication.setActor", actor)).isNull();
      api.call("authentication.setUserById", "auth0|42");
    }));

    assertThat(record.outcome()).containsEntry("actor", actor).containsEntry("issue_refresh_token", false);
  }

  @Test
  void setActorEnforcesTheDocumentedLimits() {
    Map<String, Object> sixCustom = new HashMap<>(Map.of("sub", "a", "type", "not-counted"));
    for (int i = 0; i < 6; i++) {
      sixCustom.put("k" + i, i);
    }
    Map<String, Object> fiveCustomAndType = new HashMap<>(sixCustom);
    fiveCustomAndType.remove("k5");
    Map<String, Object> deep = Map.of("sub", "5");
    for (int i = 4; i >= 1; i--) {
      deep = Map.of("sub", String.valueOf(i), "act", deep);
    }
    Map<String, Object> tooDeep = Map.of("sub", "0", "act", deep);
    Map<String, Object> fiveLevels = deep;

    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      String m = "authentication.setActor";
      assertThatThrownBy(() -> api.call(m, Map.of("act", Map.of("sub", "x")))).hasMessageContaining("actor.sub must be a non-empty string");
      assertThatThrownBy(() -> api.call(m, Map.of("sub", "x".repeat(513)))).hasMessageContaining("513 characters long, more than 512");
      assertThatThrownBy(() -> api.call(m, tooDeep)).hasMessageContaining("actor.act.act.act.act.act nests deeper than 5 levels");
      assertThatThrownBy(() -> api.call(m, sixCustom)).hasMessageContaining("actor has 6 custom properties, more than 5");
      assertThatThrownBy(() -> api.call(m, Map.of("sub", "a", "act", Map.of("sub", "b", "roles", List.of("x")))))
          .hasMessageContaining("actor.act.roles must be a string, number or boolean");
      assertThatThrownBy(() -> api.call(m, Map.of("sub", "a", "note", "n".repeat(65)))).hasMessageContaining("actor.note is longer than 64");
      assertThatThrownBy(() -> api.call(m, Map.of("sub", "a", "k".repeat(65), 1))).hasMessageContaining("property name longer than 64");
      assertThatThrownBy(() -> api.call(m, "agent|7"))
          .isInstanceOfSatisfying(ApiCallException.class, x -> assertThat(x.errorName()).isEqualTo("TypeError"));
      api.call(m, fiveCustomAndType);
      api.call(m, fiveLevels);
      api.call("authentication.setUserById", "auth0|42");
    }));

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.commands()).hasSize(3);
    assertThat(record.outcome().get("actor")).isEqualTo(fiveLevels);
  }

  @Test
  void userMetadataSettersMergeIntoTheOutcomeWithNullRemovingAKey() {
    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      api.call("authentication.setUserById", "auth0|42");
      assertThat(api.call("user.setAppMetadata", "legacy_id", "L-42")).isNull();
      api.call("user.setAppMetadata", "plan", "gold");
      api.call("user.setAppMetadata", "plan", null);
      api.call("user.setUserMetadata", "locale", "nl");
    }));

    Map<String, Object> app = new HashMap<>();
    app.put("legacy_id", "L-42");
    app.put("plan", null);
    assertThat(record.outcome()).containsEntry("app_metadata", app).containsEntry("user_metadata", Map.of("locale", "nl"));
  }

  @Test
  void userMetadataSettersRejectABlankKeyOrAnUndefinedValue() {
    engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      assertThatThrownBy(() -> api.call("user.setUserMetadata", "", "x")).hasMessageContaining("key must be a non-empty string");
      assertThatThrownBy(() -> api.call("user.setAppMetadata", "k")).hasMessageContaining("value must be a JSON value or null, got undefined");
      api.call("authentication.setUserById", "auth0|42");
    }));
  }

  @Test
  void cachesValuesForTheTrigger() {
    AtomicReference<Object> read = new AtomicReference<>();

    engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      api.call("cache.set", "jwks", "{\"keys\":[]}");
      read.set(api.call("cache.get", "jwks"));
      api.call("authentication.setUserById", "auth0|42");
    }));

    assertThat(((Map<?, ?>) read.get()).get("value")).isEqualTo("{\"keys\":[]}");
  }

  @Test
  void callingAMethodThisTriggerLacksIsATypeError() {
    AtomicReference<ApiCallException> thrown = new AtomicReference<>();

    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      try {
        api.call("transaction.setMetadata", "k", "v");
      } catch (ApiCallException x) {
        thrown.set(x);
      }
      api.call("authentication.setUserById", "auth0|42");
      api.call("accessToken.setCustomClaim", "k", "v");
    }));

    assertThat(thrown.get().errorName()).isEqualTo("TypeError");
    assertThat(thrown.get().getMessage()).isEqualTo("api.transaction.setMetadata is not a function");
    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("TypeError: api.accessToken.setCustomClaim is not a function");
  }
}
