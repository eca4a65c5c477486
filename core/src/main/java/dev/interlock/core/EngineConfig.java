package dev.interlock.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and sizes of the engine, with Auth0's values as defaults. Adapters map their files,
 * environment and flags onto this record; core reads nothing itself.
 *
 * @param flowTimeout budget of one flow run (Auth0: 20 s, again after each resume)
 * @param actionTimeout budget of one action within the flow (Auth0 documents none; default equals
 *     the flow budget)
 * @param logLimitBytes console output kept per action (Auth0: 256 KiB); the rest is dropped and
 *     reported
 * @param asyncWorkers threads running async-trigger flows
 * @param asyncQueueCapacity accepted async flows waiting for a worker before new ones are refused
 * @param maxActionsPerTrigger bound actions per trigger (Auth0: 20)
 * @param cache {@code api.cache} limits
 * @param executionRetention how long execution records are kept (Auth0: 10 days)
 */
public record EngineConfig(
    Duration flowTimeout,
    Duration actionTimeout,
    int logLimitBytes,
    int asyncWorkers,
    int asyncQueueCapacity,
    int maxActionsPerTrigger,
    CacheLimits cache,
    Duration executionRetention) {

  public EngineConfig {
    requirePositive(flowTimeout, "flowTimeout");
    requirePositive(actionTimeout, "actionTimeout");
    requirePositive(executionRetention, "executionRetention");
    if (logLimitBytes < 0) {
      throw new IllegalArgumentException("logLimitBytes must be >= 0");
    }
    if (asyncWorkers < 1 || asyncQueueCapacity < 1 || maxActionsPerTrigger < 1) {
      throw new IllegalArgumentException("asyncWorkers, asyncQueueCapacity and maxActionsPerTrigger must be >= 1");
    }
    Objects.requireNonNull(cache, "cache");
  }

  public static EngineConfig defaults() {
    return new EngineConfig(
        Duration.ofSeconds(20),
        Duration.ofSeconds(20),
        256 * 1024,
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        10_000,
        20,
        CacheLimits.defaults(),
        Duration.ofDays(10));
  }

  public EngineConfig withFlowTimeout(Duration d) {
    return new EngineConfig(d, actionTimeout, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, executionRetention);
  }

  public EngineConfig withActionTimeout(Duration d) {
    return new EngineConfig(flowTimeout, d, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, executionRetention);
  }

  public EngineConfig withLogLimitBytes(int bytes) {
    return new EngineConfig(flowTimeout, actionTimeout, bytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, executionRetention);
  }

  public EngineConfig withAsync(int workers, int queueCapacity) {
    return new EngineConfig(flowTimeout, actionTimeout, logLimitBytes, workers, queueCapacity, maxActionsPerTrigger, cache, executionRetention);
  }

  public EngineConfig withCache(CacheLimits limits) {
    return new EngineConfig(flowTimeout, actionTimeout, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, limits, executionRetention);
  }

  public EngineConfig withExecutionRetention(Duration d) {
    return new EngineConfig(flowTimeout, actionTimeout, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, d);
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }

  /**
   * {@code api.cache} limits (Auth0's documented values): entries per trigger, key and value
   * sizes in UTF-8 bytes, total size of keys and values, default and maximum lifetime.
   */
  public record CacheLimits(
      int maxEntries, int maxKeyBytes, int maxValueBytes, int maxTotalBytes, Duration defaultTtl, Duration maxTtl) {
    public static CacheLimits defaults() {
      return new CacheLimits(20, 64, 4096, 8192, Duration.ofMinutes(15), Duration.ofHours(24));
    }
  }
}
