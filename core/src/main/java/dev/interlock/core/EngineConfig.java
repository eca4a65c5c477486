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
 * @param results size limits of what one execution records (claims, metadata, commands, logs,
 *     errors)
 */
public record EngineConfig(
    Duration flowTimeout,
    Duration actionTimeout,
    int logLimitBytes,
    int asyncWorkers,
    int asyncQueueCapacity,
    int maxActionsPerTrigger,
    CacheLimits cache,
    Duration executionRetention,
    ResultLimits results) {

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
    Objects.requireNonNull(results, "results");
  }

  /** The configuration before result limits existed; they take their defaults. */
  public EngineConfig(
      Duration flowTimeout, Duration actionTimeout, int logLimitBytes, int asyncWorkers, int asyncQueueCapacity,
      int maxActionsPerTrigger, CacheLimits cache, Duration executionRetention) {
    this(flowTimeout, actionTimeout, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache,
        executionRetention, ResultLimits.defaults());
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
        Duration.ofDays(10),
        ResultLimits.defaults());
  }

  public EngineConfig withResults(ResultLimits limits) {
    return new EngineConfig(flowTimeout, actionTimeout, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, executionRetention, limits);
  }

  public EngineConfig withFlowTimeout(Duration d) {
    return new EngineConfig(d, actionTimeout, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, executionRetention, results);
  }

  public EngineConfig withActionTimeout(Duration d) {
    return new EngineConfig(flowTimeout, d, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, executionRetention, results);
  }

  public EngineConfig withLogLimitBytes(int bytes) {
    return new EngineConfig(flowTimeout, actionTimeout, bytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, executionRetention, results);
  }

  public EngineConfig withAsync(int workers, int queueCapacity) {
    return new EngineConfig(flowTimeout, actionTimeout, logLimitBytes, workers, queueCapacity, maxActionsPerTrigger, cache, executionRetention, results);
  }

  public EngineConfig withCache(CacheLimits limits) {
    return new EngineConfig(flowTimeout, actionTimeout, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, limits, executionRetention, results);
  }

  public EngineConfig withExecutionRetention(Duration d) {
    return new EngineConfig(flowTimeout, actionTimeout, logLimitBytes, asyncWorkers, asyncQueueCapacity, maxActionsPerTrigger, cache, d, results);
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

  /**
   * What one execution may record, in UTF-8 bytes of JSON. A call over a limit fails the action
   * with {@code action_limit} (the script also sees a {@code RangeError} it cannot recover from:
   * the action fails even if it catches it); console output over its limits is cut and the
   * result marked {@code logsTruncated}, as Auth0 drops console output beyond its cap. Metadata
   * has its own limit, Auth0's 32 kB of each kind, enforced by the family that offers it against
   * the user's merged metadata.
   *
   * @param maxClaimBytes one custom claim's value ({@code setCustomClaim}); Auth0 documents none,
   *     64 KiB is far beyond what fits an HTTP header
   * @param maxCommandBytes all arguments of any one api call that is recorded
   * @param maxExecutionCommandBytes the arguments of all recorded api calls of one execution
   * @param maxLogLineBytes one console line; longer lines are cut
   * @param maxExecutionLogBytes console output of all actions of one execution (each action keeps
   *     at most {@link EngineConfig#logLimitBytes()})
   * @param maxErrorChars an error's message and, separately, its stack; longer ones are cut
   */
  public record ResultLimits(
      int maxClaimBytes, int maxCommandBytes, int maxExecutionCommandBytes, int maxLogLineBytes,
      int maxExecutionLogBytes, int maxErrorChars) {
    public ResultLimits {
      if (maxClaimBytes < 1 || maxCommandBytes < 1 || maxExecutionCommandBytes < 1
          || maxLogLineBytes < 1 || maxExecutionLogBytes < 0 || maxErrorChars < 64) {
        throw new IllegalArgumentException("result limits must be positive (maxErrorChars >= 64)");
      }
    }

    /**
     * 64 KiB per claim, 128 KiB per call, 1 MiB of calls and of
     * logs per execution, 64 KiB per console line, 8 K characters of error message and stack.
     */
    public static ResultLimits defaults() {
      return new ResultLimits(64 * 1024, 128 * 1024, 1024 * 1024, 64 * 1024, 1024 * 1024, 8 * 1024);
    }
  }
}
