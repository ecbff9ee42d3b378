package io.omnireach.channel;

/**
 * When and how fast a mailbox sends: its window (null = any time) in {@code timezone} for leads
 * without a zone (null = UTC), the minimum seconds between two sends and the daily cap (null keeps
 * the current cap) and the SMTP connections it sends over in parallel (null keeps the current
 * number).
 */
public record SendingRules(
    SendWindow sendWindow,
    Integer minSpacingSeconds,
    String timezone,
    Integer dailyCap,
    Integer smtpConnections) {

  /** Keeps the mailbox's connections. */
  public SendingRules(
      SendWindow sendWindow, Integer minSpacingSeconds, String timezone, Integer dailyCap) {
    this(sendWindow, minSpacingSeconds, timezone, dailyCap, null);
  }
}
