package io.omnireach.channel.inbound;

import com.twilio.security.RequestValidator;
import io.omnireach.channel.Messages;
import io.omnireach.channel.SmsSettings;
import io.omnireach.channel.SmsSettingsSource;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadSignals;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Twilio's webhooks for SMS and calls: status callbacks, inbound messages, and the final status of
 * automated calls. Signature first: the tenant is the one whose Twilio account ({@code AccountSid},
 * and its sender when {@code To} names one) signed the request — {@code X-Twilio-Signature} checked
 * with the SDK's {@link RequestValidator} under that tenant's auth token over the public URL and
 * the form parameters. Nothing is read or written for a request no tenant signed. Each delivery is
 * applied once: inbound by its {@code MessageSid} (stored as the reply's id), a status by its
 * message and event type.
 */
public final class SmsWebhooks {

  private static final Logger LOG = Logger.getLogger(SmsWebhooks.class.getName());

  /** What a webhook did. */
  public enum Outcome {
    APPLIED,
    DUPLICATE,
    UNMATCHED
  }

  private final Transactions tx;
  private final TenantDirectory tenants;
  private final SmsSettingsSource settings;
  private final ReplyClassifier classifier;
  private final Clock clock;

  public SmsWebhooks(
      Transactions tx,
      TenantDirectory tenants,
      SmsSettingsSource settings,
      ReplyClassifier classifier,
      Clock clock) {
    this.tx = tx;
    this.tenants = tenants;
    this.settings = settings;
    this.classifier = classifier;
    this.clock = clock;
  }

  /**
   * The tenant that signed this request, if any.
   *
   * @param url the URL Twilio was given (public base URL + path + query), which it signed
   */
  public Optional<TenantRef> verify(String url, Map<String, String> params, String signature) {
    String accountSid = params.get("AccountSid");
    if (signature == null || signature.isBlank() || accountSid == null || accountSid.isBlank()) {
      return Optional.empty();
    }
    String to = params.get("To");
    String from = params.get("From"); // a call's status names our number as From
    String service = params.get("MessagingServiceSid");
    List<TenantRef> fallback = new ArrayList<>();
    for (Tenant t : tenants.list(null)) {
      TenantRef ref = new TenantRef(t.id(), t.slug());
      SmsSettings s;
      try {
        s = tx.tenant(ref, settings::load);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "no SMS settings readable for " + t.slug(), e);
        continue;
      }
      if (s == null || !accountSid.equals(s.accountSid())) {
        continue;
      }
      if (!new RequestValidator(s.authToken()).validate(url, params, signature)) {
        continue;
      }
      // several workspaces may share one Twilio account: the one whose sender it is wins
      boolean sender =
          (to != null && to.equals(s.fromNumber()))
              || (from != null && from.equals(s.fromNumber()))
              || (service != null && service.equals(s.messagingServiceSid()));
      if (sender) {
        return Optional.of(ref);
      }
      fallback.add(ref);
    }
    return fallback.isEmpty() ? Optional.empty() : Optional.of(fallback.get(0));
  }

  /**
   * A status callback: {@code delivered}, {@code undelivered} and {@code failed} become a
   * DELIVERED, UNDELIVERED or FAILED_DELIVERY event on our message (once each); other states
   * ({@code queued}, {@code sent} …) change nothing.
   */
  public Outcome status(TenantRef tenant, Map<String, String> params) {
    String sid = first(params, "MessageSid", "SmsSid");
    String state = first(params, "MessageStatus", "SmsStatus");
    if (sid == null || state == null) {
      return Outcome.UNMATCHED;
    }
    String type =
        switch (state.toLowerCase(Locale.ROOT)) {
          case "delivered" -> "DELIVERED";
          case "undelivered" -> "UNDELIVERED";
          case "failed" -> "DELIVERY_FAILED";
          default -> null;
        };
    if (type == null) {
      return Outcome.UNMATCHED;
    }
    String code = params.get("ErrorCode");
    String detail = "twilio " + state + (code == null || code.isBlank() ? "" : " error " + code);
    // one event of each type per message: a repeated receipt changes nothing
    return recordOnce(tenant, "SMS", sid, type, detail, type.replace("_", "\\_"));
  }

  /**
   * An automated call's status callback: the final statuses {@code completed}, {@code busy}, {@code
   * no-answer}, {@code failed} and {@code canceled} become one CALL_COMPLETED, CALL_BUSY,
   * CALL_NO_ANSWER, CALL_FAILED or CALL_CANCELED event on our call (found by its {@code CallSid};
   * the first final status stands, repeats change nothing), which the waiting Call step and
   * Decisions read; {@code queued}, {@code ringing} and {@code in-progress} change nothing.
   */
  public Outcome call(TenantRef tenant, Map<String, String> params) {
    String sid = params.get("CallSid");
    String state = params.get("CallStatus");
    if (sid == null || state == null) {
      return Outcome.UNMATCHED;
    }
    String status = state.toLowerCase(Locale.ROOT);
    if (!Set.of("completed", "busy", "no-answer", "failed", "canceled").contains(status)) {
      return Outcome.UNMATCHED;
    }
    String type = "CALL_" + status.toUpperCase(Locale.ROOT).replace('-', '_');
    String duration = params.get("CallDuration");
    String detail =
        "twilio "
            + status
            + (duration == null || duration.isBlank() ? "" : ", " + duration + " s")
            + (params.get("AnsweredBy") == null ? "" : ", answered by " + params.get("AnsweredBy"));
    // the first final status of a call stands
    return recordOnce(tenant, "VOICE", sid, type, detail, "CALL\\_%");
  }

  /**
   * Adds {@code type} to the {@code channel} message Twilio knows as {@code sid}, unless the
   * message already has an event whose type is like {@code sameAs}.
   */
  private Outcome recordOnce(
      TenantRef tenant, String channel, String sid, String type, String detail, String sameAs) {
    return tx.tenant(
        tenant,
        c -> {
          Long id = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from messages where channel = ?"
                      + " and substring(reply from '^twilio (\\S+) ') = ?"
                      + " order by id desc limit 1 for update")) {
            ps.setString(1, channel);
            ps.setString(2, sid);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                id = rs.getLong(1);
              }
            }
          }
          if (id == null) {
            return Outcome.UNMATCHED;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into message_events (message_id, type, detail, at)"
                      + " select ?, ?, ?, ? where not exists (select 1 from message_events"
                      + " where message_id = ? and type like ?)")) {
            ps.setLong(1, id);
            ps.setString(2, type);
            ps.setString(3, detail);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setLong(5, id);
            ps.setString(6, sameAs);
            if (ps.executeUpdate() == 0) {
              return Outcome.DUPLICATE;
            }
          }
          if (type.startsWith("CALL_")) {
            // wakes the call step waiting for this status
            Messages.signal(
                c, id, LeadSignals.Kind.CALL_STATUS, Map.of("status", type), clock.instant());
          }
          return Outcome.APPLIED;
        });
  }

  /**
   * An inbound SMS: stored once as a reply of the lead whose phone sent it (linked to our last SMS
   * to that number), so the Inbox shows it and the engine stops or pauses the lead's runs as for an
   * email reply. An opt-out {@link SmsKeyword} denies SMS consent on every lead with that number
   * (the relay blocks their SMS from then on), an opt-in keyword grants it again; HELP changes no
   * consent and we answer nothing (Twilio answers it), it is stored like any reply.
   */
  public Outcome inbound(TenantRef tenant, Map<String, String> params) {
    String sid = first(params, "MessageSid", "SmsSid");
    String from = params.get("From");
    if (sid == null || from == null) {
      return Outcome.UNMATCHED;
    }
    String body = params.getOrDefault("Body", "");
    SmsKeyword action = SmsKeyword.match(body).orElse(null);
    String keyword = SmsKeyword.normalize(body);
    Instant now = clock.instant();
    Classification cls;
    if (action == SmsKeyword.OPT_OUT) {
      cls = new Classification(ReplyClass.UNSUBSCRIBE, null, "sms keyword " + keyword, "keyword");
    } else if (action != null) {
      cls = new Classification(ReplyClass.OTHER, null, "sms keyword " + keyword, "keyword");
    } else {
      cls =
          classifier.classify(
              new ReplyClassifier.Input(from, null, body, false, false),
              now.atZone(ZoneOffset.UTC).toLocalDate());
    }
    return tx.tenant(
        tenant,
        c -> {
          List<Long> leads = leadsByPhone(c, from);
          Long messageId = null;
          Long leadId = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, lead_id from messages where channel = 'SMS' and to_address = ?"
                      + " order by id desc limit 1")) {
            ps.setString(1, from);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                messageId = rs.getLong(1);
                leadId = (Long) rs.getObject(2);
              }
            }
          }
          if (leadId == null && !leads.isEmpty()) {
            leadId = leads.get(0);
          }
          if (leadId == null) {
            return Outcome.UNMATCHED;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into replies (message_id, lead_id, from_address, body, received_at,"
                      + " classification, classifier, raw_message_id, sentiment, rationale)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " on conflict (raw_message_id) do nothing returning id")) {
            ps.setObject(1, messageId);
            ps.setLong(2, leadId);
            ps.setString(3, from);
            ps.setString(4, InboundProcessor.cap(body, InboundProcessor.MAX_BODY));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, cls.type().name());
            ps.setString(7, cls.classifier());
            ps.setString(8, "twilio:" + sid);
            ps.setString(9, cls.sentiment());
            ps.setString(10, InboundProcessor.cap(cls.rationale(), 500));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Outcome.DUPLICATE;
              }
              // the engine stops, pauses or wakes the lead's runs from this signal
              LeadSignals.reply(c, rs.getLong(1));
            }
          }
          if (messageId != null) {
            event(c, messageId, "REPLIED", "SMS " + cls.type(), now);
          }
          if (cls.type() != ReplyClass.UNSUBSCRIBE && action != SmsKeyword.OPT_IN) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "update leads set stage = 'replied', updated_at = ?, updated_by = 'inbound'"
                        + " where id = ? and stage in ('new', 'contacted')")) {
              ps.setTimestamp(1, Timestamp.from(now));
              ps.setLong(2, leadId);
              ps.executeUpdate();
            }
          }
          if (action == SmsKeyword.OPT_OUT) {
            consent(c, leads, "denied", "sms keyword " + keyword, now);
            if (messageId != null) {
              event(c, messageId, "UNSUBSCRIBED", "SMS " + keyword, now);
            }
          } else if (action == SmsKeyword.OPT_IN) {
            consent(c, leads, "granted", "sms keyword " + keyword, now);
          }
          return Outcome.APPLIED;
        });
  }

  private static List<Long> leadsByPhone(Connection c, String phone) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id from leads where phone is not null"
                + " and regexp_replace(phone, '[\\s().-]', '', 'g') = ? order by id")) {
      ps.setString(1, phone);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static void consent(
      Connection c, List<Long> leads, String status, String source, Instant at)
      throws SQLException {
    if (leads.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update leads set consent = jsonb_set(consent, '{sms}', jsonb_build_object("
                + "'status', ?::text, 'source', ?::text, 'at', ?::text)), updated_at = ?,"
                + " updated_by = 'inbound' where id = any (?)")) {
      ps.setString(1, status);
      ps.setString(2, source);
      ps.setString(3, at.toString());
      ps.setTimestamp(4, Timestamp.from(at));
      ps.setArray(5, c.createArrayOf("int8", leads.toArray()));
      ps.executeUpdate();
    }
  }

  private static void event(Connection c, long messageId, String type, String detail, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into message_events (message_id, type, detail, at) values (?, ?, ?, ?)")) {
      ps.setLong(1, messageId);
      ps.setString(2, type);
      ps.setString(3, detail);
      ps.setTimestamp(4, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  private static String first(Map<String, String> params, String a, String b) {
    String v = params.get(a);
    return v == null || v.isBlank() ? params.get(b) : v;
  }
}
