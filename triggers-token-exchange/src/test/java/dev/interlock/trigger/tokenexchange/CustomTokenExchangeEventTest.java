package dev.interlock.trigger.tokenexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerId;
import dev.interlock.core.trigger.TriggerMode;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomTokenExchangeEventTest {
  private final EngineFixture engine = EngineFixture.of(new TokenExchangeFamily());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void isFoundThroughTheServiceLoaderAsASyncTriggerWithOneHandler() {
    var families = TriggerCatalog.discoverFamilies(getClass().getClassLoader());

    var trigger = TriggerCatalog.of(families).require(TriggerId.of("custom-token-exchange"));

    assertThat(trigger.mode()).isEqualTo(TriggerMode.SYNC);
    assertThat(trigger.handler()).isEqualTo("onExecuteCustomTokenExchange");
    assertThat(trigger.resumeHandlerName()).isEmpty();
    assertThat(trigger.api().namespaces()).containsExactly("access", "authentication", "user", "cache");
  }

  @Test
  void rejectsAnEventThatDoesNotFitTheContractListingEveryPath() {
    Map<String, Object> event =
        CustomTokenExchangeEvent.builder()
            .with("transaction", Map.of("subject_token_type", "urn:x", "requested_scopes", "openid"))
            .with("resource_server", List.of())
            .build();

    assertThatThrownBy(() -> engine.run("custom-token-exchange", event))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_event");
              assertThat(e.problems())
                  .extracting(Problem::path)
                  .containsExactlyInAnyOrder(
                      "$.transaction.subject_token", "$.transaction.requested_scopes", "$.resource_server");
            });
  }

  @Test
  void validatesTheActorTokenUserProfile() {
    Map<String, Object> event =
        CustomTokenExchangeEvent.builder()
            .with("transaction", Map.of("subject_token", "t", "subject_token_type", "urn:x",
                "actor_token_user", Map.of("user_id", "auth0|1", "email_verified", "yes")))
            .build();

    assertThatThrownBy(() -> engine.run("custom-token-exchange", event))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems())
                .extracting(Problem::path)
                .containsExactlyInAnyOrder(
                    "$.transaction.actor_token_user.created_at",
                    "$.transaction.actor_token_user.updated_at",
                    "$.transaction.actor_token_user.email_verified"));
  }

  @Test
  void givesTheActionTheSubjectTokenAndDefaultsForOmittedParts() {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    Map<String, Object> event =
        CustomTokenExchangeEvent.builder()
            .with("transaction", Map.of("subject_token", "tok", "subject_token_type", "urn:example:legacy"))
            .build();

    engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      seen.set(e);
      api.call("authentication.setUserById", "auth0|42");
    }));

    assertThat(seen.get().get("transaction"))
        .isEqualTo(Map.of("subject_token", "tok", "subject_token_type", "urn:example:legacy", "requested_scopes", List.of()));
    assertThat(((Map<?, ?>) seen.get().get("request")).get("body")).isInstanceOf(Map.class);
  }
}
