package dev.interlock.adapter.rhino.internal;

import dev.interlock.core.port.Invocation;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;

/**
 * The state of one execution of one action: its invocation, budget, promise jobs, timers and
 * host operations in flight, and the script's own event object. Host functions in the shared
 * scope find it through the current {@link SandboxContextFactory.SandboxContext}, so they can be
 * built once and shared.
 *
 * <p>Used by one thread at a time (the one running a slice of it), except for {@link
 * #awaitHost}'s completions, which other threads hand over through a concurrent queue and the
 * {@link #wakeup(Runnable) wake-up} hook.
 */
final class Execution {
  private final Invocation invocation;
  private final Budget budget;
  private final int maxTimers;
  private final ArrayDeque<Runnable> jobs = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final Scriptable scope;
  private Scriptable event;
  private Scriptable api;
  private int nextTimerId = 1;
  private long timerSequence;
  private Timer running;
  private boolean settled;
  private boolean rejected;
  private Object settledValue;
  /** Host operations started and not yet delivered (slice thread only). */
  private final java.util.Set<java.util.concurrent.CompletableFuture<?>> hostOps = new java.util.HashSet<>();
  /** Completed host operations, handed over by the threads that completed them. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Completion> completed =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile Runnable wakeup = () -> {};
  private java.util.Map<String, String> dependencies = java.util.Map.of();

  /** What to do on the slice thread once a host operation has completed. */
  @FunctionalInterface
  interface HostResult<T> {
    void deliver(Context cx, T value, Throwable error);
  }

  /** A completed host operation waiting to be delivered to the script. */
  @FunctionalInterface
  interface Completion {
    void deliver(Context cx);
  }

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

  /** The npm dependencies (name to version) the running action declares. */
  java.util.Map<String, String> dependencies() {
    return dependencies;
  }

  void dependencies(java.util.Map<String, String> declared) {
    this.dependencies = declared;
  }

  private PackageLoader.Instances packages;

  /** This execution's instantiated npm modules, or null when the action has no packages. */
  PackageLoader.Instances packages() {
    return packages;
  }

  void packages(PackageLoader.Instances value) {
    this.packages = value;
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

  /** The script's own {@code api} object (see {@link ApiObject#instance}). */
  Scriptable api() {
    return api;
  }

  void api(Scriptable api) {
    this.api = api;
  }

  Scriptable event() {
    return event;
  }

  void event(Scriptable event) {
    this.event = event;
  }

  /** Called (on any thread) whenever a host operation completes; set by the one running this execution. */
  void wakeup(Runnable hook) {
    this.wakeup = hook;
  }

  /**
   * Starts waiting for {@code future} without blocking: when it completes (on whatever thread),
   * {@code then} runs on the thread of a later slice, inside the job loop, with that slice's
   * Context. Until then the execution is not stuck: the job loop lets go of the thread instead.
   */
  <T> void awaitHost(java.util.concurrent.CompletableFuture<T> future, HostResult<T> then) {
    hostOps.add(future);
    future.whenComplete((value, error) -> {
      completed.add(cx -> {
        hostOps.remove(future);
        then.deliver(cx, value, error);
      });
      wakeup.run();
    });
  }

  /** Runs one completed host operation's delivery; false when none is waiting. */
  boolean deliverCompleted(Context cx) {
    Completion c = completed.poll();
    if (c == null) {
      return false;
    }
    budget.countJob();
    c.deliver(cx);
    return true;
  }

  /** Whether a host operation is still in flight (so the execution is waiting, not stuck). */
  boolean awaitingHost() {
    return !hostOps.isEmpty() || !completed.isEmpty();
  }

  /** Gives up on every host operation in flight: the execution has ended. */
  void cancelHostOps() {
    wakeup = () -> {};
    for (java.util.concurrent.CompletableFuture<?> f : new java.util.ArrayList<>(hostOps)) {
      f.cancel(true);
    }
    hostOps.clear();
    completed.clear();
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
