package dev.interlock.adapter.rhino.internal;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;

/**
 * The execution's event loop, one slice at a time: runs every queued promise job, delivers the
 * host operations that have completed (HTTP responses, async host modules) and runs the timers
 * that are due, until the handler's promise has settled or nothing can run now. It never sleeps
 * or blocks: when the execution waits for a timer or a host operation it returns {@link
 * Turn#WAITING}, and its caller lets go of the thread until something is ready. Limits are
 * checked between jobs, because an endless chain of promise jobs would otherwise not be seen by
 * the instruction observer in interpreted mode.
 */
final class JobLoop {
  private JobLoop() {}

  /** How a slice of the loop ended. */
  enum Turn {
    /** The handler's promise settled. */
    SETTLED,
    /** Nothing is queued, pending or in flight, and the promise never settled. */
    STUCK,
    /** Waiting for {@link #wakeAt} or for a host operation to complete. */
    WAITING
  }

  /** Runs what can run now; see {@link Turn}. */
  static Turn run(Context cx, Execution execution) {
    Budget budget = execution.budget();
    while (true) {
      drainJobs(execution, budget);
      if (execution.settled()) {
        return Turn.SETTLED;
      }
      if (execution.deliverCompleted(cx)) {
        continue;
      }
      Execution.Timer timer = execution.nextTimer();
      long now = System.nanoTime();
      if (timer != null && timer.dueNanos - now <= 0) {
        runTimer(cx, execution, budget, timer);
        continue;
      }
      boolean hostOps = execution.awaitingHost();
      if (timer == null && !hostOps) {
        return Turn.STUCK;
      }
      if (now - budget.deadlineNanos() >= 0 || !hostOps && timer.dueNanos - budget.deadlineNanos() > 0) {
        // Past the deadline, or only a timer is left and it is due after the deadline: fail now.
        throw ScriptLimitError.timeout();
      }
      return Turn.WAITING;
    }
  }

  /**
   * When a waiting execution should run again even if no host operation completes: its next
   * timer, or its deadline (to fail it then).
   */
  static long wakeAt(Execution execution) {
    Execution.Timer timer = execution.nextTimer();
    long deadline = execution.budget().deadlineNanos();
    return timer != null && timer.dueNanos - deadline < 0 ? timer.dueNanos : deadline;
  }

  private static void runTimer(Context cx, Execution execution, Budget budget, Execution.Timer timer) {
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

  /** Runs queued promise jobs (including those they queue) with a budget check before each. */
  static void drainJobs(Execution execution, Budget budget) {
    Runnable job;
    while ((job = execution.jobs().poll()) != null) {
      budget.countJob();
      job.run();
    }
  }
}
