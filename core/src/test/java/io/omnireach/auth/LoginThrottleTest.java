package io.omnireach.auth;

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
  }

  final MovableClock clock = new MovableClock();
  final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 3, 5);

  @Test
  void an_account_is_blocked_after_too_many_failures_and_freed_when_the_window_passes() {
    for (int i = 0; i < 3; i++) {
      throttle.check("a@x.test", "10.0.0.1");
      throttle.failed("a@x.test", "10.0.0.1");
    }
    assertThatThrownBy(() -> throttle.check("a@x.test", "10.0.0.2"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
    clock.now = clock.now.plus(Duration.ofMinutes(16));
    assertThatCode(() -> throttle.check("a@x.test", "10.0.0.2")).doesNotThrowAnyException();
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
    assertThatCode(() -> throttle.check("b@x.test", "10.0.0.3")).doesNotThrowAnyException();
  }
}
