package dev.interlock.adapter.jdbc.internal;

import dev.interlock.core.execution.ExecutionId;
import dev.interlock.core.execution.ExecutionRecord;
import dev.interlock.core.execution.ExecutionRecordJson;
import dev.interlock.core.execution.ExecutionStatus;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.ExecutionStore;
import dev.interlock.core.port.FlowSnapshot;
import dev.interlock.core.port.StoredExecution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link ExecutionStore} on SQLite or PostgreSQL: the record and the snapshot as JSON, with the
 * columns needed to find them (state of a suspended flow, status, last update for retention).
 *
 * <p>On SQLite, {@link #save} uses <b>group commit</b>: SQLite runs one write transaction at a time
 * and each commit waits for an fsync ({@code synchronous=FULL}), so concurrent saves queue up; the
 * caller that gets the writer lock commits every queued save in one transaction and wakes the
 * others. Durability is unchanged: {@code save} still returns only after its row is committed (and
 * throws if it was not); it only shares the fsync with the saves that waited alongside it.
 */
public final class JdbcExecutionStore implements ExecutionStore {
  private static final int MAX_BATCH = 256;
  private static final String UPSERT = "INSERT INTO executions "
      + "(id, trigger_id, status, state, created_ms, updated_ms, record, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
      + "ON CONFLICT (id) DO UPDATE SET trigger_id = excluded.trigger_id, status = excluded.status, "
      + "state = excluded.state, created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, "
      + "record = excluded.record, snapshot = excluded.snapshot";
  private final Database db;
  private final ConcurrentLinkedQueue<PendingSave> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();

  public JdbcExecutionStore(Database db) {
    this.db = db;
  }

  /** The column values of one save, serialized before taking the writer lock. */
  private static final class Row {
    final String id;
    final String triggerId;
    final String status;
    final String state;
    final Long createdMs;
    final Long updatedMs;
    final String record;
    final String snapshot;

    Row(StoredExecution execution) {
      ExecutionRecord r = execution.record();
      id = r.id().value();
      triggerId = r.triggerId().value();
      status = r.status().name();
      state = r.status() == ExecutionStatus.SUSPENDED && r.continuation() != null ? r.continuation().state() : null;
      createdMs = millis(r.createdAt());
      updatedMs = millis(r.updatedAt());
      record = ExecutionRecordJson.write(r);
      snapshot = execution.snapshot() == null ? null : Json.write(execution.snapshot().toJson());
    }
  }

  /** A save waiting for the group commit that includes it. */
  private static final class PendingSave {
    final Row execution;
    // written under the writer lock before done is set; read after done is seen
    RuntimeException failure;
    volatile boolean done;

    PendingSave(Row execution) {
      this.execution = execution;
    }
  }

  @Override
  public void save(StoredExecution execution) {
    Row row = new Row(execution);
    if (!db.isSqlite()) {
      saveOne(row);
      return;
    }
    PendingSave mine = new PendingSave(row);
    queue.add(mine);
    writer.lock();
    try {
      // whoever drained this save committed it (or recorded its failure) before unlocking
      while (!mine.done) {
        commitQueued();
      }
    } finally {
      writer.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
  }

  // called with the writer lock held
  private void commitQueued() {
    List<PendingSave> batch = new ArrayList<>();
    PendingSave next;
    while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
      batch.add(next);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      if (batch.size() == 1) {
        saveOne(batch.get(0).execution);
      } else {
        db.transaction(c -> {
          try (PreparedStatement p = c.prepareStatement(UPSERT)) {
            for (PendingSave s : batch) {
              bind(p, s.execution);
              p.executeUpdate();
            }
          }
          return null;
        });
      }
    } catch (RuntimeException | Error failed) {
      if (batch.size() == 1) {
        batch.get(0).failure = failed instanceof RuntimeException ? (RuntimeException) failed
            : new IllegalStateException("saving the execution failed", failed);
      } else {
        // one bad save must not fail the others: commit each on its own, each with its own outcome
        for (PendingSave s : batch) {
          try {
            saveOne(s.execution);
          } catch (RuntimeException e) {
            s.failure = e;
          }
        }
      }
    } finally {
      for (PendingSave s : batch) {
        s.done = true;
      }
    }
  }

  private void saveOne(Row execution) {
    db.transaction(c -> {
      try (PreparedStatement p = c.prepareStatement(UPSERT)) {
        bind(p, execution);
        p.executeUpdate();
      }
      return null;
    });
  }

  private static void bind(PreparedStatement p, Row r) throws SQLException {
    p.setString(1, r.id);
    p.setString(2, r.triggerId);
    p.setString(3, r.status);
    p.setString(4, r.state);
    p.setObject(5, r.createdMs, Types.BIGINT);
    p.setObject(6, r.updatedMs, Types.BIGINT);
    p.setString(7, r.record);
    p.setString(8, r.snapshot);
  }

  @Override
  public boolean claim(StoredExecution claimed, Instant expectedUpdatedAt) {
    ExecutionRecord r = claimed.record();
    return db.transaction(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE executions SET status = ?, updated_ms = ?, record = ?, "
          + "snapshot = ? WHERE id = ? AND status = ? AND "
          + (expectedUpdatedAt == null ? "updated_ms IS NULL" : "updated_ms = ?"))) {
        p.setString(1, r.status().name());
        p.setObject(2, millis(r.updatedAt()), Types.BIGINT);
        p.setString(3, ExecutionRecordJson.write(r));
        p.setString(4, claimed.snapshot() == null ? null : Json.write(claimed.snapshot().toJson()));
        p.setString(5, r.id().value());
        p.setString(6, ExecutionStatus.PENDING.name());
        if (expectedUpdatedAt != null) {
          p.setLong(7, expectedUpdatedAt.toEpochMilli());
        }
        return p.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<StoredExecution> find(ExecutionId id) {
    return one("SELECT record, snapshot FROM executions WHERE id = ?", id.value());
  }

  @Override
  public Optional<StoredExecution> findByState(String state) {
    return one("SELECT record, snapshot FROM executions WHERE state = ?", state);
  }

  private Optional<StoredExecution> one(String sql, String key) {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, key);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<StoredExecution> pending() {
    return byStatus(ExecutionStatus.PENDING, "");
  }

  @Override
  public List<StoredExecution> exhausted() {
    return byStatus(ExecutionStatus.FAILED, " AND snapshot IS NOT NULL");
  }

  private List<StoredExecution> byStatus(ExecutionStatus status, String condition) {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT record, snapshot FROM executions WHERE status = ?" + condition + " ORDER BY created_ms, id")) {
        p.setString(1, status.name());
        List<StoredExecution> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(stored(rs));
          }
        }
        return out;
      }
    });
  }

  @Override
  public int deleteUpdatedBefore(Instant cutoff) {
    return db.transaction(c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM executions WHERE updated_ms < ?")) {
        p.setLong(1, cutoff.toEpochMilli());
        return p.executeUpdate();
      }
    });
  }

  private static StoredExecution stored(ResultSet rs) throws SQLException {
    ExecutionRecord record = ExecutionRecordJson.fromJson(Json.parseObject(rs.getString(1)));
    String snapshot = rs.getString(2);
    return new StoredExecution(record, snapshot == null ? null : FlowSnapshot.fromJson(Json.parseObject(snapshot)));
  }

  private static Long millis(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }
}
