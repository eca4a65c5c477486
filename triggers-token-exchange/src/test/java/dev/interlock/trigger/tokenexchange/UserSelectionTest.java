package dev.interlock.trigger.tokenexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.ApiCallException;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserSelectionTest {
  private static final Map<String, Object> CREATE_AND_REPLACE =
      Map.of("creationBehavior", "create_if_not_exists", "updateBehavior", "replace");
  private final EngineFixture engine = EngineFixture.of(new TokenExchangeFamily());
  private final Map<String, Object> event = CustomTokenExchangeEvent.builder().build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void setUserByIdSelectsAnExistingUserAndReturnsUndefined() {
    AtomicReference<Object> returned = new AtomicReference<>("unset");

    var record = engine.run("custom-token-exchange", event,
        JavaStep.of("exchange", (e, api) -> returned.set(api.call("authentication.setUserById", "auth0|42"))));

    assertThat(returned.get()).isNull();
    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.outcome()).isEqualTo(Map.of("user", Map.of("user_id", "auth0|42"), "issue_refresh_token", true));
  }

  @Test
  void setUserByIdRejectsABlankId() {
    var record = engine.run("custom-token-exchange", event,
        JavaStep.of("exchange", (e, api) -> api.call("authentication.setUserById", "")));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("TypeError: api.authentication.setUserById: user_id must be a non-empty string");
  }

  @Test
  void setUserByConnectionSelectsByConnectionWithItsBehaviors() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("user_id", "legacy-42");
    attributes.put("email", "ana@example.com");
    attributes.put("email_verified", true);
    attributes.put("phone_number", "+31612345678");
    attributes.put("verify_email", false);

    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange",
        (e, api) -> api.call("authentication.setUserByConnection", "legacy-db", attributes, CREATE_AND_REPLACE)));

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.outcome().get("user")).isEqualTo(Map.of(
        "connection", "legacy-db",
        "user_attributes", attributes,
        "creation_behavior", "create_if_not_exists",
        "update_behavior", "replace"));
  }

  @Test
  void setUserByConnectionRejectsInvalidAttributesAndOptions() {
    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      String m = "authentication.setUserByConnection";
      assertThatThrownBy(() -> api.call(m, "db", Map.of("email", "a@b.c"), CREATE_AND_REPLACE))
          .hasMessageContaining("user_attributes.user_id must be a non-empty string");
      assertThatThrownBy(() -> api.call(m, "db", Map.of("user_id", "1", "role", "admin"), CREATE_AND_REPLACE))
          .hasMessageContaining("user_attributes.role is not a known attribute");
      assertThatThrownBy(() -> api.call(m, "db", Map.of("user_id", "1", "email_verified", "true"), CREATE_AND_REPLACE))
          .hasMessageContaining("user_attributes.email_verified must be a boolean, got string");
      assertThatThrownBy(() -> api.call(m, "db", Map.of("user_id", "1", "phone_number", "0612345678"), CREATE_AND_REPLACE))
          .hasMessageContaining("phone_number must be in E.164 format");
      assertThatThrownBy(() -> api.call(m, "db", Map.of("user_id", "1"), Map.of("creationBehavior", "none")))
          .hasMessageContaining("options.updateBehavior must be one of [replace, none], got null");
      assertThatThrownBy(() -> api.call(m, "db", Map.of("user_id", "1"), Map.of("creationBehavior", "always", "updateBehavior", "none")))
          .hasMessageContaining("options.creationBehavior must be one of [create_if_not_exists, none], got 'always'");
      assertThatThrownBy(() -> api.call(m, "db", Map.of("user_id", "1")))
          .isInstanceOfSatisfying(ApiCallException.class, x -> assertThat(x.errorName()).isEqualTo("TypeError"))
          .hasMessageContaining("options must be an object, got undefined");
      assertThatThrownBy(() -> api.call(m, " ", Map.of("user_id", "1"), CREATE_AND_REPLACE))
          .hasMessageContaining("connection_name must be a non-empty string");
    }));

    assertThat(record.commands()).isEmpty();
    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
  }

  @Test
  void failsAFlowThatSelectsNoUser() {
    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {}));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message())
        .isEqualTo("the exchange selected no user: a successful custom-token-exchange action must call "
            + "api.authentication.setUserById or api.authentication.setUserByConnection exactly once, or deny");
    assertThat(record.error().actionName()).isEqualTo("exchange");
    assertThat(record.outcome()).isEmpty();
  }

  @Test
  void failsAFlowThatSelectsTwoUsers() {
    var record = engine.run("custom-token-exchange", event, JavaStep.of("exchange", (e, api) -> {
      api.call("authentication.setUserById", "auth0|1");
      api.call("authentication.setUserByConnection", "db", Map.of("user_id", "2"), CREATE_AND_REPLACE);
    }));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains(
        "selected 2 users (authentication.setUserById, authentication.setUserByConnection)", "exactly one user");
  }

  @Test
  void failsAFlowOfMoreThanOneActionBecauseAProfileRunsOneAction() {
    var record = engine.run("custom-token-exchange", event,
        JavaStep.of("first", (e, api) -> api.call("authentication.setUserById", "auth0|1")),
        JavaStep.of("second", (e, api) -> {}));

    assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(record.error().message()).contains("exactly one action per profile, but this flow ran 2 actions");
  }
}
