package dev.interlock.core.execution;

import java.util.Map;

/**
 * The outcome of a flow as a value the caller switches on: completed, denied, failed, suspended,
 * or (async triggers) pending. Each variant carries the full {@link ExecutionRecord}.
 */
public sealed interface ExecutionResult
    permits ExecutionResult.Completed,
        ExecutionResult.Denied,
        ExecutionResult.Failed,
        ExecutionResult.Suspended,
        ExecutionResult.Pending {

  ExecutionRecord record();

  /** The trigger's aggregated effect, for the caller to apply. */
  default Map<String, Object> outcome() {
    return record().outcome();
  }

  /** Every bound action ran and none stopped the flow. */
  record Completed(ExecutionRecord record) implements ExecutionResult {}

  /** An action called a flow-stopping api; later actions were skipped. */
  record Denied(ExecutionRecord record) implements ExecutionResult {}

  /** An action threw, timed out, ran over a limit or could not be loaded. */
  record Failed(ExecutionRecord record, ExecutionError error) implements ExecutionResult {}

  /** An action left the flow (redirect, form, MFA); resume with the continuation's state. */
  record Suspended(ExecutionRecord record, Continuation continuation) implements ExecutionResult {}

  /** An async trigger's flow was accepted and runs in the background. */
  record Pending(ExecutionRecord record) implements ExecutionResult {}

  /** The variant that matches the record's status. */
  static ExecutionResult of(ExecutionRecord r) {
    return switch (r.status()) {
      case COMPLETED -> new Completed(r);
      case DENIED -> new Denied(r);
      case FAILED -> new Failed(r, r.error());
      case SUSPENDED -> new Suspended(r, r.continuation());
      case PENDING -> new Pending(r);
    };
  }
}
