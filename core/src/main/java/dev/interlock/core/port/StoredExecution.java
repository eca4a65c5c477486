package dev.interlock.core.port;

import dev.interlock.core.execution.ExecutionRecord;
import java.util.Objects;

/**
 * An execution record plus, while the flow can still go on (suspended), the snapshot to resume
 * it from; {@code snapshot} is null for finished flows.
 */
public record StoredExecution(ExecutionRecord record, FlowSnapshot snapshot) {
  public StoredExecution {
    Objects.requireNonNull(record, "record");
  }
}
