package dev.interlock.trigger.m2m;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.InvalidRequestException;
import dev.interlock.core.Problem;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.trigger.TriggerCatalog;
import dev.interlock.core.trigger.TriggerMode;
import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsExchangeEventTest {
  private final EngineFixture engine = EngineFixture.of(new MachineToMachineFamily());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void isFoundThroughTheServiceLoaderAsASyncTriggerWithItsHandler() {
    var families = TriggerCatalog.discoverFamilies(getClass().getClassLoader());

    var trigger = TriggerCatalog.of(families).require(dev.interlock.core.trigger.TriggerId.of("credentials-exchange"));

    assertThat(families).anyMatch(f -> f instanceof MachineToMachineFamily);
    assertThat(trigger.mode()).isEqualTo(TriggerMode.SYNC);
    assertThat(trigger.handler()).isEqualTo("onExecuteCredentialsExchange");
    assertThat(trigger.resumeHandlerName()).isEmpty();
    assertThat(trigger.api().namespaces()).containsExactly("access", "accessToken", "transaction", "cache");
  }

  @Test
  void rejectsAnEventThatDoesNotFitTheContractListingEveryPath() {
    Map<String, Object> event =
        CredentialsExchangeEvent.builder()
            .without("client")
            .with("resource_server", Map.of("identifier", 42))
            .with("transaction", Map.of("requested_scopes", List.of("read", 7)))
            .build();

    assertThatThrownBy(() -> engine.run("credentials-exchange", event))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_event");
              assertThat(e.problems())
                  .extracting(Problem::path)
                  .containsExactlyInAnyOrder("$.client", "$.resource_server.identifier", "$.transaction.requested_scopes[1]");
            });
  }

  @Test
  void givesActionsTheDocumentedDefaultsForOmittedParts() {
    Map<String, Object> event = CredentialsExchangeEvent.builder().with("transaction", Map.of()).build();
    event.remove("accessToken");
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();

    var record = engine.run("credentials-exchange", event, JavaStep.of("look", (e, api) -> seen.set(e)));

    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(seen.get().get("accessToken")).isEqualTo(Map.of("customClaims", Map.of(), "scope", List.of()));
    assertThat(seen.get().get("transaction")).isEqualTo(Map.of("requested_scopes", List.of()));
    assertThat(seen.get()).containsKeys("secrets", "configuration", "client", "resource_server", "request", "tenant");
  }

  @Test
  void passesTheRequestBodyAndResourceServerThrough() {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();

    engine.run(
        "credentials-exchange",
        CredentialsExchangeEvent.builder().audience("https://api.example.com/ledger").build(),
        JavaStep.of("look", (e, api) -> seen.set(e)));

    assertThat(seen.get().get("resource_server")).isEqualTo(Map.of("identifier", "https://api.example.com/ledger"));
    assertThat(((Map<?, ?>) ((Map<?, ?>) seen.get().get("request")).get("body")).get("grant_type"))
        .isEqualTo("client_credentials");
  }
}
