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
 * Slows down password guessing (sign-in, invitation accept) with sliding windows of failed
 * attempts:
 *
 * <ul>
 *   <li>per client address: a hard limit over all accounts ({@code maxPerAddress});
 *   <li>per account and address: a hard limit ({@code maxPerPair}) — "too many attempts from your
 *       address";
 *   <li>per account over all addresses: no lock, a growing delay. After {@code freePerAccount}
 *       failures each further attempt must wait 1, 2, 4 … seconds (at most {@code maxDelay}) after
 *       the last failure. A stranger can therefore slow an account down, never lock it out.
 * </ul>
 *
 * In memory, so per server instance; behind a load balancer each replica counts alone. The address
 * must be the real client address ({@link TrustedProxies}).
 */
public final class LoginThrottle {

  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Duration window;
  private final int maxPerPair;
  private final int maxPerAddress;
  private final int freePerAccount;
  private final Duration maxDelay;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(
      Clock clock,
      Duration window,
      int maxPerPair,
      int maxPerAddress,
      int freePerAccount,
      Duration maxDelay) {
    this.clock = clock;
    this.window = window;
    this.maxPerPair = maxPerPair;
    this.maxPerAddress = maxPerAddress;
    this.freePerAccount = freePerAccount;
    this.maxDelay = maxDelay;
  }

  public static LoginThrottle standard(Clock clock) {
    return new LoginThrottle(clock, Duration.ofMinutes(15), 5, 30, 5, Duration.ofMinutes(1));
  }

  /**
   * Throws {@link Throttled} (a 429-kind {@link DomainException}) when this attempt must not be
   * checked now.
   */
  public void check(String account, String address) {
    if (recent(addressKey(address)).size() >= maxPerAddress
        || recent(pairKey(account, address)).size() >= maxPerPair) {
      throw new Throttled(
          "Too many failed sign-in attempts from your address. Try again in "
              + window.toMinutes()
              + " minutes.",
          window);
    }
    Duration wait = accountWait(account);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new Throttled(
          "Too many failed sign-in attempts for this account. Try again in "
              + seconds
              + " seconds.",
          Duration.ofSeconds(seconds));
    }
  }

  public void failed(String account, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.keySet().removeIf(k -> recent(k).isEmpty());
    }
    for (String key :
        new String[] {accountKey(account), addressKey(address), pairKey(account, address)}) {
      Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        times.addLast(now);
      }
    }
  }

  /** A correct password clears the account's counters (not the address's). */
  public void succeeded(String account) {
    failures.remove(accountKey(account));
    String prefix = "p:" + account + "|";
    failures.keySet().removeIf(k -> k.startsWith(prefix));
  }

  public Duration window() {
    return window;
  }

  /** How long the account must still wait before its next attempt (zero: not at all). */
  Duration accountWait(String account) {
    Deque<Instant> times = recent(accountKey(account));
    Instant last;
    int count;
    synchronized (times) {
      count = times.size();
      last = times.peekLast();
    }
    if (count < freePerAccount || last == null) {
      return Duration.ZERO;
    }
    int doublings = Math.min(count - freePerAccount, 30);
    Duration delay = Duration.ofSeconds(1L << doublings);
    if (delay.compareTo(maxDelay) > 0) {
      delay = maxDelay;
    }
    Duration left = Duration.between(clock.instant(), last.plus(delay));
    return left.isNegative() || left.isZero() ? Duration.ZERO : left;
  }

  private static String accountKey(String account) {
    return "a:" + account;
  }

  private static String addressKey(String address) {
    return "ip:" + address;
  }

  private static String pairKey(String account, String address) {
    return "p:" + account + "|" + address;
  }

  /** The failures of a key inside the window (older ones are dropped). */
  private Deque<Instant> recent(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return new ArrayDeque<>();
    }
    Instant cutoff = clock.instant().minus(window);
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
        times.pollFirst();
      }
      return times;
    }
  }
}
