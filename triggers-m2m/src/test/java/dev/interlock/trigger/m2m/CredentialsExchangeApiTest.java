package dev.interlock.trigger.m2m;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.execution.ActionStatus;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsExchangeApiTest {
  private final EngineFixture engine = EngineFixture.of(new MachineToMachineFamily());
  private final Map<String, Object> event = CredentialsExchangeEvent.builder().build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void deniesWithTheOAuthErrorAndSkipsLaterActions() {
    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("deny", (e, api) -> api.call("access.deny", "invalid_scope", "billing scopes are frozen")),
            JavaStep.of("later", (e, api) -> api.call("accessToken.setCustomClaim", "x", 1)));

    assertThat(record.status()).isEqualTo(ExecutionStatus.DENIED);
    assertThat(record.outcome()).isEqualTo(Map.of("error", "invalid_scope", "error_description", "billing scopes are frozen"));
    assertThat(record.result("later").orElseThrow().status()).isEqualTo(ActionStatus.SKIPPED);
  }

  @Test
  void denyReturnsTheApiAndTheReasonIsOptional() {
    AtomicReference<Object> returned = new AtomicReference<>();

    var record =
        engine.run("credentials-exchange", event, JavaStep.of("deny", (e, api) -> returned.set(api.call("access.deny", "server_error"))));

    assertThat(returned.get()).isInstanceOf(dev.interlock.core.javaaction.JavaApi.class);
    assertThat(record.outcome()).isEqualTo(Map.of("error", "server_error"));
  }

  @Test
  void refusesDenyCodesOutsideTheAllowedSet() {
    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of(
                "deny",
                (e, api) ->
                    assertThatThrownBy(() -> api.call("access.deny", "access_denied", "no"))
                        .isInstanceOfSatisfying(
                            ApiCallException.class,
                            x -> {
                              assertThat(x.errorName()).isEqualTo("TypeError");
                              assertThat(x.getMessage()).contains("code must be one of [invalid_scope, invalid_request, server_error]");
                            })));

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.commands()).isEmpty();
  }

  @Test
  void collectsCustomClaimsAcrossActionsWithTheLaterValueWinning() {
    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("first", (e, api) -> api.call("accessToken.setCustomClaim", "https://example.com/tier", "gold")),
            JavaStep.of("second", (e, api) -> {
              api.call("accessToken.setCustomClaim", "https://example.com/tier", "platinum");
              api.call("accessToken.setCustomClaim", "https://example.com/limits", Map.of("rps", 50L));
            }));

    assertThat(record.outcome().get("custom_claims"))
        .isEqualTo(Map.of("https://example.com/tier", "platinum", "https://example.com/limits", Map.of("rps", 50L)));
  }

  @Test
  void setCustomClaimReturnsTheApiForChaining() {
    AtomicReference<Object> returned = new AtomicReference<>();

    engine.run("credentials-exchange", event, JavaStep.of("a", (e, api) -> returned.set(api.call("accessToken.setCustomClaim", "k", true))));

    assertThat(returned.get()).isInstanceOf(dev.interlock.core.javaaction.JavaApi.class);
  }

  @Test
  void refusesTheScopeClaimAndFailsTheActionWhenUncaught() {
    var record =
        engine.run("credentials-exchange", event, JavaStep.of("a", (e, api) -> api.call("accessToken.setCustomClaim", "scope", "admin")));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("Error", "the \"scope\" claim cannot be set");
    assertThat(record.outcome()).isEmpty();
  }

  @Test
  void dropsRestrictedClaimsFromTheTokenAndListsThem() {
    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("a", (e, api) -> {
              api.call("accessToken.setCustomClaim", "sub", "someone-else");
              api.call("accessToken.setCustomClaim", "tier", "gold");
            }));

    assertThat(record.outcome().get("custom_claims")).isEqualTo(Map.of("tier", "gold"));
    assertThat(record.outcome().get("ignored_claims")).isEqualTo(List.of("sub"));
  }

  @Test
  void rejectsAClaimWithoutANameAndRecordsAnUndefinedValueAsNull() {
    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("a", (e, api) -> {
              assertThatThrownBy(() -> api.call("accessToken.setCustomClaim", " ", 1))
                  .hasMessageContaining("name must be a non-empty string");
              api.call("accessToken.setCustomClaim", "maybe");
            }));

    Map<?, ?> claims = (Map<?, ?>) record.outcome().get("custom_claims");
    assertThat(claims.containsKey("maybe")).isTrue();
    assertThat(claims.get("maybe")).isNull();
    assertThat(record.outcome().get("ignored_claims")).isEqualTo(List.of());
  }

  @Test
  void leavesClaimsOfAFailedActionOutOfTheOutcome() {
    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("a", (e, api) -> {
              api.call("accessToken.setCustomClaim", "tier", "gold");
              throw new IllegalStateException("upstream down");
            }));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.outcome()).isEmpty();
  }

  @Test
  void sharesTheCacheBetweenActionsOfTheTrigger() {
    AtomicReference<Object> read = new AtomicReference<>();

    engine.run(
        "credentials-exchange",
        event,
        JavaStep.of("writer", (e, api) -> api.call("cache.set", "upstream-token", "tok-123")),
        JavaStep.of("reader", (e, api) -> read.set(api.call("cache.get", "upstream-token"))));

    assertThat(read.get()).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) read.get()).get("value")).isEqualTo("tok-123");
  }

  @Test
  void callingAMethodThisTriggerLacksIsATypeError() {
    AtomicReference<ApiCallException> thrown = new AtomicReference<>();

    var record =
        engine.run(
            "credentials-exchange",
            event,
            JavaStep.of("a", (e, api) -> {
              try {
                api.call("accessToken.addScope", "admin");
              } catch (ApiCallException x) {
                thrown.set(x);
              }
              api.call("user.setAppMetadata", "k", "v");
            }));

    assertThat(thrown.get().errorName()).isEqualTo("TypeError");
    assertThat(thrown.get().getMessage()).isEqualTo("api.accessToken.addScope is not a function");
    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("TypeError: api.user.setAppMetadata is not a function");
  }
}
