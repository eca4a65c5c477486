package dev.interlock.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.execution.Continuation;
import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.FlowSnapshot;
import dev.interlock.core.port.StoredExecution;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ExecutionStore} must do. */
public abstract class ExecutionStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private ExecutionStore store;

  protected abstract ExecutionStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static ExecutionRecord record(String id, ExecutionStatus status, Instant updated, String state) {
    return new ExecutionRecord(new ExecutionId(id), TriggerId.of("post-login"), "v3", status, T0, updated, 1.5, null,
        List.of(), Map.of("access", Map.of("denied", false)),
        state == null ? null : new Continuation(state, "https://x.example?state=" + state, "onContinuePostLogin", Map.of()));
  }

  private static FlowSnapshot snapshot() {
    return new FlowSnapshot(Map.of("user", Map.of("user_id", "u1")), Map.of("tx", Map.of("k", "v")),
        List.of(new FlowSnapshot.ActionRef("act_1", "redirect", 2, null)), 0, true);
  }

  @Test
  void findsASavedRecordById() {
    ExecutionRecord r = record("exec_1", ExecutionStatus.COMPLETED, T0, null);

    store.save(new StoredExecution(r, null));

    assertThat(store.find(r.id())).contains(new StoredExecution(r, null));
  }

  @Test
  void findsASuspendedExecutionWithItsSnapshotByState() {
    StoredExecution s = new StoredExecution(record("exec_1", ExecutionStatus.SUSPENDED, T0, "state_a"), snapshot());

    store.save(s);

    assertThat(store.findByState("state_a")).contains(s);
  }

  @Test
  void savingAgainReplacesTheRecordAndForgetsAnOldState() {
    store.save(new StoredExecution(record("exec_1", ExecutionStatus.SUSPENDED, T0, "state_a"), snapshot()));
    ExecutionRecord done = record("exec_1", ExecutionStatus.COMPLETED, T0.plusSeconds(5), null);

    store.save(new StoredExecution(done, null));

    assertThat(store.find(done.id()).map(StoredExecution::record)).contains(done);
    assertThat(store.findByState("state_a")).isEmpty();
  }

  @Test
  void listsPendingExecutionsAndFailedOnesKeptForRedelivery() {
    StoredExecution pending = new StoredExecution(record("exec_p", ExecutionStatus.PENDING, T0, null), snapshot());
    StoredExecution exhausted = new StoredExecution(record("exec_x", ExecutionStatus.FAILED, T0, null), snapshot());
    store.save(pending);
    store.save(exhausted);
    store.save(new StoredExecution(record("exec_f", ExecutionStatus.FAILED, T0, null), null));
    store.save(new StoredExecution(record("exec_c", ExecutionStatus.COMPLETED, T0, null), null));

    assertThat(store.pending()).containsExactly(pending);
    assertThat(store.exhausted()).containsExactly(exhausted);
  }

  @Test
  void letsOnlyOneClaimantTakeAPendingExecution() {
    store.save(new StoredExecution(record("exec_p", ExecutionStatus.PENDING, T0, null), snapshot()));
    StoredExecution first = new StoredExecution(record("exec_p", ExecutionStatus.PENDING, T0.plusSeconds(1), null), snapshot());
    StoredExecution second = new StoredExecution(record("exec_p", ExecutionStatus.PENDING, T0.plusSeconds(2), null), snapshot());

    boolean firstWon = store.claim(first, T0);
    boolean secondWon = store.claim(second, T0);

    assertThat(firstWon).isTrue();
    assertThat(secondWon).isFalse();
    assertThat(store.find(new ExecutionId("exec_p"))).contains(first);
    assertThat(store.claim(new StoredExecution(record("exec_missing", ExecutionStatus.PENDING, T0, null), null), T0)).isFalse();
  }

  @Test
  void deletesRecordsLastUpdatedBeforeACutoff() {
    store.save(new StoredExecution(record("exec_old", ExecutionStatus.COMPLETED, T0, null), null));
    store.save(new StoredExecution(record("exec_new", ExecutionStatus.COMPLETED, T0.plusSeconds(100), null), null));

    int deleted = store.deleteUpdatedBefore(T0.plusSeconds(50));

    assertThat(deleted).isEqualTo(1);
    assertThat(store.find(new ExecutionId("exec_old"))).isEmpty();
    assertThat(store.find(new ExecutionId("exec_new"))).isPresent();
  }
}
