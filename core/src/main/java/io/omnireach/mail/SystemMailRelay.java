package io.omnireach.mail;

import io.omnireach.channel.Channel;
import io.omnireach.channel.OutboundMessage;
import io.omnireach.channel.SendResult;
import io.omnireach.db.Transactions;
import io.omnireach.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Sends queued system mails: claims due rows in one short transaction (QUEUED with {@code
 * not_before} passed, or SENDING whose lease ran out because a relay died mid-send; {@code FOR
 * UPDATE SKIP LOCKED}, so two servers never claim the same row at once), hands each to the
 * transport outside any transaction with an {@code X-OmniReach-Idempotency-Key} header and a stable
 * Message-ID, then records the reply: SENT (the bodies are blanked, they hold secret links), QUEUED
 * again after the shared {@link RetryPolicy} for a transient failure, or FAILED. A record only
 * applies to the claim it belongs to ({@code attempts} as a fence), so a relay that lost its lease
 * cannot overwrite a newer attempt. The duplicate window: docs/reliability.md.
 */
public final class SystemMailRelay {

  private static final Logger LOG = Logger.getLogger(SystemMailRelay.class.getName());

  static final String IDEMPOTENCY_HEADER = "X-OmniReach-Idempotency-Key";

  /**
   * @param retry attempts and backoff for transient failures (the shared policy)
   * @param lease how long a SENDING row may stay so before another relay takes it again
   * @param batchSize rows claimed per transaction
   */
  public record Options(RetryPolicy retry, Duration lease, int batchSize) {

    public static final Options DEFAULTS =
        new Options(RetryPolicy.SYSTEM_MAIL, Duration.ofMinutes(2), 20);

    public Options {
      if (batchSize < 1 || lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("Invalid system mail relay options");
      }
    }
  }

  /** A claimed row: what to send and which attempt this is. */
  record Claimed(
      long id,
      String key,
      String to,
      String subject,
      String text,
      String html,
      int attempt,
      boolean leaseExpired) {}

  private final Transactions tx;
  private final Channel transport;
  private final String from;
  private final Clock clock;
  private final Options options;

  /**
   * @param transport the SMTP channel (or the dev-mode log); null = not configured: nothing is
   *     claimed and mails stay QUEUED until a transport is configured
   * @param from the sender address (the display name is the transport's)
   */
  public SystemMailRelay(
      Transactions tx, Channel transport, String from, Clock clock, Options options) {
    this.tx = tx;
    this.transport = transport;
    this.from = from;
    this.clock = clock;
    this.options = options;
  }

  public boolean configured() {
    return transport != null;
  }

  /** Sends due mails until none is left (at most about {@code max}); returns how many it tried. */
  public int relayDue(int max) {
    if (transport == null) {
      return 0;
    }
    int tried = 0;
    while (tried < max) {
      List<Claimed> batch = tx.platform(this::claim);
      if (batch.isEmpty()) {
        break;
      }
      for (Claimed m : batch) {
        SendResult result = send(m);
        tx.platform(c -> record(c, m, result));
        tried++;
      }
    }
    return tried;
  }

  List<Claimed> claim(Connection c) throws SQLException {
    Instant now = clock.instant();
    List<Claimed> claimed = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "with due as (select id, status as was from platform.system_mail"
                + " where (status = 'QUEUED' and not_before <= ?)"
                + " or (status = 'SENDING' and claimed_at < ?)"
                + " order by not_before, id limit ? for update skip locked)"
                + " update platform.system_mail m set status = 'SENDING', claimed_at = ?,"
                + " attempts = m.attempts + 1 from due where m.id = due.id"
                + " returning m.id, m.idempotency_key, m.recipient, m.subject, m.body_text,"
                + " m.body_html, m.attempts, due.was")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setTimestamp(2, Timestamp.from(now.minus(options.lease())));
      ps.setInt(3, options.batchSize());
      ps.setTimestamp(4, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          claimed.add(
              new Claimed(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getInt(7),
                  "SENDING".equals(rs.getString(8))));
        }
      }
    }
    for (Claimed m : claimed) {
      if (m.leaseExpired()) {
        LOG.warning(
            "System mail "
                + m.id()
                + " was left sending by a relay that stopped; sending it again (it may arrive"
                + " twice if the server had accepted it)");
      }
    }
    return claimed;
  }

  private SendResult send(Claimed m) {
    OutboundMessage message =
        new OutboundMessage(
            "platform",
            "<system-" + m.id() + "." + shortHash(m.key()) + "@omnireach>",
            m.key(),
            from,
            m.to(),
            m.subject(),
            m.text(),
            m.html(),
            Map.of(IDEMPOTENCY_HEADER, m.key()),
            m.id());
    try {
      return transport.send(message);
    } catch (RuntimeException e) {
      return SendResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  Void record(Connection c, Claimed m, SendResult result) throws SQLException {
    Instant now = clock.instant();
    String sql;
    if (result.accepted()) {
      sql =
          "update platform.system_mail set status = 'SENT', sent_at = ?, last_error = null,"
              + " body_text = '', body_html = '' where id = ? and status = 'SENDING'"
              + " and attempts = ?";
    } else if (options.retry().retries(m.attempt(), result.failure())) {
      sql =
          "update platform.system_mail set status = 'QUEUED', not_before = ?, last_error = ?"
              + " where id = ? and status = 'SENDING' and attempts = ?";
    } else {
      sql =
          "update platform.system_mail set status = 'FAILED', not_before = ?, last_error = ?,"
              + " body_text = '', body_html = '' where id = ? and status = 'SENDING'"
              + " and attempts = ?";
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (result.accepted()) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setLong(2, m.id());
        ps.setInt(3, m.attempt());
      } else {
        boolean retry = options.retry().retries(m.attempt(), result.failure());
        ps.setTimestamp(
            1,
            Timestamp.from(
                retry ? now.plus(options.retry().backoffAfter(m.attempt(), m.id())) : now));
        ps.setString(2, truncate(result.reply()));
        ps.setLong(3, m.id());
        ps.setInt(4, m.attempt());
        if (!retry) {
          LOG.warning("System mail " + m.id() + " to " + m.to() + " failed: " + result.reply());
        }
      }
      ps.executeUpdate();
    }
    return null;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }

  private static String shortHash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
