package dev.interlock.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Notices changes made through any node sharing the database: every change to actions or bindings
 * bumps the one-row {@code change_counter} in its own transaction, and this poller reads the
 * counter every interval (one indexed single-row read) and calls its listeners when it moved.
 * Polling works the same on SQLite and PostgreSQL and needs no held connection; the price is up
 * to one interval of delay on the other nodes (the node making a change invalidates at once).
 */
public final class ChangePoller implements AutoCloseable {
  private final Database db;
  private final Duration interval;
  private final Consumer<String> warnings;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService scheduler;
  private long seen = Long.MIN_VALUE;
  private boolean failing;

  public ChangePoller(Database db, Duration interval, Consumer<String> warnings) {
    this.db = db;
    this.interval = interval;
    this.warnings = warnings;
  }

  /** Bumps the counter; call inside the transaction of the change. */
  static void bump(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE change_counter SET counter = counter + 1 WHERE id = 1")) {
      p.executeUpdate();
    }
  }

  /** The counter's current value. */
  public long current() {
    return db.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT counter FROM change_counter WHERE id = 1");
          ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  synchronized AutoCloseable subscribe(Runnable listener) {
    listeners.add(listener);
    if (scheduler == null) {
      // read now, not at the first tick: a change between subscribing and that tick must count
      try {
        seen = current();
      } catch (RuntimeException e) {
        warnings.accept("cannot read the change counter yet (" + e.getMessage() + ")");
      }
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "interlock-change-poller");
        t.setDaemon(true);
        return t;
      });
      long ms = Math.max(10, interval.toMillis());
      scheduler.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }
    return () -> listeners.remove(listener);
  }

  /** Reads the counter once and notifies when it moved; public for tests and manual refresh. */
  public void poll() {
    long now;
    try {
      now = current();
    } catch (RuntimeException e) {
      if (!failing) {
        warnings.accept("cannot read the change counter (" + e.getMessage() + "); cached flows may be stale until it works again");
      }
      failing = true;
      listeners.forEach(Runnable::run); // when blind, do not trust the cache
      return;
    }
    failing = false;
    boolean moved;
    synchronized (this) {
      moved = seen != Long.MIN_VALUE && now != seen;
      seen = now;
    }
    if (moved) {
      listeners.forEach(Runnable::run);
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
