package io.omnireach.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.retry.RetryPolicy.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  static final RetryPolicy POLICY =
      new RetryPolicy(
          4,
          Duration.ofSeconds(10),
          2.0,
          Duration.ofSeconds(30),
          0.25,
          RetryPolicy.ALWAYS_PERMANENT);

  @Test
  void backoff_grows_exponentially_up_to_the_cap_without_jitter() {
    RetryPolicy exact = POLICY.withoutJitter();
    assertThat(exact.backoffAfter(1, 7)).isEqualTo(Duration.ofSeconds(10));
    assertThat(exact.backoffAfter(2, 7)).isEqualTo(Duration.ofSeconds(20));
    assertThat(exact.backoffAfter(3, 7)).isEqualTo(Duration.ofSeconds(30));
    assertThat(exact.backoffAfter(9, 7)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitter_shortens_the_wait_by_at_most_its_fraction_reproducibly_per_seed() {
    Set<Duration> seen = new HashSet<>();
    for (long seed = 1; seed <= 50; seed++) {
      Duration d = POLICY.backoffAfter(2, seed);
      assertThat(d).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
      assertThat(POLICY.backoffAfter(2, seed)).isEqualTo(d);
      seen.add(d);
    }
    assertThat(seen).as("different messages wait differently").hasSizeGreaterThan(10);
  }

  @Test
  void permanent_failures_and_the_last_attempt_end_the_retries() {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(POLICY.retries(1, Failure.TIMEOUT)).isTrue();
    assertThat(POLICY.retries(3, Failure.RATE_LIMITED)).isTrue();
    assertThat(POLICY.retries(4, Failure.RATE_LIMITED)).as("budget spent").isFalse();
    assertThat(POLICY.retries(1, Failure.REJECTED)).isFalse();
    assertThat(POLICY.retries(1, Failure.AUTHENTICATION)).isFalse();
    assertThat(POLICY.nextAttempt(1, Failure.REJECTED, now, 1)).isEmpty();
    assertThat(POLICY.withoutJitter().nextAttempt(1, Failure.TRANSIENT, now, 1))
        .contains(now.plusSeconds(10));
    assertThat(RetryPolicy.AI_CALL.retries(1, Failure.UNREACHABLE))
        .as("an unreachable AI provider is a setup error")
        .isFalse();
    assertThat(RetryPolicy.OUTBOX.retries(1, Failure.UNREACHABLE)).isTrue();
  }

  @Test
  void a_policy_must_make_sense() {
    assertThatThrownBy(() -> POLICY.withMaxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 1.0, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(POLICY.withInitialBackoff(Duration.ofMinutes(5)).maxBackoff())
        .isEqualTo(Duration.ofMinutes(5));
  }
}
