package dev.interlock.adapter.rhino.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ends executions whose slice is still running past the deadline. The instruction observer stops
 * script code at its deadline, but a single call into a Java built-in never reaches the observer;
 * the size and loop guards refuse the calls known to run long, and this watchdog is the backstop:
 * every {@value #PERIOD_MS} ms it completes the result of any slice running more than {@value
 * #GRACE_MS} ms past its deadline with {@code action_timeout}, so the caller (an HTTP request
 * waiting on {@code executeAsync}) gets its answer at the deadline even while the thread is still
 * busy. The thread itself cannot be stopped safely in Java; it is released when the call returns,
 * and the result it then produces is discarded.
 *
 * <p>Registering a slice costs one concurrent-map insert and removal; no timer is scheduled per
 * execution.
 */
final class Watchdog {
  static final long PERIOD_MS = 20;
  static final long GRACE_MS = 50;

  /** What the watchdog can do to a running slice. */
  interface Slice {
    long deadlineNanos();

    /** Ends the execution with a timeout, unless it has already ended. */
    void expire();
  }

  private static final Map<Slice, Boolean> RUNNING = new ConcurrentHashMap<>();

  static {
    Workers.TIMER.scheduleWithFixedDelay(Watchdog::scan, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  private Watchdog() {}

  static void started(Slice slice) {
    RUNNING.put(slice, Boolean.TRUE);
  }

  static void ended(Slice slice) {
    RUNNING.remove(slice);
  }

  private static void scan() {
    long late = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
    for (Slice slice : RUNNING.keySet()) {
      if (slice.deadlineNanos() - late < 0) {
        RUNNING.remove(slice);
        try {
          slice.expire();
        } catch (RuntimeException e) {
          // a failing completion callback must not stop the watchdog
        }
      }
    }
  }
}
