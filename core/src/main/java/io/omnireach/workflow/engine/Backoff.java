package io.omnireach.workflow.engine;

import java.time.Duration;

/**
 * Retry delays: {@code initial × factor^(attempt-1)}, capped at {@code max}. Retry policy as data,
 * like Temporal's; the attempt budget itself is each node's {@code maxAttempts}.
 */
public record Backoff(Duration initial, double factor, Duration max) {

  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(30), 2.0, Duration.ofHours(1));

  /** The delay before the attempt after {@code failedAttempt} (1-based). */
  public Duration after(int failedAttempt) {
    double millis = initial.toMillis() * Math.pow(factor, Math.max(0, failedAttempt - 1));
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }
}
