package dev.interlock.adapter.jdbc.internal;

import dev.interlock.core.PlatformException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the versioned scripts of {@code db/migration} (listed in {@code migrations.txt}, named
 * {@code V<n>__<description>.sql}) that the database has not seen yet, each in its own transaction
 * together with its row in {@code schema_version}. On PostgreSQL an advisory lock keeps two nodes
 * starting at once from applying the same script twice; on SQLite the immediate transaction does.
 */
public final class Migrations {
  private static final String DIR = "db/migration/";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
  private static final long PG_LOCK_KEY = 0x1A7E_10CCL;

  record Script(int version, String description, String sql) {}

  private Migrations() {}

  /** Brings the schema up to date; returns the versions applied now. */
  public static List<Integer> migrate(Database db) {
    List<Script> scripts = scripts();
    db.transaction(c -> {
      lock(db, c);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
            + "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
      }
      return null;
    });
    List<Integer> applied = new ArrayList<>();
    for (Script script : scripts) {
      boolean ran = db.transaction(c -> {
        lock(db, c);
        if (current(c) >= script.version()) {
          return false;
        }
        try (Statement s = c.createStatement()) {
          for (String statement : statements(script.sql())) {
            s.execute(statement);
          }
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
          p.setInt(1, script.version());
          p.setString(2, script.description());
          p.setString(3, Instant.now().toString());
          p.executeUpdate();
        }
        return true;
      });
      if (ran) {
        applied.add(script.version());
      }
    }
    return applied;
  }

  private static void lock(Database db, Connection c) throws SQLException {
    if (!db.isSqlite()) {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, PG_LOCK_KEY);
        lock.execute();
      }
    }
  }

  /** The highest applied version, 0 for an empty database. */
  public static int current(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  static List<Script> scripts() {
    List<Script> out = new ArrayList<>();
    for (String name : read(DIR + "migrations.txt").split("\\R")) {
      name = name.strip();
      if (name.isEmpty()) {
        continue;
      }
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalStateException("migration " + name + " is not named V<n>__<description>.sql");
      }
      int version = Integer.parseInt(m.group(1));
      if (version != out.size() + 1) {
        throw new IllegalStateException("migration " + name + " is out of sequence");
      }
      out.add(new Script(version, m.group(2), read(DIR + name)));
    }
    return out;
  }

  /** Splits a script at semicolons that end a line; {@code --} comment lines are dropped. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\\R")) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String st = current.toString().strip();
        out.add(st.substring(0, st.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new PlatformException("migration resource " + resource + " is missing", null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlatformException("cannot read " + resource, e);
    }
  }
}
