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

/**
 * {@link ExecutionStore} on SQLite or PostgreSQL: the record and the snapshot as JSON, with the
 * columns needed to find them (state of a suspended flow, status, last update for retention).
 */
public final class JdbcExecutionStore implements ExecutionStore {
  private final Database db;

  public JdbcExecutionStore(Database db) {
    this.db = db;
  }

  @Override
  public void save(StoredExecution execution) {
    ExecutionRecord r = execution.record();
    String state = r.status() == ExecutionStatus.SUSPENDED && r.continuation() != null ? r.continuation().state() : null;
    db.transaction(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO executions "
          + "(id, trigger_id, status, state, created_ms, updated_ms, record, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          + "ON CONFLICT (id) DO UPDATE SET trigger_id = excluded.trigger_id, status = excluded.status, "
          + "state = excluded.state, created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, "
          + "record = excluded.record, snapshot = excluded.snapshot")) {
        p.setString(1, r.id().value());
        p.setString(2, r.triggerId().value());
        p.setString(3, r.status().name());
        p.setString(4, state);
        p.setObject(5, millis(r.createdAt()), Types.BIGINT);
        p.setObject(6, millis(r.updatedAt()), Types.BIGINT);
        p.setString(7, ExecutionRecordJson.write(r));
        p.setString(8, execution.snapshot() == null ? null : Json.write(execution.snapshot().toJson()));
        p.executeUpdate();
      }
      return null;
    });
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
