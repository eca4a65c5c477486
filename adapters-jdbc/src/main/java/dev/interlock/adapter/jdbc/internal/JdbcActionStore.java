package dev.interlock.adapter.jdbc.internal;

import dev.interlock.core.ConflictException;
import dev.interlock.core.NotFoundException;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.action.ActionVersion;
import dev.interlock.core.json.Json;
import dev.interlock.core.port.ActionStore;
import dev.interlock.core.port.ChangeFeed;
import dev.interlock.core.trigger.TriggerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ActionStore} on SQLite or PostgreSQL. Secrets are encrypted per row; revisions are checked
 * in the {@code UPDATE}'s {@code WHERE}, so the check and the write are one step. Changes that
 * alter what flows run bump the change counter in the same transaction. Also the {@link
 * ChangeFeed} of the database, so that an engine built on this store caches its flows.
 */
public final class JdbcActionStore implements ActionStore, ChangeFeed {
  private static final String COLUMNS =
      "id, name, trigger_id, code, runtime, dependencies, secrets, deployed_version, revision, created_at, updated_at";
  private static final String VERSION_COLUMNS = "action_id, number, id, code, runtime, dependencies, secrets, created_at";

  private final Database db;
  private final SecretsCodec secrets;
  private final ChangePoller changes;

  public JdbcActionStore(Database db, SecretsCodec secrets, ChangePoller changes) {
    this.db = db;
    this.secrets = secrets;
    this.changes = changes;
  }

  @Override
  public AutoCloseable subscribe(Runnable listener) {
    return changes.subscribe(listener);
  }

  @Override
  public Optional<Action> find(ActionId id) {
    return db.read(c -> find(c, id.value()));
  }

  private Optional<Action> find(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM actions WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(action(rs)) : Optional.empty();
      }
    }
  }

  private static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM actions WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public List<Action> list(Optional<TriggerId> trigger) {
    return db.read(c -> {
      String sql = "SELECT " + COLUMNS + " FROM actions" + (trigger.isPresent() ? " WHERE trigger_id = ?" : "")
          + " ORDER BY created_ms, id";
      try (PreparedStatement p = c.prepareStatement(sql)) {
        if (trigger.isPresent()) {
          p.setString(1, trigger.get().value());
        }
        List<Action> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(action(rs));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void insert(Action action) {
    db.transaction(c -> {
      insertRow(c, action);
      return null;
    });
  }

  private void insertRow(Connection c, Action action) throws SQLException {
    if (exists(c, action.id().value())) {
      throw new ConflictException("action_exists", "action " + action.id() + " exists already");
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO actions (" + COLUMNS
        + ", created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      bindAction(p, action);
      p.setObject(12, action.createdAt() == null ? null : action.createdAt().toEpochMilli(), Types.BIGINT);
      p.executeUpdate();
    } catch (SQLException e) {
      if (Database.isDuplicate(e)) {
        throw new ConflictException("action_exists", "action " + action.id() + " exists already");
      }
      throw e;
    }
  }

  @Override
  public void update(Action action, long expectedRevision) {
    db.transaction(c -> {
      updateChecked(c, action, expectedRevision);
      ChangePoller.bump(c);
      return null;
    });
  }

  private void updateChecked(Connection c, Action action, long expectedRevision) throws SQLException {
    int n;
    try (PreparedStatement p = c.prepareStatement("UPDATE actions SET name = ?, trigger_id = ?, code = ?, runtime = ?, "
        + "dependencies = ?, secrets = ?, deployed_version = ?, revision = ?, created_at = ?, updated_at = ? "
        + "WHERE id = ? AND revision = ?")) {
      p.setString(1, action.name());
      p.setString(2, action.trigger().value());
      p.setString(3, action.draft().code());
      p.setString(4, action.draft().runtime());
      p.setString(5, json(action.draft().dependencies()));
      p.setString(6, secrets.seal(action.draft().secrets(), SecretsCodec.draftContext(action.id().value())));
      p.setObject(7, action.deployedVersion(), Types.INTEGER);
      p.setLong(8, action.revision());
      p.setString(9, instant(action.createdAt()));
      p.setString(10, instant(action.updatedAt()));
      p.setString(11, action.id().value());
      p.setLong(12, expectedRevision);
      n = p.executeUpdate();
    }
    if (n == 0) {
      if (!exists(c, action.id().value())) {
        throw new NotFoundException("action_not_found", "action " + action.id() + " does not exist");
      }
      throw new ConflictException("revision_conflict", "action " + action.id()
          + " was changed concurrently (expected revision " + expectedRevision + ")");
    }
  }

  @Override
  public void deploy(Action updated, ActionVersion version, long expectedRevision) {
    db.transaction(c -> {
      updateChecked(c, updated, expectedRevision);
      insertVersion(c, version);
      ChangePoller.bump(c);
      return null;
    });
  }

  @Override
  public boolean delete(ActionId id) {
    return db.transaction(c -> {
      // lock the row first: a binding change reading it FOR SHARE waits, or waited and is visible now
      try (PreparedStatement lock = c.prepareStatement(
          "SELECT 1 FROM actions WHERE id = ?" + (db.isSqlite() ? "" : " FOR UPDATE"))) {
        lock.setString(1, id.value());
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement b = c.prepareStatement("SELECT trigger_id FROM bindings WHERE action_id = ? LIMIT 1")) {
        b.setString(1, id.value());
        try (ResultSet rs = b.executeQuery()) {
          if (rs.next()) {
            throw new ConflictException("action_bound", "action " + id + " is bound to " + rs.getString(1)
                + "; unbind it first");
          }
        }
      }
      try (PreparedStatement v = c.prepareStatement("DELETE FROM action_versions WHERE action_id = ?");
          PreparedStatement a = c.prepareStatement("DELETE FROM actions WHERE id = ?")) {
        v.setString(1, id.value());
        v.executeUpdate();
        a.setString(1, id.value());
        boolean deleted = a.executeUpdate() > 0;
        ChangePoller.bump(c);
        return deleted;
      }
    });
  }

  @Override
  public void insertDeployed(Action action, ActionVersion version) {
    db.transaction(c -> {
      insertRow(c, action);
      insertVersion(c, version);
      ChangePoller.bump(c);
      return null;
    });
  }

  @Override
  public void addVersion(ActionVersion version) {
    db.transaction(c -> {
      insertVersion(c, version);
      return null;
    });
  }

  private void insertVersion(Connection c, ActionVersion v) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO action_versions (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, v.actionId().value());
      p.setInt(2, v.number());
      p.setString(3, v.id());
      p.setString(4, v.code());
      p.setString(5, v.runtime());
      p.setString(6, json(v.dependencies()));
      p.setString(7, secrets.seal(v.secrets(), SecretsCodec.versionContext(v.actionId().value(), v.number())));
      p.setString(8, instant(v.createdAt()));
      p.executeUpdate();
    } catch (SQLException e) {
      if (Database.isDuplicate(e)) {
        throw new ConflictException("version_exists",
            "version " + v.number() + " of action " + v.actionId() + " exists already");
      }
      throw e;
    }
  }

  @Override
  public boolean deleteVersion(ActionId action, int number) {
    return db.transaction(c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM action_versions WHERE action_id = ? AND number = ?")) {
        p.setString(1, action.value());
        p.setInt(2, number);
        return p.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Optional<ActionVersion> version(ActionId action, int number) {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT " + VERSION_COLUMNS + " FROM action_versions WHERE action_id = ? AND number = ?")) {
        p.setString(1, action.value());
        p.setInt(2, number);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(version(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<ActionVersion> versions(ActionId action) {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT " + VERSION_COLUMNS + " FROM action_versions WHERE action_id = ? ORDER BY number DESC")) {
        p.setString(1, action.value());
        List<ActionVersion> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(version(rs));
          }
        }
        return out;
      }
    });
  }

  private void bindAction(PreparedStatement p, Action a) throws SQLException {
    p.setString(1, a.id().value());
    p.setString(2, a.name());
    p.setString(3, a.trigger().value());
    p.setString(4, a.draft().code());
    p.setString(5, a.draft().runtime());
    p.setString(6, json(a.draft().dependencies()));
    p.setString(7, secrets.seal(a.draft().secrets(), SecretsCodec.draftContext(a.id().value())));
    p.setObject(8, a.deployedVersion(), Types.INTEGER);
    p.setLong(9, a.revision());
    p.setString(10, instant(a.createdAt()));
    p.setString(11, instant(a.updatedAt()));
  }

  private Action action(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    int deployed = rs.getInt(8);
    Integer deployedVersion = rs.wasNull() ? null : deployed;
    ActionDraft draft = new ActionDraft(rs.getString(4), rs.getString(5), strings(rs.getString(6)),
        secrets.open(rs.getString(7), SecretsCodec.draftContext(id)));
    return new Action(ActionId.of(id), rs.getString(2), TriggerId.of(rs.getString(3)), draft, deployedVersion,
        rs.getLong(9), parse(rs.getString(10)), parse(rs.getString(11)));
  }

  private ActionVersion version(ResultSet rs) throws SQLException {
    String actionId = rs.getString(1);
    int number = rs.getInt(2);
    return new ActionVersion(rs.getString(3), ActionId.of(actionId), number, rs.getString(4), rs.getString(5),
        strings(rs.getString(6)), secrets.open(rs.getString(7), SecretsCodec.versionContext(actionId, number)),
        parse(rs.getString(8)));
  }

  static String json(Map<String, String> m) {
    return Json.write(new LinkedHashMap<String, Object>(m));
  }

  static Map<String, String> strings(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    Json.parseObject(json).forEach((k, v) -> out.put(k, (String) v));
    return out;
  }

  static String instant(Instant i) {
    return i == null ? null : i.toString();
  }

  static Instant parse(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
