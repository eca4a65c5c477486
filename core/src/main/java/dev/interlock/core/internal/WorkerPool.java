package dev.interlock.core.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded pools for flows that run off the caller's thread: a fixed number of daemon threads with
 * a known stack size (script runtimes rely on it to turn deep recursion into a clean error) and a
 * bounded queue that refuses work instead of growing without limit.
 */
final class WorkerPool {
  static final long STACK_BYTES = 4L * 1024 * 1024;

  private WorkerPool() {}

  static ExecutorService create(String name, int threads, int queueCapacity) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), STACK_BYTES);
          t.setDaemon(true);
          return t;
        };
    return new ThreadPoolExecutor(
        threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), factory,
        new ThreadPoolExecutor.AbortPolicy());
  }
}
