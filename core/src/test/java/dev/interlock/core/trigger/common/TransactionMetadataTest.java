package dev.interlock.core.trigger.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionMetadataTest {

  @Test
  void leavesTheEventAloneWhenNoActionSetMetadata() {
    Map<String, Object> event = Map.of("transaction", Map.of("metadata", Map.of("a", "1")));

    assertThat(TransactionMetadata.apply(event, new HashMap<>())).isSameAs(event);
  }

  @Test
  void replacesTheEventsMetadataWithTheFlowStatesWithoutModifyingTheEvent() {
    Map<String, Object> event = new LinkedHashMap<>(Map.of("transaction", Map.of("id", "tx", "metadata", Map.of("a", "1"))));
    Map<String, Object> state = new HashMap<>(Map.of(TransactionMetadata.FLOW_STATE_KEY, Map.of("b", 2L)));

    Map<String, Object> applied = TransactionMetadata.apply(event, state);

    assertThat(applied.get("transaction")).isEqualTo(Map.of("id", "tx", "metadata", Map.of("b", 2L)));
    assertThat(event.get("transaction")).isEqualTo(Map.of("id", "tx", "metadata", Map.of("a", "1")));
  }

  @Test
  void createsTheTransactionWhenTheEventHasNone() {
    Map<String, Object> state = new HashMap<>(Map.of(TransactionMetadata.FLOW_STATE_KEY, Map.of("b", true)));

    assertThat(TransactionMetadata.apply(Map.of(), state).get("transaction")).isEqualTo(Map.of("metadata", Map.of("b", true)));
  }
}
