package io.omnireach.channel;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadSignals;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The email outbox of a tenant: queues a message to a lead (a QUEUED row with a unique idempotency
 * key and Message-ID, committed before anything is sent) and reads messages with their events.
 */
public final class Messages {

  static final int MAX_SUBJECT = 250;
  static final int MAX_BODY = 100_000;

  /** Why an email to a lead without an email address (V25: phone- or LinkedIn-only) is refused. */
  public static final String NO_EMAIL = "Lead has no email address.";

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
    return queue(tenant, leadId, mailboxId, subject, body, clientKey, actor, m -> m);
  }

  /**
   * As above, with the optional parts set by {@code refine} (e.g. {@code m -> m.withPersona(3)
   * .withThreadOf(41)}). A follow-up ({@link NewMessage#withThreadOf}) may leave the subject blank:
   * it becomes "Re: " and the previous subject.
   */
  public MessageView queue(
      TenantRef tenant,
      long leadId,
      Long mailboxId,
      String subject,
      String body,
      String clientKey,
      String actor,
      UnaryOperator<NewMessage> refine) {
    if (mailboxId == null) {
      throw DomainException.invalid("mailboxId", "mailboxId is required.");
    }
    String cleanSubject = Mailboxes.optional("subject", subject, MAX_SUBJECT);
    if (body == null || body.isBlank()) {
      throw DomainException.invalid("body", "body is required.");
    }
    if (body.length() > MAX_BODY) {
      throw DomainException.invalid("body", "body is longer than " + MAX_BODY + " characters.");
    }
    String key = apiKey(tenant, clientKey);
    NewMessage message =
        refine.apply(NewMessage.email(leadId, mailboxId, cleanSubject, body, key).withActor(actor));
    if (cleanSubject == null && message.threadOf() == null) {
      throw DomainException.invalid("subject", "subject is required.");
    }
    return tx.tenant(
        tenant,
        c -> {
          refuseErased(c, leadId);
          return get(c, insert(c, message, clock));
        });
  }

  /**
   * A hand-sent message to a person erased at their request (GDPR) is refused at once; the relay
   * blocks any other (e.g. a workflow's) as ERASED.
   */
  private static void refuseErased(Connection c, long leadId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select email, phone from leads where id = ?")) {
      ps.setLong(1, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && Suppressions.erased(c, rs.getString(1), rs.getString(2))) {
          throw DomainException.unprocessable(
              "leadId",
              "Lead "
                  + leadId
                  + "'s address belongs to a person erased at their request (GDPR): it may not"
                  + " be contacted again.");
        }
      }
    }
  }

  /** The outbox key of an API call: the caller's Idempotency-Key, or a fresh one without it. */
  private static String apiKey(TenantRef tenant, String clientKey) {
    return tenant.slug()
        + ":api:"
        + (clientKey == null
            ? UUID.randomUUID().toString()
            : Mailboxes.required("Idempotency-Key", clientKey, 200));
  }

  /**
   * The message an earlier call with this Idempotency-Key queued, if any: a retry gets it back
   * before anything else is checked (e.g. a hard limit reached since the first call).
   */
  public Optional<MessageView> queuedBefore(TenantRef tenant, String clientKey) {
    if (clientKey == null || clientKey.isBlank()) {
      return Optional.empty();
    }
    String key;
    try {
      key = apiKey(tenant, clientKey);
    } catch (DomainException e) {
      return Optional.empty(); // queue() answers a bad key with its 400
    }
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select id from messages where idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(get(c, rs.getLong(1))) : Optional.empty();
            }
          }
        });
  }

  /**
   * Queues an SMS to the lead's phone. The rules that cannot wait for the relay are checked now and
   * answered UNPROCESSABLE with the reason: the tenant has no SMS sender, the lead has no phone in
   * international format, or the lead has not granted SMS consent (TCPA: express consent). Quiet
   * hours and the tenant's window only defer it. A repeated {@code clientKey} returns the first
   * message.
   */
  public MessageView queueSms(
      TenantRef tenant, long leadId, String body, String clientKey, String actor) {
    if (body == null || body.isBlank()) {
      throw DomainException.invalid("body", "body is required.");
    }
    int max = ChannelCapabilities.SMS.maxLength();
    if (body.length() > max) {
      throw DomainException.invalid("body", "An SMS body is at most " + max + " characters.");
    }
    String key = apiKey(tenant, clientKey);
    return tx.tenant(tenant, c -> get(c, insertSms(c, leadId, body, key, actor, clock)));
  }

  /**
   * Queues an SMS inside the caller's transaction (the API's request, a workflow step's chunk)
   * after the checks that cannot change before sending: SMS set up, the lead's SMS consent granted,
   * a phone in E.164. Quiet hours and the tenant's window are the relay's (it defers). A key queued
   * before returns the existing message's id.
   *
   * @throws DomainException NOT_FOUND for an unknown lead, UNPROCESSABLE with the reason
   */
  public static long insertSms(
      Connection c, long leadId, String body, String key, String actor, Clock clock)
      throws SQLException {
    return insertTwilio(c, ChannelKind.SMS, leadId, body, key, actor, clock);
  }

  /**
   * Queues an automated call (the outbox's {@code VOICE} channel: Twilio reads {@code script}
   * aloud) inside the caller's transaction, after the checks that cannot change before calling: a
   * Twilio number set up, the lead's call consent ({@code consent.calls}) granted, a phone in
   * E.164. Quiet hours (08:00–21:00 lead time) and the tenant's window are the relay's (it defers).
   *
   * @throws DomainException NOT_FOUND for an unknown lead, UNPROCESSABLE with the reason
   */
  public static long insertCall(
      Connection c, long leadId, String script, String key, String actor, Clock clock)
      throws SQLException {
    return insertTwilio(c, ChannelKind.VOICE, leadId, script, key, actor, clock);
  }

  private static long insertTwilio(
      Connection c,
      ChannelKind kind,
      long leadId,
      String body,
      String key,
      String actor,
      Clock clock)
      throws SQLException {
    boolean call = kind == ChannelKind.VOICE;
    String consentType = ChannelCapabilities.of(kind).consentType();
    String phone;
    String consent;
    try (PreparedStatement ps =
        c.prepareStatement("select phone, consent->?->>'status' from leads where id = ?")) {
      ps.setString(1, consentType);
      ps.setLong(2, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No lead " + leadId + " in this tenant.");
        }
        phone = rs.getString(1);
        consent = rs.getString(2);
      }
    }
    if (call ? !SmsAccounts.hasNumber(c) : !SmsAccounts.exists(c)) {
      throw DomainException.unprocessable(
          "channel",
          call
              ? "Calls are not set up for this workspace: save Twilio settings with a fromNumber"
                  + " first."
              : "SMS is not set up for this workspace: save the Twilio settings first.");
    }
    if (!"granted".equalsIgnoreCase(consent)) {
      throw DomainException.unprocessable(
          "channel",
          "Lead "
              + leadId
              + " has not granted "
              + (call ? "call" : "SMS")
              + " consent (status: "
              + (consent == null ? "none" : consent)
              + "); "
              + (call ? "an automated call" : "an SMS")
              + " needs the lead's express consent.");
    }
    refuseErased(c, leadId);
    String to = e164(phone);
    if (to == null) {
      throw DomainException.unprocessable(
          "channel",
          "Lead " + leadId + " has no phone number in international format (e.g. +14155550123).");
    }
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "with m as (insert into messages (lead_id, channel, idempotency_key, message_id,"
                + " to_address, body, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (idempotency_key) do nothing returning id, created_at),"
                + " e as (insert into message_events (message_id, type, at)"
                + " select id, 'QUEUED', created_at from m)"
                + " select coalesce((select id from m),"
                + " (select id from messages where idempotency_key = ?))")) {
      ps.setLong(1, leadId);
      ps.setString(2, kind.name());
      ps.setString(3, key);
      ps.setString(4, "<" + UUID.randomUUID() + "@omnireach>");
      ps.setString(5, to);
      ps.setString(6, body);
      ps.setString(7, actor);
      ps.setTimestamp(8, Timestamp.from(clock.instant()));
      ps.setString(9, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    return id;
  }

  /**
   * A phone number in E.164 with spaces, dashes, brackets and dots dropped (as SMS and calls need
   * it), or null when it is none.
   */
  public static String e164(String phone) {
    String to = phone == null ? null : phone.replaceAll("[\\s().-]", "");
    return to != null && to.matches("\\+[1-9][0-9]{6,14}") ? to : null;
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
    Thread thread = m.threadOf() == null ? null : thread(c, m.threadOf(), m.leadId());
    String subject = m.subject() == null || m.subject().isBlank() ? null : m.subject().strip();
    if (subject == null) {
      if (thread == null) {
        throw DomainException.invalid("subject", "subject is required.");
      }
      subject = reSubject(thread.subject());
    }
    // one round trip: the checks, the row and its QUEUED event (workflow chunks queue many)
    try (PreparedStatement ps =
        c.prepareStatement(
            "with l as (select email from leads where id = ?),"
                + " b as (select 1 from mailboxes where id = ?),"
                + " p as (select 1 where ?::bigint is null"
                + " or exists (select 1 from personas where id = ?)),"
                + " m as (insert into messages (lead_id, mailbox_id, idempotency_key, message_id,"
                + " to_address, subject, body, created_by, created_at, persona_id,"
                + " in_reply_to_id, in_reply_to, references_ids, send_window)"
                + " select ?, ?, ?, ?, l.email, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)"
                + " from l, b, p where l.email is not null"
                + " on conflict (idempotency_key) do nothing returning id, created_at),"
                + " e as (insert into message_events (message_id, type, at)"
                + " select id, 'QUEUED', created_at from m)"
                + " select exists (select 1 from l), exists (select 1 from b),"
                + " exists (select 1 from p), (select id from m),"
                + " exists (select 1 from l where email is null)")) {
      ps.setLong(1, m.leadId());
      ps.setLong(2, m.mailboxId());
      Mailboxes.setNullableLong(ps, 3, m.personaId());
      Mailboxes.setNullableLong(ps, 4, m.personaId());
      ps.setLong(5, m.leadId());
      ps.setLong(6, m.mailboxId());
      ps.setString(7, m.idempotencyKey());
      ps.setString(8, "<" + UUID.randomUUID() + "@omnireach>");
      ps.setString(9, subject);
      ps.setString(10, m.body());
      ps.setString(11, m.actor());
      ps.setTimestamp(12, Timestamp.from(clock.instant()));
      Mailboxes.setNullableLong(ps, 13, m.personaId());
      Mailboxes.setNullableLong(ps, 14, m.threadOf());
      ps.setString(15, thread == null ? null : thread.messageId());
      ps.setString(16, thread == null ? null : thread.references());
      ps.setString(17, m.sendWindow() == null ? null : m.sendWindow().toJson());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw DomainException.notFound("No lead " + m.leadId() + " in this tenant.");
        }
        if (!rs.getBoolean(2)) {
          throw DomainException.invalid(
              "mailboxId", "No mailbox " + m.mailboxId() + " in this tenant.");
        }
        if (!rs.getBoolean(3)) {
          throw DomainException.invalid(
              "personaId", "No persona " + m.personaId() + " in this tenant.");
        }
        if (rs.getBoolean(5)) {
          // phone- or LinkedIn-only lead (V25): email is the one channel it cannot take
          throw DomainException.unprocessable("email", NO_EMAIL);
        }
        long id = rs.getLong(4);
        if (!rs.wasNull()) {
          return id; // with its QUEUED event
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

  /** The Message-ID and the References chain a follow-up of {@code id} continues. */
  private record Thread(String messageId, String references, String subject) {}

  private static Thread thread(Connection c, long previousId, long leadId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select lead_id, message_id, references_ids, subject from messages where id = ?")) {
      ps.setLong(1, previousId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.invalid(
              "inReplyToMessageId", "No message " + previousId + " in this tenant.");
        }
        Long lead = (Long) rs.getObject(1);
        if (lead == null || lead != leadId) {
          throw DomainException.invalid(
              "inReplyToMessageId",
              "Message " + previousId + " was not sent to this lead; follow up its own thread.");
        }
        String earlier = rs.getString(3);
        String refs = (earlier == null ? "" : earlier + " ") + rs.getString(2);
        // RFC 5322 suggests trimming long chains; keep the first and the latest ids
        while (refs.length() > 900 && refs.indexOf(' ') != refs.lastIndexOf(' ')) {
          int first = refs.indexOf(' ');
          int second = refs.indexOf(' ', first + 1);
          refs = refs.substring(0, first) + refs.substring(second);
        }
        return new Thread(rs.getString(2), refs, rs.getString(4));
      }
    }
  }

  /** "Re: Hello" for "Hello", "RE: Hello" and "Re: Hello"; never "Re: Re: …". */
  public static String reSubject(String previous) {
    String s = previous == null ? "" : previous.strip();
    while (s.regionMatches(true, 0, "re:", 0, 3)) {
      s = s.substring(3).strip();
    }
    String re = "Re: " + s;
    return re.length() > MAX_SUBJECT ? re.substring(0, MAX_SUBJECT) : re;
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

  /** Ids of QUEUED messages that are due (not deferred to later), oldest first (the sweep). */
  public List<Long> queued(TenantRef tenant, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from messages where status = 'QUEUED'"
                      + " and coalesce(not_before, '-infinity'::timestamptz) <= ?"
                      + " order by coalesce(not_before, '-infinity'::timestamptz), id limit ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setInt(2, limit);
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
                + " created_at, sent_at, persona_id, in_reply_to_id, not_before, attempts,"
                + " channel from messages where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No message " + id + " in this tenant.");
        }
        Timestamp sent = rs.getTimestamp("sent_at");
        Timestamp notBefore = rs.getTimestamp("not_before");
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
            List.copyOf(events),
            (Long) rs.getObject("persona_id"),
            (Long) rs.getObject("in_reply_to_id"),
            notBefore == null ? null : notBefore.toInstant(),
            rs.getInt("attempts"),
            ChannelKind.valueOf(rs.getString("channel")));
      }
    }
  }

  /**
   * Appends an event to a message's history in the caller's transaction (and rescores its lead when
   * the relationship score reads that type).
   */
  public static void event(Connection c, long messageId, String type, String detail, Clock clock)
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
    if ("OPENED".equals(type) && !proxy) {
      // a person opened it: waits for an open wake up (a proxy's fetch is nobody reading)
      signal(c, messageId, LeadSignals.Kind.MESSAGE_OPENED, Map.of(), clock.instant());
    }
    if (SCORED.contains(type)) {
      // same transaction: the lead's relationship score is never behind a committed event
      RelationshipScores.recomputeForMessage(c, messageId, clock.instant());
    }
  }

  /** Records a signal of the message's lead (none for a message without one). */
  public static void signal(
      Connection c, long messageId, LeadSignals.Kind kind, Map<String, ?> payload, Instant at)
      throws SQLException {
    Long lead = null;
    try (PreparedStatement ps = c.prepareStatement("select lead_id from messages where id = ?")) {
      ps.setLong(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          lead = (Long) rs.getObject(1);
        }
      }
    }
    if (lead != null) {
      LeadSignals.record(c, lead, kind, messageId, payload, at);
    }
  }

  /** Event types the relationship score reads (see {@link RelationshipScores}). */
  private static final Set<String> SCORED =
      Set.of("OPENED", "CLICKED", "BOUNCED", "SOFT_BOUNCED", "UNSUBSCRIBED");
}
