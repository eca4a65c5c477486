package dev.interlock.trigger.tokenexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.testkit.EngineFixture;
import dev.interlock.testkit.JavaStep;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransactionMetadataFlagTest {
  private final EngineFixture engine = EngineFixture.of(TokenExchangeFamily.withTransactionMetadata());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void theServiceLoadedFamilyLeavesTheFlagGatedMethodOut() {
    assertThat(new TokenExchangeFamily().triggers().get(0).api().find("transaction.setMetadata")).isEmpty();
    assertThat(TokenExchangeFamily.withTransactionMetadata().triggers().get(0).api().namespaces())
        .containsExactly("access", "authentication", "user", "transaction", "cache");
  }

  @Test
  void setMetadataShowsAtOnceAndIsHandedOnInTheOutcome() {
    AtomicReference<Object> seen = new AtomicReference<>();

    var record = engine.run("custom-token-exchange", CustomTokenExchangeEvent.builder().build(), JavaStep.of("exchange", (e, api) -> {
      assertThat(api.call("transaction.setMetadata", "legacy_session", "s-91")).isNull();
      seen.set(((Map<?, ?>) e.get("transaction")).get("metadata"));
      assertThatThrownBy(() -> api.call("transaction.setMetadata", "k", List.of("no arrays")))
          .hasMessageContaining("value must be a string, number, boolean or null");
      api.call("authentication.setUserById", "auth0|42");
    }));

    assertThat(seen.get()).isEqualTo(Map.of("legacy_session", "s-91"));
    assertThat(record.outcome()).containsEntry("transaction_metadata", Map.of("legacy_session", "s-91"));
  }
}
