package io.omnireach.ai;

import java.time.Duration;

/**
 * How often a provider call is tried: at most {@code maxAttempts} (never more than 3) with
 * exponential backoff, only after a 429, a 5xx or a timeout — never after 400, 401, 402 or 403.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier) {

  public static final RetryPolicy STANDARD = new RetryPolicy(3, Duration.ofMillis(500), 2.0);

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 3) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 3");
    }
    if (initialBackoff.isNegative() || multiplier < 1) {
      throw new IllegalArgumentException("backoff must grow");
    }
  }

  /** The pause before attempt {@code attempt + 1} (attempt counts from 1). */
  public Duration backoffAfter(int attempt) {
    return Duration.ofMillis(
        (long) (initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1))));
  }
}
