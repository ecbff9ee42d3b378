package io.omnireach.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The relay's adapter for a mailbox: SMTP (one connection kept open per mailbox and reused, see
 * {@link SmtpChannel#reusing}) or SendGrid (one HTTP client per mailbox). Adapters are cached by
 * the mailbox's full settings, so changed credentials get a fresh one; {@link #close} ends them all
 * (application shutdown).
 */
public final class ChannelAdapters implements Function<SmtpSettings, Channel>, AutoCloseable {

  private static final int MAX_CACHED = 500;

  private final Map<Lane, Channel> cache = new ConcurrentHashMap<>();

  /** One of a mailbox's parallel connections. */
  private record Lane(SmtpSettings settings, int index) {}

  @Override
  public Channel apply(SmtpSettings settings) {
    return apply(settings, 0);
  }

  /**
   * The adapter of connection {@code lane} (0 to {@link SmtpSettings#connections()} - 1) of a
   * mailbox: each lane keeps its own SMTP connection open, so lanes send in parallel.
   */
  public Channel apply(SmtpSettings settings, int lane) {
    Lane key = new Lane(settings, lane);
    Channel cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (cache.size() >= MAX_CACHED) {
      close(); // many mailboxes or many changes: start over rather than grow without bound
    }
    return cache.computeIfAbsent(
        key,
        k ->
            k.settings().sendGrid()
                ? new SendGridChannel(k.settings())
                : SmtpChannel.reusing(k.settings()));
  }

  @Override
  public void close() {
    for (Channel a : cache.values()) {
      if (a instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // closing is best effort
        }
      }
    }
    cache.clear();
  }
}
