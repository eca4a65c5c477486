package dev.interlock.core.port;

import dev.interlock.core.execution.ExecutionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: execution records, and for suspended or pending flows what is needed to go on.
 * Implementations must pass {@code ExecutionStoreContract} from the test kit.
 */
public interface ExecutionStore {

  /** Inserts or replaces the execution with this id. */
  void save(StoredExecution execution);

  Optional<StoredExecution> find(ExecutionId id);

  /** The suspended execution waiting on this continuation state. */
  Optional<StoredExecution> findByState(String state);

  /** Deletes records last updated before {@code cutoff}; returns how many. */
  int deleteUpdatedBefore(Instant cutoff);

  /**
   * Accepted async executions that have not finished (status {@code pending}), oldest first, with
   * the snapshot holding their event; the engine runs them again after a restart.
   */
  default List<StoredExecution> pending() {
    return List.of();
  }

  /**
   * Failed async executions whose retries are used up (status {@code failed} and a snapshot kept
   * to deliver them again), oldest first.
   */
  default List<StoredExecution> exhausted() {
    return List.of();
  }

  /**
   * Replaces a pending execution only if it is still pending and was last updated at {@code
   * expectedUpdatedAt} (compared in milliseconds): how one engine among several claims an
   * execution before running it. True when this caller won. Durable stores must override this
   * default, which is only atomic within one process.
   */
  default boolean claim(StoredExecution claimed, Instant expectedUpdatedAt) {
    synchronized (this) {
      Optional<StoredExecution> current = find(claimed.record().id());
      if (current.isEmpty()
          || current.get().record().status() != dev.interlock.core.execution.ExecutionStatus.PENDING
          || !sameMillis(current.get().record().updatedAt(), expectedUpdatedAt)) {
        return false;
      }
      save(claimed);
      return true;
    }
  }

  private static boolean sameMillis(Instant a, Instant b) {
    return a == null ? b == null : b != null && a.toEpochMilli() == b.toEpochMilli();
  }
}
