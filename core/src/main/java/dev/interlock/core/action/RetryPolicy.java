package dev.interlock.core.action;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a binding's action is tried when it fails in an async trigger's flow, and how long to
 * wait between tries: {@code initialBackoff}, then multiplied by {@code multiplier} each time, at
 * most {@code maxBackoff}. Off ({@link #NONE}: one attempt) unless configured. Sync triggers
 * never retry: their caller is waiting.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

  /** Upper bound of {@link #maxAttempts}, so that a typo cannot retry forever. */
  public static final int MAX_ATTEMPTS = 100;

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and " + MAX_ATTEMPTS);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || multiplier < 1) {
      throw new IllegalArgumentException("backoffs must not be negative and the multiplier must be >= 1");
    }
  }

  /** {@code maxAttempts} tries, waiting {@code initial}, then twice as long each time, at most an hour. */
  public static RetryPolicy exponential(int maxAttempts, Duration initial) {
    return new RetryPolicy(maxAttempts, initial, 2, Duration.ofHours(1));
  }

  public boolean enabled() {
    return maxAttempts > 1;
  }

  /** The wait before attempt {@code attempt} (2 for the first retry). */
  public Duration backoffBefore(int attempt) {
    double ms = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 2));
    return ms >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) ms);
  }
}
