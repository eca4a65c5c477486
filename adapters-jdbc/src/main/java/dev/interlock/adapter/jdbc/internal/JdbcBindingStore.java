package dev.interlock.adapter.jdbc.internal;

import dev.interlock.core.ConflictException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.Binding;
import dev.interlock.core.action.RetryPolicy;
import dev.interlock.core.action.TriggerBindings;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.BindingStore;
import dev.interlock.core.trigger.TriggerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BindingStore} on SQLite or PostgreSQL: one {@code binding_sets} row per trigger holds the
 * revision, and a replacement first moves that revision with a conditional {@code UPDATE} (or
 * inserts it for a trigger never bound), which locks the row until the new list is written. In
 * the same transaction every bound action must exist; on PostgreSQL its row is read {@code FOR
 * SHARE}, so a concurrent delete (which takes it {@code FOR UPDATE}, see {@link JdbcActionStore})
 * waits for this commit and then sees the binding, or has already removed the row and this
 * replacement is refused. SQLite runs one write transaction at a time.
 */
public final class JdbcBindingStore implements BindingStore {
  private final Database db;

  public JdbcBindingStore(Database db) {
    this.db = db;
  }

  @Override
  public TriggerBindings get(TriggerId trigger) {
    // one statement, so the revision and the list come from the same snapshot
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT s.revision, b.id, b.action_id, b.display_name, "
          + "b.configuration, b.retry FROM binding_sets s LEFT JOIN bindings b ON b.trigger_id = s.trigger_id "
          + "WHERE s.trigger_id = ? ORDER BY b.position")) {
        p.setString(1, trigger.value());
        long revision = 0;
        List<Binding> list = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            revision = rs.getLong(1);
            String id = rs.getString(2);
            if (id != null) {
              list.add(new Binding(id, trigger, ActionId.of(rs.getString(3)), rs.getString(4),
                  JdbcActionStore.strings(rs.getString(5)), retry(rs.getString(6))));
            }
          }
        }
        return new TriggerBindings(trigger, list, revision);
      }
    });
  }

  @Override
  public TriggerBindings replace(TriggerId trigger, List<Binding> bindings, long expectedRevision) {
    for (Binding b : bindings) {
      if (!b.trigger().equals(trigger)) {
        throw new IllegalArgumentException("binding " + b.id() + " belongs to " + b.trigger() + ", not " + trigger);
      }
    }
    return db.transaction(c -> {
      long next = expectedRevision + 1;
      boolean moved;
      if (expectedRevision == 0) {
        moved = insertFirst(c, trigger);
      } else {
        try (PreparedStatement p = c.prepareStatement(
            "UPDATE binding_sets SET revision = ? WHERE trigger_id = ? AND revision = ?")) {
          p.setLong(1, next);
          p.setString(2, trigger.value());
          p.setLong(3, expectedRevision);
          moved = p.executeUpdate() == 1;
        }
      }
      if (!moved) {
        throw new ConflictException("revision_conflict", "bindings of " + trigger
            + " were changed concurrently (expected revision " + expectedRevision + ")");
      }
      requireActions(c, bindings);
      try (PreparedStatement d = c.prepareStatement("DELETE FROM bindings WHERE trigger_id = ?")) {
        d.setString(1, trigger.value());
        d.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO bindings "
          + "(trigger_id, position, id, action_id, display_name, configuration, retry) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int position = 0;
        for (Binding b : bindings) {
          p.setString(1, trigger.value());
          p.setInt(2, position++);
          p.setString(3, b.id());
          p.setString(4, b.action().value());
          p.setString(5, b.displayName());
          p.setString(6, JdbcActionStore.json(b.configuration()));
          p.setString(7, json(b.retry()));
          p.addBatch();
        }
        if (!bindings.isEmpty()) {
          p.executeBatch();
        }
      }
      ChangePoller.bump(c);
      return new TriggerBindings(trigger, bindings, next);
    });
  }

  private void requireActions(Connection c, List<Binding> bindings) throws SQLException {
    String sql = "SELECT 1 FROM actions WHERE id = ?" + (db.isSqlite() ? "" : " FOR SHARE");
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (Binding b : bindings) {
        p.setString(1, b.action().value());
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            throw new NotFoundException("action_not_found", "action " + b.action() + " does not exist");
          }
        }
      }
    }
  }

  private static String json(RetryPolicy r) {
    if (!r.enabled()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_attempts", (long) r.maxAttempts());
    m.put("initial_backoff_ms", r.initialBackoff().toMillis());
    m.put("multiplier", r.multiplier());
    m.put("max_backoff_ms", r.maxBackoff().toMillis());
    return Json.write(m);
  }

  private static RetryPolicy retry(String json) {
    if (json == null) {
      return RetryPolicy.NONE;
    }
    Map<String, Object> m = Json.parseObject(json);
    return new RetryPolicy(((Number) m.get("max_attempts")).intValue(),
        Duration.ofMillis(((Number) m.get("initial_backoff_ms")).longValue()),
        ((Number) m.get("multiplier")).doubleValue(),
        Duration.ofMillis(((Number) m.get("max_backoff_ms")).longValue()));
  }

  private static boolean insertFirst(Connection c, TriggerId trigger) throws SQLException {
    // ON CONFLICT DO NOTHING: a concurrent first writer makes this insert count 0 rows, not fail
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO binding_sets (trigger_id, revision) VALUES (?, 1) ON CONFLICT (trigger_id) DO NOTHING")) {
      p.setString(1, trigger.value());
      return p.executeUpdate() == 1;
    }
  }
}
