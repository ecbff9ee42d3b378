package io.omnireach.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How often something is tried, as data: at most {@code maxAttempts}; after the n-th failure a wait
 * of {@code initialBackoff × multiplier^(n-1)}, capped at {@code maxBackoff}, minus up to {@code
 * jitter} of it (so retries after a shared outage spread out instead of arriving together); and
 * never again after a failure in {@code permanent}. Callers classify their failures into {@link
 * Failure}; the retrying itself happens at one level only (an outer loop that retries does not call
 * something that retries as well).
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    double multiplier,
    Duration maxBackoff,
    double jitter,
    Set<Failure> permanent) {

  /** Why an attempt failed, independent of the transport. */
  public enum Failure {
    /** A temporary refusal the transport itself called transient (SMTP 4xx, a reset). */
    TRANSIENT,
    /** HTTP 429. */
    RATE_LIMITED,
    /** HTTP 5xx. */
    SERVER_ERROR,
    /** No answer in time. */
    TIMEOUT,
    /** The other side could not be reached at all. */
    UNREACHABLE,
    /** Refused for good (SMTP 5xx, HTTP 4xx, invalid input). */
    REJECTED,
    /** Wrong or missing credentials. */
    AUTHENTICATION,
    /** An answer came, but not one that can be used. */
    MALFORMED,
    /** Anything unclassified. */
    OTHER
  }

  /** Failures no policy retries: trying again cannot change the answer. */
  public static final Set<Failure> ALWAYS_PERMANENT =
      EnumSet.of(Failure.REJECTED, Failure.AUTHENTICATION, Failure.MALFORMED, Failure.OTHER);

  /** The tenant outbox: five attempts over about an hour. */
  public static final RetryPolicy OUTBOX =
      new RetryPolicy(5, Duration.ofSeconds(30), 2.0, Duration.ofHours(1), 0.2, ALWAYS_PERMANENT);

  /** Platform mail (sign-up, password reset): eight attempts, the last ones an hour apart. */
  public static final RetryPolicy SYSTEM_MAIL =
      new RetryPolicy(8, Duration.ofSeconds(30), 2.0, Duration.ofHours(1), 0.2, ALWAYS_PERMANENT);

  /**
   * An outbound webhook or a workflow's HTTP action: eight attempts over about a day (receivers are
   * often down for a deploy), a 4xx other than 429 is final.
   */
  public static final RetryPolicy WEBHOOK =
      new RetryPolicy(8, Duration.ofSeconds(10), 3.0, Duration.ofHours(6), 0.2, ALWAYS_PERMANENT);

  /** A workflow step; each node overrides the attempts with its own {@code maxAttempts}. */
  public static final RetryPolicy WORKFLOW_STEP =
      new RetryPolicy(3, Duration.ofSeconds(30), 2.0, Duration.ofHours(1), 0.2, ALWAYS_PERMANENT);

  /**
   * An AI provider call made while a person waits: only 429, 5xx and timeouts are retried (an
   * unreachable provider is a configuration error, not a blip).
   */
  public static final RetryPolicy AI_CALL =
      new RetryPolicy(
          3,
          Duration.ofMillis(500),
          2.0,
          Duration.ofSeconds(4),
          0.2,
          union(ALWAYS_PERMANENT, Failure.UNREACHABLE));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || multiplier < 1) {
      throw new IllegalArgumentException("backoff must be positive and grow up to its maximum");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be a fraction in [0, 1)");
    }
    permanent = permanent.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permanent));
  }

  /** The same policy with another attempt budget (a workflow node's own). */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialBackoff, multiplier, maxBackoff, jitter, permanent);
  }

  /** The same policy starting from another first wait (the maximum grows to it if need be). */
  public RetryPolicy withInitialBackoff(Duration initial) {
    Duration max = maxBackoff.compareTo(initial) < 0 ? initial : maxBackoff;
    return new RetryPolicy(maxAttempts, initial, multiplier, max, jitter, permanent);
  }

  /** The same policy without jitter: exact waits, for tests that assert them. */
  public RetryPolicy withoutJitter() {
    return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, 0, permanent);
  }

  public boolean isPermanent(Failure failure) {
    return permanent.contains(failure);
  }

  /** Whether the attempt after {@code failedAttempt} (1-based) is made. */
  public boolean retries(int failedAttempt, Failure failure) {
    return !isPermanent(failure) && failedAttempt < maxAttempts;
  }

  /**
   * The wait after the {@code failedAttempt}-th failure. The jitter is derived from {@code seed}
   * (e.g. the message's id), so one message's waits are reproducible while different messages'
   * waits differ.
   */
  public Duration backoffAfter(int failedAttempt, long seed) {
    double millis =
        initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
    long base = millis >= maxBackoff.toMillis() ? maxBackoff.toMillis() : (long) millis;
    if (jitter == 0) {
      return Duration.ofMillis(base);
    }
    double u = new SplittableRandom(seed * 31 + failedAttempt).nextDouble();
    return Duration.ofMillis(base - (long) (base * jitter * u));
  }

  /** When to try again after the {@code failedAttempt}-th failure, or empty to give up. */
  public Optional<Instant> nextAttempt(int failedAttempt, Failure failure, Instant now, long seed) {
    return retries(failedAttempt, failure)
        ? Optional.of(now.plus(backoffAfter(failedAttempt, seed)))
        : Optional.empty();
  }

  private static Set<Failure> union(Set<Failure> set, Failure more) {
    EnumSet<Failure> all = EnumSet.copyOf(set);
    all.add(more);
    return all;
  }
}
