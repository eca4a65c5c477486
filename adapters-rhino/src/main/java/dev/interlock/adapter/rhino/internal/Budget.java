package dev.interlock.adapter.rhino.internal;

import java.lang.management.ManagementFactory;

/**
 * The time, CPU, allocation and job budget of one execution, checked by the instruction observer,
 * between jobs and by the size-checking built-ins. Used by one thread at a time: an execution that
 * waits for I/O continues later, possibly on another thread, so CPU time and allocation are
 * measured per slice ({@link #pause()} and {@link #resume()} around each) and added up. Waiting
 * costs wall-clock time (the deadline) but neither CPU time nor memory.
 */
final class Budget {
  private static final com.sun.management.ThreadMXBean THREADS = threads();
  /** Whether this JVM measures threads' CPU time; without it only the deadline bounds time. */
  private static final boolean CPU_TIME = THREADS != null && THREADS.isCurrentThreadCpuTimeSupported();
  /** Allocation between two observer checks above which checks become (nearly) continuous. */
  private static final long HEAVY_BYTES = 1024 * 1024;
  /** Built-in loops above this many iterations check the budget before they start. */
  private static final double CHECKED_ITERATIONS = 10_000;

  private final long deadlineNanos;
  private final long maxAllocatedBytes;
  private long allocationStart;
  private final int maxJobs;
  private int jobs;
  private long lastCheckAllocated;
  /** Bytes allocated by the slices before the current one; set by {@link #pause()}. */
  private long carriedBytes;
  private final long maxCpuNanos;
  private long cpuStart;
  private long carriedCpu;

  Budget(long deadlineNanos, long maxAllocatedBytes, int maxJobs, long maxCpuNanos) {
    this.deadlineNanos = deadlineNanos;
    this.maxAllocatedBytes = maxAllocatedBytes;
    this.maxJobs = maxJobs;
    this.maxCpuNanos = maxCpuNanos;
    this.allocationStart = allocatedBytes();
    this.lastCheckAllocated = allocationStart;
    this.cpuStart = cpuNanos();
  }

  /**
   * Ends a slice on this thread: what it allocated stays counted, and the thread's later
   * allocation (other executions) does not.
   */
  void pause() {
    carriedBytes = allocatedBytes() - allocationStart;
    carriedCpu = cpuNanos() - cpuStart;
  }

  /** Starts a slice on the current thread, carrying the bytes allocated in earlier slices. */
  void resume() {
    long now = allocatedBytes();
    // counted as if this thread had allocated the earlier slices' bytes just before now
    allocationStart = now - carriedBytes;
    lastCheckAllocated = now;
    cpuStart = cpuNanos() - carriedCpu;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  /** Throws when the deadline has passed or the allocation budget is spent. */
  void check() {
    checkAllocation();
  }

  /**
   * Like {@link #check()}, and also checks CPU time (a system call, so only here, every few
   * thousand instructions, not between promise jobs); returns whether the script allocated a lot
   * since the previous check, so that the caller can check more often (memory can grow
   * exponentially between two checks).
   */
  boolean checkAllocated() {
    boolean heavy = checkAllocation();
    long cpu = cpuNanos() - cpuStart;
    if (cpu > maxCpuNanos) {
      throw new ScriptLimitError(dev.interlock.core.execution.ErrorCode.ACTION_TIMEOUT, "TimeoutError",
          "the action used more than " + maxCpuNanos / 1_000_000 + " ms of CPU time");
    }
    return heavy;
  }

  private boolean checkAllocation() {
    if (System.nanoTime() - deadlineNanos >= 0) {
      throw ScriptLimitError.timeout();
    }
    long allocated = allocatedBytes();
    if (allocated - allocationStart > maxAllocatedBytes) {
      throw ScriptLimitError.limit("the action allocated more than " + maxAllocatedBytes + " bytes");
    }
    boolean heavy = allocated - lastCheckAllocated > HEAVY_BYTES;
    lastCheckAllocated = allocated;
    return heavy;
  }

  /** Throws unless {@code bytes} more fit into the allocation budget (a built-in about to allocate). */
  void reserve(double bytes, String what) {
    if (bytes > remainingBytes()) {
      throw ScriptLimitError.limit(
          what + " would allocate about " + (long) Math.min(bytes, Long.MAX_VALUE)
              + " bytes, more than the action's remaining memory budget");
    }
  }

  /**
   * Admits one built-in call that will loop {@code iterations} times inside Java, where the
   * instruction observer cannot see it (a generic array method over a huge {@code length}, a string
   * search). Refuses counts beyond {@link #maxIterations()}; for heavy calls it also checks the
   * deadline, CPU time and memory first, so that a script calling such a built-in in a loop is
   * stopped after at most one call, not after the observer's next few thousand instructions.
   */
  void admitIterations(double iterations, String what) {
    if (iterations > maxIterations()) {
      throw ScriptLimitError.limit(
          what + " would loop about " + (long) Math.min(iterations, Long.MAX_VALUE) + " times inside the engine, more than the "
              + maxIterations() + " one call of a built-in may take");
    }
    if (iterations > CHECKED_ITERATIONS) {
      checkAllocated();
    }
  }

  /**
   * Iterations one built-in call may take: one per 4 bytes of the allocation budget (16,777,216
   * for 64 MiB), at most 2^24 and at least 2^20. A loop driven by the length of a real array or
   * string cannot legitimately be longer: an array element costs at least 8 bytes and a character
   * 2, so such an object would not fit the budget; longer loops come from a made-up {@code length}
   * ({@code {length: 2**32-1}}, {@code a.length = 4e9}). 2^24 generic iterations over holes took
   * 160-600 ms here.
   */
  long maxIterations() {
    return Math.max(1L << 20, Math.min(1L << 24, maxAllocatedBytes / 4));
  }

  long remainingBytes() {
    return maxAllocatedBytes - (allocatedBytes() - allocationStart);
  }

  /** Counts a promise job or timer callback. */
  void countJob() {
    if (++jobs > maxJobs) {
      throw ScriptLimitError.limit("the action ran more than " + maxJobs + " promise jobs and timer callbacks");
    }
    check();
  }

  private static long cpuNanos() {
    return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  private static long allocatedBytes() {
    return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
  }

  private static com.sun.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
      if (!sun.isThreadAllocatedMemoryEnabled()) {
        sun.setThreadAllocatedMemoryEnabled(true);
      }
      if (sun.isCurrentThreadCpuTimeSupported() && !sun.isThreadCpuTimeEnabled()) {
        sun.setThreadCpuTimeEnabled(true);
      }
      return sun;
    }
    return null;
  }
}
