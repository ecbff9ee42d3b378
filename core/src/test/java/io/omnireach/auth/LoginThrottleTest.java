package io.omnireach.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  final MovableClock clock = new MovableClock();

  /** 3 failures per account+address, 5 per address, 2 free account failures, delay ≤ 8 s. */
  final LoginThrottle throttle =
      new LoginThrottle(clock, Duration.ofMinutes(15), 3, 5, 2, Duration.ofSeconds(8));

  private static DomainException.Kind kindOf(Runnable attempt) {
    try {
      attempt.run();
      return null;
    } catch (DomainException e) {
      return e.kind();
    }
  }

  @Test
  void one_address_is_stopped_after_too_many_failures_on_one_account_until_the_window_passes() {
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(1)); // past the account's delay each time
      throttle.check("a@x.test", "10.0.0.1");
      throttle.failed("a@x.test", "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(() -> throttle.check("a@x.test", "10.0.0.1"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("from your address")
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
    clock.advance(Duration.ofMinutes(15));
    assertThatCode(() -> throttle.check("a@x.test", "10.0.0.1")).doesNotThrowAnyException();
  }

  @Test
  void a_stranger_cannot_lock_the_owner_out_only_delay_the_next_attempt_briefly() {
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofSeconds(1));
      String attacker = "203.0.113." + i; // many addresses, so no address limit applies
      if (kindOf(() -> throttle.check("victim@x.test", attacker)) == null) {
        throttle.failed("victim@x.test", attacker);
      }
    }
    throttle.failed("victim@x.test", "203.0.113.99");
    // Right after the last failure the account must wait, from any address …
    assertThat(kindOf(() -> throttle.check("victim@x.test", "198.51.100.7")))
        .isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
    // … but never longer than the maximum delay.
    clock.advance(Duration.ofSeconds(8));
    assertThatCode(() -> throttle.check("victim@x.test", "198.51.100.7"))
        .doesNotThrowAnyException();
  }

  @Test
  void the_account_delay_doubles_with_each_failure_after_the_free_ones() {
    throttle.failed("d@x.test", "10.0.0.1");
    throttle.failed("d@x.test", "10.0.0.2");
    assertThat(throttle.accountWait("d@x.test")).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.accountWait("d@x.test")).isZero();
    throttle.failed("d@x.test", "10.0.0.3");
    assertThat(throttle.accountWait("d@x.test")).isEqualTo(Duration.ofSeconds(2));
    throttle.failed("d@x.test", "10.0.0.4");
    assertThat(throttle.accountWait("d@x.test")).isEqualTo(Duration.ofSeconds(4));
    throttle.failed("d@x.test", "10.0.0.5");
    throttle.failed("d@x.test", "10.0.0.6");
    assertThat(throttle.accountWait("d@x.test")).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void an_address_guessing_many_accounts_is_blocked() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i + "@x.test", "10.0.0.9");
    }
    assertThatThrownBy(() -> throttle.check("someone@x.test", "10.0.0.9"))
        .isInstanceOf(DomainException.class);
    assertThatCode(() -> throttle.check("someone@x.test", "10.0.0.10")).doesNotThrowAnyException();
  }

  @Test
  void a_correct_password_clears_the_accounts_failures() {
    throttle.failed("b@x.test", "10.0.0.1");
    throttle.failed("b@x.test", "10.0.0.1");
    throttle.succeeded("b@x.test");
    throttle.failed("b@x.test", "10.0.0.1");
    assertThatCode(() -> throttle.check("b@x.test", "10.0.0.1")).doesNotThrowAnyException();
  }
}
