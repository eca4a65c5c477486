package dev.interlock.core.internal;

import dev.interlock.core.port.ExecutionStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Deletes execution records older than the retention period, in the background, every {@code
 * interval}. A failing run (database briefly down) is reported and retried at the next interval.
 */
public final class RetentionPruner implements AutoCloseable {
  private final ExecutionStore store;
  private final InstantSource clock;
  private final Duration retention;
  private final Consumer<RuntimeException> onError;
  private final ScheduledExecutorService scheduler;

  public RetentionPruner(
      ExecutionStore store, InstantSource clock, Duration retention, Duration interval, Consumer<RuntimeException> onError) {
    this.store = store;
    this.clock = clock;
    this.retention = retention;
    this.onError = onError;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "interlock-retention");
          t.setDaemon(true);
          return t;
        });
    long ms = Math.max(1, interval.toMillis());
    scheduler.scheduleWithFixedDelay(this::pruneQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Deletes what has expired now; returns how many records. */
  public int prune() {
    return store.deleteUpdatedBefore(clock.instant().minus(retention));
  }

  private void pruneQuietly() {
    try {
      prune();
    } catch (RuntimeException e) {
      onError.accept(e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
