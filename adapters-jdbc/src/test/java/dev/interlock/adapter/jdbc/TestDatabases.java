package dev.interlock.adapter.jdbc;

import dev.interlock.adapter.jdbc.internal.KeyRing;
import dev.interlock.core.action.Action;
import dev.interlock.core.action.ActionDraft;
import dev.interlock.core.action.ActionId;
import dev.interlock.core.trigger.TriggerId;
import java.time.Instant;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, empty databases for tests: SQLite files in a temporary directory, and schemas of the
 * PostgreSQL server named by {@code INTERLOCK_TEST_PG_URL} (started by {@code .ci/postgres.sh}).
 * Without that variable PostgreSQL tests are skipped with a message; with it set, an unreachable
 * server fails them.
 */
final class TestDatabases implements AutoCloseable {
  static final String PG_ENV = "INTERLOCK_TEST_PG_URL";
  static final String KEYS = KeyRing.newKeyLine("test1");

  private final List<JdbcStores> opened = new ArrayList<>();
  private final List<String> schemas = new ArrayList<>();

  static JdbcConfig sqliteConfig(Path dir) {
    return JdbcConfig.sqlite(dir);
  }

  JdbcStores sqlite(Path dir) {
    return track(JdbcStores.open(sqliteConfig(dir)));
  }

  /** A new, empty schema on the test server; several calls with the same schema share it. */
  JdbcConfig postgresConfig(String schema) {
    String base = System.getenv(PG_ENV);
    Assumptions.assumeTrue(base != null && !base.isBlank(),
        PG_ENV + " is not set: PostgreSQL contract tests skipped (run .ci/postgres.sh and export its URL; CI sets it)");
    if (!schemas.contains(schema)) {
      try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      } catch (SQLException e) {
        throw new AssertionError(PG_ENV + " is set but the server is unreachable: " + e.getMessage(), e);
      }
      schemas.add(schema);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return JdbcConfig.postgres(url, null, null, KEYS);
  }

  /** Actions with these ids, for stores that refuse bindings to actions they do not hold. */
  static void insertActions(JdbcStores stores, List<ActionId> ids) {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (ActionId id : ids) {
      stores.actions().insert(new Action(id, id.value(), TriggerId.of("post-login"), ActionDraft.of("code"), null, 1, t0, t0));
    }
  }

  static String newSchema() {
    return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  JdbcStores postgres() {
    return postgres(newSchema());
  }

  JdbcStores postgres(String schema) {
    return track(JdbcStores.open(postgresConfig(schema)));
  }

  JdbcStores track(JdbcStores s) {
    opened.add(s);
    return s;
  }

  @Override
  public void close() {
    opened.forEach(JdbcStores::close);
    String base = System.getenv(PG_ENV);
    if (base == null || schemas.isEmpty()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (SQLException e) {
      // left for the throw-away server to take with it
    }
  }
}
