package io.omnireach.channel;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The email outbox of a tenant: queues a message to a lead (a QUEUED row with a unique idempotency
 * key and Message-ID, committed before anything is sent) and reads messages with their events.
 */
public final class Messages {

  static final int MAX_SUBJECT = 250;
  static final int MAX_BODY = 100_000;

  private final Transactions tx;
  private final Clock clock;

  public Messages(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Queues an email to the lead. A repeated {@code clientKey} (the caller's Idempotency-Key)
   * returns the message queued the first time instead of a second one.
   */
  public MessageView queue(
      TenantRef tenant,
      long leadId,
      Long mailboxId,
      String subject,
      String body,
      String clientKey,
      String actor) {
    if (mailboxId == null) {
      throw DomainException.invalid("mailboxId", "mailboxId is required.");
    }
    String cleanSubject = Mailboxes.required("subject", subject, MAX_SUBJECT);
    if (body == null || body.isBlank()) {
      throw DomainException.invalid("body", "body is required.");
    }
    if (body.length() > MAX_BODY) {
      throw DomainException.invalid("body", "body is longer than " + MAX_BODY + " characters.");
    }
    String key =
        tenant.slug()
            + ":api:"
            + (clientKey == null
                ? UUID.randomUUID().toString()
                : Mailboxes.required("Idempotency-Key", clientKey, 200));
    NewMessage message =
        NewMessage.email(leadId, mailboxId, cleanSubject, body, key).withActor(actor);
    return tx.tenant(tenant, c -> get(c, insert(c, message, clock)));
  }

  /**
   * Queues a message inside the caller's transaction (a workflow step's chunk, an API request) and
   * returns its id; the row becomes visible to the relay when that transaction commits, and the
   * caller hands it to {@link Outbox#dispatch} afterwards (or leaves it to the sweep). A key queued
   * before returns the existing message's id and inserts nothing.
   *
   * @throws DomainException NOT_FOUND for an unknown lead, INVALID for an unknown mailbox
   */
  public static long insert(Connection c, NewMessage m, Clock clock) throws SQLException {
    String to;
    try (PreparedStatement ps = c.prepareStatement("select email from leads where id = ?")) {
      ps.setLong(1, m.leadId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No lead " + m.leadId() + " in this tenant.");
        }
        to = rs.getString(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("select 1 from mailboxes where id = ?")) {
      ps.setLong(1, m.mailboxId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.invalid(
              "mailboxId", "No mailbox " + m.mailboxId() + " in this tenant.");
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into messages (lead_id, mailbox_id, idempotency_key, message_id,"
                + " to_address, subject, body, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (idempotency_key) do nothing returning id")) {
      ps.setLong(1, m.leadId());
      ps.setLong(2, m.mailboxId());
      ps.setString(3, m.idempotencyKey());
      ps.setString(4, "<" + UUID.randomUUID() + "@omnireach>");
      ps.setString(5, to);
      ps.setString(6, m.subject());
      ps.setString(7, m.body());
      ps.setString(8, m.actor());
      ps.setTimestamp(9, Timestamp.from(clock.instant()));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long id = rs.getLong(1);
          event(c, id, "QUEUED", null, clock);
          return id;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("select id from messages where idempotency_key = ?")) {
      ps.setString(1, m.idempotencyKey());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public MessageView get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> get(c, id));
  }

  /** The lead's messages with their events, newest first (at most {@code limit}). */
  public List<MessageView> ofLead(TenantRef tenant, long leadId, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from messages where lead_id = ? order by id desc limit ?")) {
            ps.setLong(1, leadId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          List<MessageView> result = new ArrayList<>();
          for (long id : ids) {
            result.add(get(c, id));
          }
          return result;
        });
  }

  /** Ids of QUEUED messages, oldest first (for the relay's sweep). */
  public List<Long> queued(TenantRef tenant, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from messages where status = 'QUEUED' order by id limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          return ids;
        });
  }

  static MessageView get(Connection c, long id) throws SQLException {
    List<MessageView.Event> events = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select type, detail, at from message_events where message_id = ? order by id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(
              new MessageView.Event(
                  rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, lead_id, mailbox_id, to_address, subject, status, reason, reply,"
                + " created_at, sent_at from messages where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No message " + id + " in this tenant.");
        }
        Timestamp sent = rs.getTimestamp("sent_at");
        return new MessageView(
            rs.getLong("id"),
            (Long) rs.getObject("lead_id"),
            (Long) rs.getObject("mailbox_id"),
            rs.getString("to_address"),
            rs.getString("subject"),
            MessageView.Status.valueOf(rs.getString("status")),
            rs.getString("reason"),
            rs.getString("reply"),
            rs.getTimestamp("created_at").toInstant(),
            sent == null ? null : sent.toInstant(),
            List.copyOf(events));
      }
    }
  }

  static void event(Connection c, long messageId, String type, String detail, Clock clock)
      throws SQLException {
    event(c, messageId, type, detail, null, false, clock);
  }

  /** An event with the fetching user agent and whether a proxy or scanner caused it. */
  static void event(
      Connection c,
      long messageId,
      String type,
      String detail,
      String userAgent,
      boolean proxy,
      Clock clock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into message_events (message_id, type, detail, user_agent, proxy, at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, messageId);
      ps.setString(2, type);
      ps.setString(3, detail);
      ps.setString(4, userAgent);
      ps.setBoolean(5, proxy);
      ps.setTimestamp(6, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }
}
