package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.javaaction.JavaApi;
import dev.interlock.testkit.EngineFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenApiTest {
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void collectsCustomClaimsForBothTokensWithTheLaterCallWinning() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("a", (e, api) -> {
          Object chained = api.call("accessToken.setCustomClaim", "https://example.com/roles", List.of("admin"));
          assertThat(chained).isInstanceOf(JavaApi.class);
          api.call("idToken.setCustomClaim", "https://example.com/plan", "free");
        }),
        step("b", (e, api) -> api.call("idToken.setCustomClaim", "https://example.com/plan", "gold")));

    assertThat(outcome(r, "access_token", "custom_claims"))
        .isEqualTo(Map.of("https://example.com/roles", List.of("admin")));
    assertThat(outcome(r, "id_token", "custom_claims")).isEqualTo(Map.of("https://example.com/plan", "gold"));
  }

  @Test
  void refusesTheReservedScopeClaim() {
    assertThat(postLoginRejection((e, api) -> api.call("accessToken.setCustomClaim", "scope", "admin")).getMessage())
        .isEqualTo("The \"scope\" claim cannot be set.");
  }

  @Test
  void refusesAnEmptyClaimName() {
    assertThat(postLoginRejection((e, api) -> api.call("idToken.setCustomClaim", "", 1)).getMessage())
        .contains("key must be a non-empty string");
  }

  @Test
  void addsAndRemovesTrimmedScopesWithTheLastCallPerScopeWinning() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(), step("s", (e, api) -> {
      assertThat(api.call("accessToken.addScope", "  read:orders ")).isNull();
      api.call("accessToken.addScope", "write:orders");
      api.call("accessToken.removeScope", "write:orders");
      api.call("accessToken.removeScope", "email");
    }));

    assertThat(outcome(r, "access_token", "added_scopes")).isEqualTo(List.of("read:orders"));
    assertThat(outcome(r, "access_token", "removed_scopes")).isEqualTo(List.of("write:orders", "email"));
  }

  @Test
  void refusesEmptyLongOrSpacedScopes() {
    assertThat(postLoginRejection((e, api) -> api.call("accessToken.addScope", "   ")).getMessage())
        .contains("scope must not be empty");
    assertThat(postLoginRejection((e, api) -> api.call("accessToken.removeScope", "a b")).getMessage())
        .contains("must not contain white space");
    assertThat(postLoginRejection((e, api) -> api.call("accessToken.addScope", "s".repeat(281))).getMessage())
        .contains("at most 280 characters");
  }

  @Test
  void refusesMoreThanAThousandScopeChanges() {
    assertThat(postLoginRejection((e, api) -> {
      for (int i = 0; i <= 1000; i++) {
        api.call("accessToken.addScope", "scope:" + i);
      }
    }).getMessage()).contains("at most 1000 scopes");
  }

  @Test
  void leavesRestrictedClaimNamesOutOfTheTokens() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(), step("c", (e, api) -> {
      api.call("accessToken.setCustomClaim", "sub", "someone-else");
      api.call("idToken.setCustomClaim", "aud", "other-app");
      api.call("idToken.setCustomClaim", "department", "sales");
    }));

    assertThat(outcome(r, "access_token", "custom_claims")).isEqualTo(Map.of());
    assertThat(outcome(r, "access_token", "ignored_claims")).isEqualTo(List.of("sub"));
    assertThat(outcome(r, "id_token", "custom_claims")).isEqualTo(Map.of("department", "sales"));
    assertThat(outcome(r, "id_token", "ignored_claims")).isEqualTo(List.of("aud"));
  }

  @Test
  void acceptsAnUndefinedClaimValueAsNull() {
    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().build(),
        step("c", (e, api) -> api.call("accessToken.setCustomClaim", "maybe", dev.interlock.core.json.Undefined.VALUE)));

    assertThat(r.status()).isEqualTo(dev.interlock.core.execution.ExecutionStatus.COMPLETED);
    Map<?, ?> claims = (Map<?, ?>) outcome(r, "access_token", "custom_claims");
    assertThat(claims.containsKey("maybe")).isTrue();
    assertThat(claims.get("maybe")).isNull();
  }
}
