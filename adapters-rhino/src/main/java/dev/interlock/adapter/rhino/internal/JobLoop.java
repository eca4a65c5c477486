package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;

/**
 * The execution's event loop: runs every queued promise job, then the earliest timer (waiting in
 * real time for it, but never past the deadline), until the handler's promise has settled. Limits
 * are checked between jobs, because an endless chain of promise jobs would otherwise not be seen
 * by the instruction observer in interpreted mode.
 */
final class JobLoop {
  private JobLoop() {}

  /** Whether the watched promise settled; reported by the caller's {@code then} callbacks. */
  interface Settled {
    boolean settled();
  }

  /**
   * Runs jobs and timers until {@code settled} says so or nothing is left to run.
   *
   * @return whether the promise settled
   */
  static boolean run(Context cx, Execution execution, Settled settled) {
    Budget budget = execution.budget();
    while (true) {
      drainJobs(execution, budget);
      if (settled.settled()) {
        return true;
      }
      Execution.Timer timer = execution.nextTimer();
      if (timer == null) {
        return false;
      }
      waitUntil(timer.dueNanos, budget);
      execution.pollTimer();
      budget.countJob();
      execution.running(timer);
      try {
        Scriptable scope = execution.scope();
        timer.callback.call(cx, scope, scope, timer.args);
      } finally {
        execution.running(null);
      }
      if (timer.intervalNanos > 0 && !timer.cancelled) {
        timer.dueNanos = System.nanoTime() + timer.intervalNanos;
        execution.schedule(timer);
      }
    }
  }

  /** Runs queued promise jobs (including those they queue) with a budget check before each. */
  static void drainJobs(Execution execution, Budget budget) {
    Runnable job;
    while ((job = execution.jobs().poll()) != null) {
      budget.countJob();
      job.run();
    }
  }

  private static void waitUntil(long dueNanos, Budget budget) {
    long deadline = budget.deadlineNanos();
    if (dueNanos - deadline > 0) {
      // Nothing else can run before this timer, so the deadline will pass: fail now, not later.
      throw ScriptLimitError.timeout();
    }
    sleepNanos(dueNanos - System.nanoTime());
  }

  private static void sleepNanos(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ScriptLimitError.timeout();
    }
  }
}
