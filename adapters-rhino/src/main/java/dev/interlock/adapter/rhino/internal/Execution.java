package dev.interlock.adapter.rhino.internal;

import dev.interlock.core.port.Invocation;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;

/**
 * The state of one execution of one action: its invocation, budget, promise jobs and timers, and
 * the script's own event object. Host functions in the shared scope find it through the current
 * {@link SandboxContextFactory.SandboxContext}, so they can be built once and shared.
 */
final class Execution {
  private final Invocation invocation;
  private final Budget budget;
  private final int maxTimers;
  private final ArrayDeque<Runnable> jobs = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final Scriptable scope;
  private Scriptable event;
  private int nextTimerId = 1;
  private long timerSequence;
  private Timer running;
  private boolean settled;
  private boolean rejected;
  private Object settledValue;

  /** A pending {@code setTimeout}/{@code setInterval} callback. */
  static final class Timer implements Comparable<Timer> {
    final int id;
    final Function callback;
    final Object[] args;
    final long intervalNanos;
    long dueNanos;
    long sequence;
    boolean cancelled;

    Timer(int id, Function callback, Object[] args, long dueNanos, long intervalNanos) {
      this.id = id;
      this.callback = callback;
      this.args = args;
      this.dueNanos = dueNanos;
      this.intervalNanos = intervalNanos;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(dueNanos - o.dueNanos, 0);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  Execution(Invocation invocation, Budget budget, int maxTimers, Scriptable scope) {
    this.invocation = invocation;
    this.budget = budget;
    this.maxTimers = maxTimers;
    this.scope = scope;
  }

  /** The execution the current thread's Context runs; host functions are never called outside one. */
  static Execution current(Context cx) {
    Execution e = cx instanceof SandboxContextFactory.SandboxContext s ? s.execution : null;
    if (e == null) {
      throw new IllegalStateException("no action execution on this thread");
    }
    return e;
  }

  /** Notes how the handler's promise settled; later calls are ignored. */
  void settle(boolean fulfilled, Object value) {
    if (!settled) {
      settled = true;
      rejected = !fulfilled;
      settledValue = value;
    }
  }

  boolean settled() {
    return settled;
  }

  boolean rejected() {
    return rejected;
  }

  Object settledValue() {
    return settledValue;
  }

  Invocation invocation() {
    return invocation;
  }

  Budget budget() {
    return budget;
  }

  Scriptable scope() {
    return scope;
  }

  ArrayDeque<Runnable> jobs() {
    return jobs;
  }

  Scriptable event() {
    return event;
  }

  void event(Scriptable event) {
    this.event = event;
  }

  int addTimer(Function callback, Object[] args, double delayMillis, boolean repeat) {
    if (timers.size() >= maxTimers) {
      throw ScriptLimitError.limit("the action has more than " + maxTimers + " pending timers");
    }
    long delay = (long) (Double.isNaN(delayMillis) || delayMillis < 1 ? 1 : Math.min(delayMillis, 1e12)) * 1_000_000L;
    Timer t = new Timer(nextTimerId++, callback, args, System.nanoTime() + delay, repeat ? delay : 0);
    schedule(t);
    return t.id;
  }

  void schedule(Timer t) {
    t.sequence = timerSequence++;
    timers.add(t);
  }

  void cancelTimer(int id) {
    if (running != null && running.id == id) {
      running.cancelled = true;
    }
    timers.removeIf(t -> t.id == id);
  }

  /** Marks the timer whose callback runs now, so that clearing it stops an interval. */
  void running(Timer t) {
    running = t;
  }

  /** The earliest pending timer, or null. */
  Timer nextTimer() {
    return timers.peek();
  }

  Timer pollTimer() {
    return timers.poll();
  }
}
