package dev.interlock.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.port.StoredExecution;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryExecutionStoreCapacityTest {

  @Test
  void keepsTheNewestTenThousandFinishedRecordsByDefault() {
    InMemoryExecutionStore store = new InMemoryExecutionStore();

    for (int i = 0; i <= 10_000; i++) {
      store.save(finished("exec_" + i));
    }

    assertThat(store.find(new ExecutionId("exec_0"))).isEmpty();
    assertThat(store.find(new ExecutionId("exec_1"))).isPresent();
    assertThat(store.find(new ExecutionId("exec_10000"))).isPresent();
  }

  private static StoredExecution finished(String id) {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    return new StoredExecution(new ExecutionRecord(new ExecutionId(id), TriggerId.of("post-login"), "v3",
        ExecutionStatus.COMPLETED, now, now, 1.0, null, List.of(), Map.of(), null), null);
  }
}
