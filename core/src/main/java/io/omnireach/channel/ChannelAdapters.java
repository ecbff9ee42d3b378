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

  private final Map<SmtpSettings, Channel> cache = new ConcurrentHashMap<>();

  @Override
  public Channel apply(SmtpSettings settings) {
    Channel cached = cache.get(settings);
    if (cached != null) {
      return cached;
    }
    if (cache.size() >= MAX_CACHED) {
      close(); // many mailboxes or many changes: start over rather than grow without bound
    }
    return cache.computeIfAbsent(
        settings, s -> s.sendGrid() ? new SendGridChannel(s) : SmtpChannel.reusing(s));
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
