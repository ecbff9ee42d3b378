package io.omnireach.channel;

import io.omnireach.common.ContactHashes;
import io.omnireach.policy.Policy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.SendingGate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Step 1 of the relay, in one transaction for a batch of due rows ({@code not_before} passed;
 * {@code FOR UPDATE SKIP LOCKED}, so two relays never take the same row): locks the senders, runs
 * the {@link PolicyCheck} and the {@link ComplianceCheck} per message (BLOCKED, deferred or
 * cleared), marks the cleared ones SENDING ({@code claimed_at}, {@code attempts + 1}) and has them
 * composed.
 */
final class OutboxClaim {

  /** What one claim transaction decided: the messages to send now, and how many it looked at. */
  record Batch(List<OutboxClaimed> claimed, int examined) {}

  private final Clock clock;
  private final Mailboxes mailboxes;
  private final SmsSettingsSource sms;
  private final SendingGate gate;
  private final OutboxCompose compose;
  private final ComplianceCheck compliance;
  private final PolicyCheck policy;

  OutboxClaim(
      Clock clock,
      Mailboxes mailboxes,
      SmsSettingsSource sms,
      SendingGate gate,
      OutboxCompose compose,
      ComplianceCheck compliance) {
    this.clock = clock;
    this.mailboxes = mailboxes;
    this.sms = sms;
    this.gate = gate;
    this.compose = compose;
    this.compliance = compliance;
    this.policy = new PolicyCheck(clock);
  }

  Batch claim(Connection c, TenantRef tenant, Long onlyId, int limit) throws SQLException {
    Instant now = clock.instant();
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id from messages where status = 'QUEUED'"
                + " and coalesce(not_before, '-infinity'::timestamptz) <= ?"
                + (onlyId == null ? "" : " and id = ?")
                + " order by coalesce(not_before, '-infinity'::timestamptz), id limit ?"
                + " for update skip locked")) {
      int i = 1;
      ps.setTimestamp(i++, Timestamp.from(now));
      if (onlyId != null) {
        ps.setLong(i++, onlyId);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    if (ids.isEmpty()) {
      return new Batch(List.of(), 0);
    }
    Map<Long, OutboxRow> rows = rows(c, ids);
    Map<Long, OutboxSender> boxes = boxes(c, rows.values(), now);
    // SMS and calls go out through the tenant's Twilio account: SMS under the number's daily cap,
    // calls on their own (a call is not counted against the SMS cap)
    OutboxSender smsSender = twilioSender(c, rows.values(), ChannelKind.SMS, now);
    OutboxSender voiceSender = twilioSender(c, rows.values(), ChannelKind.VOICE, now);
    Set<LocalDate> holidays = ComplianceSettings.holidays(c);
    List<Policy> policies = policy.load(c);
    Map<ChannelKind, SendingGate.Allowance> allowances = new EnumMap<>(ChannelKind.class);
    Map<ChannelKind, Integer> cleared = new EnumMap<>(ChannelKind.class);
    List<OutboxRow> toSend = new ArrayList<>();
    for (long id : ids) {
      OutboxRow r = rows.get(id);
      if (!policy.check(c, tenant.slug(), policies, r)) {
        continue; // BLOCKED by a policy
      }
      OutboxSender sender;
      if (r.channel() == ChannelKind.SMS) {
        if (smsSender.sms == null) {
          OutboxRecord.finish(c, clock, id, "FAILED", "SMS_NOT_CONFIGURED", null, null);
          continue;
        }
        sender = smsSender;
      } else if (r.channel() == ChannelKind.VOICE) {
        if (voiceSender.sms == null || voiceSender.sms.fromNumber() == null) {
          // a messaging service cannot place calls: a number is needed
          OutboxRecord.finish(c, clock, id, "FAILED", "VOICE_NOT_CONFIGURED", null, null);
          continue;
        }
        sender = voiceSender;
      } else {
        sender = r.mailboxId() == null ? null : boxes.get(r.mailboxId());
        if (sender == null) {
          OutboxRecord.finish(c, clock, id, "FAILED", "MAILBOX_DELETED", null, null);
          continue;
        }
      }
      SendingGate.Allowance allowance =
          allowances.computeIfAbsent(r.channel(), k -> allowance(c, tenant, k));
      boolean paused = cleared.getOrDefault(r.channel(), 0) >= allowance.remaining();
      if (compliance.check(c, r, sender, holidays, paused ? allowance.reason() : null, now)) {
        cleared.merge(r.channel(), 1, Integer::sum);
        toSend.add(r);
      } else if (paused && r.channel() == ChannelKind.VOICE) {
        heldCall(c, id, allowance.reason());
      }
    }
    List<OutboxClaimed> claimed = new ArrayList<>();
    if (!toSend.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "update messages set status = 'SENDING', claimed_at = ?, not_before = null,"
                  + " attempts = attempts + 1 where id = any(?)")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setArray(2, OutboxRecord.longs(c, toSend.stream().map(OutboxRow::id).toList()));
        ps.executeUpdate();
      }
      OutboxRecord.events(c, clock, toSend.stream().map(OutboxRow::id).toList(), "SENDING", null);
      String postal = null;
      boolean postalRead = false;
      Map<Long, List<Attachment>> files =
          MessageAttachments.of(
              c,
              toSend.stream()
                  .filter(r -> r.channel() == ChannelKind.EMAIL)
                  .map(OutboxRow::id)
                  .toList());
      for (OutboxRow r : toSend) {
        if (r.channel() != ChannelKind.EMAIL) {
          OutboxSender twilio = r.channel() == ChannelKind.SMS ? smsSender : voiceSender;
          claimed.add(compose.twilio(tenant, r, twilio.sms));
          continue;
        }
        OutboxSender box = boxes.get(r.mailboxId());
        if (box.smtp == null) {
          box.smtp = mailboxes.smtpSettings(c, r.mailboxId());
        }
        if (!postalRead) {
          postal = ComplianceSettings.postalAddress(c);
          postalRead = true;
        }
        claimed.add(
            compose.email(tenant, r, box.smtp, postal, files.getOrDefault(r.id(), List.of())));
      }
    }
    return new Batch(claimed, ids.size());
  }

  /**
   * A call billing holds is not placed; the Call step that waits for it says why in its step log
   * (the run view), as a held email or SMS says it in its message events.
   */
  private static void heldCall(Connection c, long messageId, String reason) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update node_runs n set why = ? where n.message_id = ? and n.status = 'waiting'"
                // deferred by billing, not blocked for consent (that ends the step)
                + " and exists (select 1 from messages m where m.id = n.message_id"
                + " and m.status = 'QUEUED')")) {
      String why = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
      ps.setString(
          1,
          "Call held, not placed: "
              + why
              + ". It is placed once sending resumes (checked every "
              + SendPolicy.PAUSED_RECHECK.toMinutes()
              + " minutes).");
      ps.setLong(2, messageId);
      ps.executeUpdate();
    }
  }

  private SendingGate.Allowance allowance(Connection c, TenantRef tenant, ChannelKind kind) {
    Meter meter =
        switch (kind) {
          case SMS -> Meter.SMS_SEGMENTS;
          case VOICE -> Meter.VOICE_CALLS;
          default -> Meter.EMAILS_SENT;
        };
    try {
      return gate.allowance(c, tenant.id(), meter);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Long, OutboxRow> rows(Connection c, List<Long> ids) throws SQLException {
    Map<Long, OutboxRow> rows = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select m.id, m.channel, m.mailbox_id, m.lead_id, m.to_address, m.subject, m.body,"
                + " m.idempotency_key, m.message_id, m.in_reply_to, m.references_ids,"
                + " m.send_window::text, m.attempts, l.id is not null, coalesce(l.do_not_contact,"
                + " false), l.consent->(case m.channel when 'SMS' then 'sms'"
                + " when 'VOICE' then 'calls' else 'email' end)"
                + "->>'status', l.timezone, coalesce(h.reason, s.reason)"
                + " from messages m left join leads l on l.id = m.lead_id"
                + " left join suppressions s on m.channel = 'EMAIL'"
                + " and s.email = lower(m.to_address)"
                // an erased person's address (GDPR) is known only by its hash
                + " left join suppression_hashes h on h.hash = case m.channel when 'EMAIL' then "
                + ContactHashes.EMAIL_SQL.formatted("m.to_address")
                + " else "
                + ContactHashes.PHONE_SQL.formatted("m.to_address")
                + " end"
                + " where m.id = any(?)")) {
      ps.setArray(1, OutboxRecord.longs(c, ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OutboxRow r =
              new OutboxRow(
                  rs.getLong(1),
                  ChannelKind.valueOf(rs.getString(2)),
                  (Long) rs.getObject(3),
                  (Long) rs.getObject(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  windowOrNull(rs.getString(12)),
                  rs.getInt(13),
                  rs.getBoolean(14),
                  rs.getBoolean(15),
                  rs.getString(16),
                  rs.getString(17),
                  rs.getString(18));
          rows.put(r.id(), r);
        }
      }
    }
    return rows;
  }

  /**
   * The sender of a batch's SMS or calls (null when the batch has none of that kind): the Twilio
   * settings and window; for SMS the number's daily cap and what it sent today (UTC).
   */
  private OutboxSender twilioSender(
      Connection c, Collection<OutboxRow> rows, ChannelKind kind, Instant now) throws SQLException {
    if (rows.stream().noneMatch(r -> r.channel() == kind)) {
      return null;
    }
    OutboxSender s = new OutboxSender();
    s.sms = sms.load(c);
    s.window = s.sms == null ? null : s.sms.window();
    if (kind == ChannelKind.SMS && s.sms != null && s.sms.dailyCap() != null) {
      s.cap = s.sms.dailyCap();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select count(*) from messages where channel = 'SMS'"
                  + " and status in ('SENDING', 'SENT') and claimed_at >= ?")) {
        ps.setTimestamp(
            1, Timestamp.from(now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant()));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          s.sentToday = rs.getInt(1);
        }
      }
    }
    return s;
  }

  static SendWindow windowOrNull(String json) {
    try {
      return SendWindow.fromJson(json);
    } catch (RuntimeException e) {
      return null; // a window that no longer parses does not stop the message
    }
  }

  private static Map<Long, OutboxSender> boxes(
      Connection c, Collection<OutboxRow> rows, Instant now) throws SQLException {
    List<Long> ids =
        rows.stream()
            .filter(r -> r.channel() == ChannelKind.EMAIL)
            .map(OutboxRow::mailboxId)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    Map<Long, OutboxSender> boxes = new HashMap<>();
    if (ids.isEmpty()) {
      return boxes;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, daily_cap, send_window::text, min_spacing_seconds, timezone"
                // NO KEY UPDATE serialises claims (cap and spacing) as FOR UPDATE did, but lets
                // messages be queued meanwhile: their foreign key only takes KEY SHARE
                + " from mailboxes where id = any(?) order by id for no key update")) {
      ps.setArray(1, OutboxRecord.longs(c, ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OutboxSender b = new OutboxSender();
          b.cap = rs.getInt(2);
          b.window = windowOrNull(rs.getString(3));
          b.spacing = rs.getInt(4);
          b.zone = SendWindow.zoneOrNull(rs.getString(5));
          boxes.put(rs.getLong(1), b);
        }
      }
    }
    // the day's SENDING and SENT messages, counted by a trigger on messages (tenant V44)
    try (PreparedStatement ps =
        c.prepareStatement(
            "select mailbox_id, sends from mailbox_day_sends where mailbox_id = any(?)"
                + " and day = ?")) {
      ps.setArray(1, OutboxRecord.longs(c, ids));
      ps.setObject(2, LocalDate.ofInstant(now, ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OutboxSender b = boxes.get(rs.getLong(1));
          if (b != null) {
            b.sentToday = rs.getInt(2);
          }
        }
      }
    }
    for (Map.Entry<Long, OutboxSender> e : boxes.entrySet()) {
      if (e.getValue().spacing == 0) {
        continue;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "select max(claimed_at) from messages where mailbox_id = ?"
                  + " and status in ('SENDING', 'SENT') and claimed_at >= ?")) {
        ps.setLong(1, e.getKey());
        ps.setTimestamp(2, Timestamp.from(now.minusSeconds(e.getValue().spacing)));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getTimestamp(1) != null) {
            e.getValue().last = rs.getTimestamp(1).toInstant();
          }
        }
      }
    }
    return boxes;
  }
}
