package dev.interlock.adapter.jdbc.internal;

import dev.interlock.adapter.jdbc.JdbcConfig;
import dev.interlock.core.PlatformException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small connection pool and transaction helper. SQLite connections use WAL with {@code
 * synchronous=FULL} (a commit is on disk when it returns) and start write transactions immediately
 * so that writers queue on the database lock instead of failing to upgrade a read lock.
 */
public final class Database implements AutoCloseable {
  private static final long ACQUIRE_TIMEOUT_SECONDS = 30;

  /** Work inside a connection. */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final JdbcConfig config;
  private final boolean sqlite;
  private final BlockingQueue<Connection> idle;
  private final Semaphore permits;
  private volatile boolean closed;

  public Database(JdbcConfig config) {
    this.config = config;
    this.sqlite = config.isSqlite();
    this.idle = new ArrayBlockingQueue<>(config.poolSize());
    this.permits = new Semaphore(config.poolSize(), true);
  }

  public boolean isSqlite() {
    return sqlite;
  }

  /** Runs {@code work} in auto-commit mode (single statements, reads). */
  public <T> T read(Work<T> work) {
    return use(false, work);
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T transaction(Work<T> work) {
    return use(true, work);
  }

  private <T> T use(boolean tx, Work<T> work) {
    Connection c = acquire();
    boolean healthy = true;
    try {
      if (tx) {
        c.setAutoCommit(false);
      }
      T result = work.run(c);
      if (tx) {
        c.commit();
      }
      return result;
    } catch (SQLException e) {
      // a connection the server dropped (restart, failover) must not go back to the pool
      healthy = rollback(c, tx) && isValid(c);
      throw new PlatformException("database_error", "the database failed: " + e.getMessage() + " (SQLState "
          + e.getSQLState() + ")", e);
    } catch (RuntimeException | Error e) {
      healthy = rollback(c, tx);
      throw e;
    } finally {
      release(c, healthy);
    }
  }

  private static boolean isValid(Connection c) {
    try {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean rollback(Connection c, boolean tx) {
    if (!tx) {
      return true;
    }
    try {
      c.rollback();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection acquire() {
    if (closed) {
      throw new PlatformException("database_closed", "the JDBC stores are closed", null);
    }
    try {
      if (!permits.tryAcquire(ACQUIRE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new PlatformException("database_busy", "no database connection free within "
            + ACQUIRE_TIMEOUT_SECONDS + " s (pool size " + config.poolSize() + ")", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted while waiting for a database connection", e);
    }
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    try {
      return open();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw new PlatformException("database_unavailable", "cannot connect to " + config.redactedUrl() + ": "
          + e.getMessage(), e);
    }
  }

  private void release(Connection c, boolean healthy) {
    try {
      if (healthy && !closed && !c.isClosed()) {
        c.setAutoCommit(true);
        if (idle.offer(c)) {
          return;
        }
      }
      c.close();
    } catch (SQLException e) {
      // a broken connection is dropped; the next use opens a new one
    } finally {
      permits.release();
    }
  }

  private Connection open() throws SQLException {
    Properties p = new Properties();
    if (config.user() != null) {
      p.setProperty("user", config.user());
    }
    if (config.password() != null) {
      p.setProperty("password", config.password());
    }
    if (sqlite) {
      p.setProperty("journal_mode", "WAL");
      p.setProperty("synchronous", "FULL");
      p.setProperty("busy_timeout", "30000");
      p.setProperty("foreign_keys", "true");
      p.setProperty("transaction_mode", "IMMEDIATE");
    }
    Connection c = DriverManager.getConnection(config.url(), p);
    if (!sqlite) {
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    return c;
  }

  /** True when {@code e} reports a unique or primary key violation. */
  public static boolean isDuplicate(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        if ("23505".equals(s.getSQLState())) {
          return true;
        }
        String m = String.valueOf(s.getMessage());
        if (m.contains("SQLITE_CONSTRAINT_PRIMARYKEY") || m.contains("SQLITE_CONSTRAINT_UNIQUE")) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
  }
}
