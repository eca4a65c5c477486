package dev.interlock.adapter.rhino.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that continue executions after they waited: {@link #POOL} runs the later slices
 * (a cached pool: a thread exists only while a slice runs on it or shortly after, never for an
 * execution that is waiting), {@link #TIMER} wakes executions whose timer or deadline is due.
 * Shared by every runtime in the JVM; daemon threads, so they never keep a JVM alive.
 */
final class Workers {
  static final ExecutorService POOL = Executors.newCachedThreadPool(named("interlock-js-"));
  static final ScheduledExecutorService TIMER = timer();

  private Workers() {}

  private static ScheduledExecutorService timer() {
    java.util.concurrent.ScheduledThreadPoolExecutor t =
        new java.util.concurrent.ScheduledThreadPoolExecutor(1, named("interlock-js-timer-"));
    // Wake-ups are cancelled whenever an execution moves on; do not keep them queued until due.
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
