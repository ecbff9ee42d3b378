package io.omnireach.channel;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves outbox rows QUEUED → SENDING → SENT / FAILED, or QUEUED → BLOCKED.
 *
 * <ol>
 *   <li>Claim, in one transaction: lock the mailbox row (so daily-cap counts are serial), {@code
 *       UPDATE … SET status='SENDING' WHERE id=? AND status='QUEUED'} (a second relay of the same
 *       row finds nothing to claim, so a message is handed to the transport at most once), then the
 *       pre-send checks — lead deleted or do-not-contact, suppression list, denied email consent,
 *       the mailbox's daily cap — any of which ends the message as BLOCKED with its reason.
 *   <li>Send, outside any transaction, through the mailbox's {@link ChannelAdapter}.
 *   <li>Record the reply: SENT or FAILED, with an event.
 * </ol>
 *
 * A crash between 2 and 3 leaves the row SENDING: it is never sent again automatically (at most
 * once), and shows as SENDING until someone looks at it.
 */
public final class MessageRelay {

  private static final Logger LOG = Logger.getLogger(MessageRelay.class.getName());

  private final Transactions tx;
  private final Mailboxes mailboxes;
  private final UnsubscribeTokens tokens;
  private final TrackingLinks tracking;
  private final HostPolicy hosts;
  private final Function<SmtpSettings, ChannelAdapter> adapters;
  private final String publicUrl;
  private final Clock clock;

  public MessageRelay(
      Transactions tx,
      Mailboxes mailboxes,
      UnsubscribeTokens tokens,
      TrackingLinks tracking,
      HostPolicy hosts,
      Function<SmtpSettings, ChannelAdapter> adapters,
      String publicUrl,
      Clock clock) {
    this.tx = tx;
    this.mailboxes = mailboxes;
    this.tokens = tokens;
    this.tracking = tracking;
    this.hosts = hosts;
    this.adapters = adapters;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.clock = clock;
  }

  private record Claimed(SmtpSettings smtp, OutboundMessage message) {}

  /** Relays one message; returns its status afterwards (unchanged when it was not QUEUED). */
  public MessageView.Status relay(TenantRef tenant, long messageId) {
    Claimed claimed;
    try {
      claimed = tx.tenant(tenant, c -> claim(c, tenant, messageId));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot claim message " + messageId + " of " + tenant.slug(), e);
      throw e;
    }
    if (claimed == null) {
      return tx.tenant(tenant, c -> Messages.get(c, messageId).status());
    }
    SendResult result;
    try {
      hosts.check("host", claimed.smtp().host());
      result = adapters.apply(claimed.smtp()).send(claimed.message());
    } catch (RuntimeException e) {
      result = SendResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    SendResult outcome = result;
    return tx.tenant(tenant, c -> record(c, messageId, outcome));
  }

  /** Relays every QUEUED message of the tenant (start-up sweep, tests). */
  public void relayQueued(TenantRef tenant, Messages messages) {
    for (long id : messages.queued(tenant, 500)) {
      relay(tenant, id);
    }
  }

  private Claimed claim(Connection c, TenantRef tenant, long id) throws SQLException {
    Long mailboxId = null;
    try (PreparedStatement ps =
        c.prepareStatement("select mailbox_id from messages where id = ? and status = 'QUEUED'")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        mailboxId = (Long) rs.getObject(1);
      }
    }
    int cap = 0;
    if (mailboxId != null) {
      try (PreparedStatement ps =
          c.prepareStatement("select daily_cap from mailboxes where id = ? for update")) {
        ps.setLong(1, mailboxId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            cap = rs.getInt(1);
          } else {
            mailboxId = null;
          }
        }
      }
    }
    Instant now = clock.instant();
    Long leadId;
    String to;
    String subject;
    String body;
    String key;
    String rfcId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "update messages set status = 'SENDING', claimed_at = ? where id = ? and status ="
                + " 'QUEUED' returning lead_id, to_address, subject, body, idempotency_key,"
                + " message_id")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null; // another relay claimed it first
        }
        leadId = (Long) rs.getObject(1);
        to = rs.getString(2);
        subject = rs.getString(3);
        body = rs.getString(4);
        key = rs.getString(5);
        rfcId = rs.getString(6);
      }
    }
    if (mailboxId == null) {
      finish(c, id, "FAILED", "MAILBOX_DELETED", null);
      return null;
    }
    String blocked = blockReason(c, leadId, to);
    if (blocked == null && sentToday(c, mailboxId, id, now) >= cap) {
      blocked = "DAILY_CAP";
    }
    if (blocked != null) {
      finish(c, id, "BLOCKED", blocked, null);
      return null;
    }
    SmtpSettings smtp = mailboxes.smtpSettings(c, mailboxId);
    String url = publicUrl + "/unsubscribe/" + tokens.token(tenant.slug(), id);
    EmailComposer.Parts parts =
        EmailComposer.compose(
            body,
            smtp.fromName(),
            smtp.fromAddress(),
            postalAddress(c),
            url,
            key,
            link -> publicUrl + "/t/c/" + tracking.clickToken(tenant.slug(), id, link),
            publicUrl + "/t/o/" + tracking.openToken(tenant.slug(), id) + ".gif");
    Messages.event(c, id, "SENDING", null, clock);
    return new Claimed(
        smtp,
        new OutboundMessage(
            tenant.slug(),
            rfcId,
            key,
            smtp.fromAddress(),
            to,
            subject,
            parts.text(),
            parts.html(),
            parts.headers()));
  }

  private static String blockReason(Connection c, Long leadId, String to) throws SQLException {
    if (leadId == null) {
      return "LEAD_DELETED";
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select do_not_contact, consent->'email'->>'status' from leads where id = ?")) {
      ps.setLong(1, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "LEAD_DELETED";
        }
        if (rs.getBoolean(1)) {
          return "DO_NOT_CONTACT";
        }
        if ("denied".equalsIgnoreCase(rs.getString(2))) {
          return "CONSENT_DENIED";
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("select reason from suppressions where email = lower(?)")) {
      ps.setString(1, to);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getString(1);
        }
      }
    }
    return null;
  }

  private static int sentToday(Connection c, long mailboxId, long exceptId, Instant now)
      throws SQLException {
    Instant dayStart = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from messages where mailbox_id = ? and id <> ?"
                + " and status in ('SENDING', 'SENT') and claimed_at >= ?")) {
      ps.setLong(1, mailboxId);
      ps.setLong(2, exceptId);
      ps.setTimestamp(3, Timestamp.from(dayStart));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static String postalAddress(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select value from settings where key = '"
                    + ComplianceSettings.POSTAL_ADDRESS
                    + "'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private MessageView.Status record(Connection c, long id, SendResult result) throws SQLException {
    String reply = result.reply() == null ? null : truncate(result.reply(), 1000);
    if (result.accepted()) {
      finish(c, id, "SENT", null, reply);
    } else {
      finish(c, id, "FAILED", "SEND_FAILED", reply);
    }
    return Messages.get(c, id).status();
  }

  private void finish(Connection c, long id, String status, String reason, String reply)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update messages set status = ?, reason = ?, reply = ?, sent_at = ? where id = ?")) {
      ps.setString(1, status);
      ps.setString(2, reason);
      ps.setString(3, reply);
      ps.setTimestamp(4, "SENT".equals(status) ? Timestamp.from(clock.instant()) : null);
      ps.setLong(5, id);
      ps.executeUpdate();
    }
    Messages.event(c, id, status, reply != null ? reply : reason, clock);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
