package dev.interlock.adapter.http.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many flows the execute endpoint runs at once; further requests wait, first come first
 * served, for a slot. A flow is CPU work on the request thread: with Jetty's pool, 32 connections
 * meant 32 flows running on two cores, and the CPU time per request was 2-4 times that of the
 * same flows run two at a time (context switches, caches, contended monitors). A request that
 * waits longer than {@code maxWait} is refused with 503 and {@code Retry-After}, never dropped
 * silently. A concurrency of 0 means no limit.
 */
public final class ExecutionGate {
  private final Semaphore slots;
  private final int concurrency;
  private final Duration maxWait;

  public ExecutionGate(int concurrency, Duration maxWait) {
    if (concurrency < 0) {
      throw new IllegalArgumentException("concurrency must be >= 0 (0: no limit), got " + concurrency);
    }
    this.slots = concurrency == 0 ? null : new Semaphore(concurrency, true);
    this.concurrency = concurrency;
    this.maxWait = maxWait;
  }

  /** Runs {@code work} in a slot; waits for one up to the maximum wait. */
  public <T> T run(Supplier<T> work) {
    if (slots == null) {
      return work.get();
    }
    boolean acquired;
    try {
      acquired = slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy("the request was interrupted while waiting for a free execution slot");
    }
    if (!acquired) {
      throw busy("all " + concurrency + " execution slots stayed busy for " + maxWait.toMillis()
          + " ms (execute.concurrency); retry later");
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  private static ApiError busy(String message) {
    return new ApiError(503, "engine_busy", message);
  }
}
