package dev.interlock.trigger.signuplogin;

import static dev.interlock.trigger.signuplogin.Flows.at;
import static dev.interlock.trigger.signuplogin.Flows.outcome;
import static dev.interlock.trigger.signuplogin.Flows.postLoginRejection;
import static dev.interlock.trigger.signuplogin.Flows.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.testkit.EngineFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransactionMetadataTest {
  private final EngineFixture engine = Flows.engine();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void showsTransactionMetadataAtOnceAndToLaterActions() {
    AtomicReference<Object> sameAction = new AtomicReference<>();
    AtomicReference<Object> later = new AtomicReference<>();

    ExecutionRecord r = engine.run("post-login", PostLoginEvent.builder().transaction(t -> t.metadata("old", "x")).build(),
        step("set", (e, api) -> {
          assertThat(api.call("transaction.setMetadata", "risk", 3)).isNull();
          api.call("transaction.setMetadata", "old", null);
          sameAction.set(at(e, "transaction", "metadata"));
        }),
        step("read", (e, api) -> later.set(at(e, "transaction", "metadata"))));

    assertThat(sameAction.get()).isEqualTo(Map.of("risk", 3L));
    assertThat(later.get()).isEqualTo(Map.of("risk", 3L));
    assertThat(outcome(r, "transaction", "metadata")).isEqualTo(Map.of("risk", 3L));
  }

  @Test
  void acceptsOnlyStringsSafeIntegersBooleansAndNull() {
    assertThat(postLoginRejection((e, api) -> api.call("transaction.setMetadata", "k", Map.of())).getMessage())
        .contains("value must be a string, number, boolean or null");
    assertThat(postLoginRejection((e, api) -> api.call("transaction.setMetadata", "k", List.of("a"))).getMessage())
        .contains("value must be a string, number, boolean or null");
    assertThat(postLoginRejection((e, api) -> api.call("transaction.setMetadata", "k", 9007199254740993.0)).getMessage())
        .contains("safe integer");
    assertThat(postLoginRejection((e, api) -> api.call("transaction.setMetadata", "k", true))).isNull();
  }

  @Test
  void limitsKeysTo64CharactersAndValuesTo8Kilobytes() {
    assertThat(postLoginRejection((e, api) -> api.call("transaction.setMetadata", "k".repeat(65), "v")).getMessage())
        .contains("key must have 1 to 64 characters");
    assertThat(postLoginRejection((e, api) -> api.call("transaction.setMetadata", "k", "v".repeat(8 * 1024 + 1))).getMessage())
        .contains("exceeds 8192 bytes");
  }

  @Test
  void limitsTheWholeMetadataTo16Kilobytes() {
    assertThat(postLoginRejection((e, api) -> {
      api.call("transaction.setMetadata", "a", "v".repeat(8000));
      api.call("transaction.setMetadata", "b", "v".repeat(8000));
      api.call("transaction.setMetadata", "c", "v".repeat(8000));
    }).getMessage()).contains("would exceed 16384 bytes in total");
  }

  @Test
  void passesTheCallersTransactionMetadataToActions() {
    AtomicReference<Object> seen = new AtomicReference<>();

    engine.run("post-login", PostLoginEvent.builder().transaction(t -> t.metadata("origin", "mobile")).build(),
        step("read", (e, api) -> seen.set(at(e, "transaction", "metadata"))));

    assertThat(seen.get()).isEqualTo(Map.of("origin", "mobile"));
  }
}
