package io.omnireach.auth;

import io.omnireach.common.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: a sliding window of failed attempts per account and per client
 * address. In memory, so per server instance; behind a load balancer each replica counts alone.
 */
public final class LoginThrottle {

  private final Clock clock;
  private final Duration window;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, Duration window, int maxPerAccount, int maxPerAddress) {
    this.clock = clock;
    this.window = window;
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
  }

  public static LoginThrottle standard(Clock clock) {
    return new LoginThrottle(clock, Duration.ofMinutes(15), 5, 30);
  }

  /** Throws 429-kind {@link DomainException} when either key has too many recent failures. */
  public void check(String account, String address) {
    if (recent("a:" + account) >= maxPerAccount || recent("ip:" + address) >= maxPerAddress) {
      throw new DomainException(
          DomainException.Kind.TOO_MANY_REQUESTS,
          "Too many failed sign-in attempts. Try again in " + window.toMinutes() + " minutes.");
    }
  }

  public void failed(String account, String address) {
    Instant now = clock.instant();
    failures.computeIfAbsent("a:" + account, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("ip:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  /** A correct password clears the account's counter (not the address's). */
  public void succeeded(String account) {
    failures.remove("a:" + account);
  }

  public Duration window() {
    return window;
  }

  private int recent(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(window);
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
        times.pollFirst();
      }
      return times.size();
    }
  }
}
