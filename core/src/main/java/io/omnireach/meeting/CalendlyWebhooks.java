package io.omnireach.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadSignals;
import io.omnireach.lead.MeetingLink;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.engine.RunControl;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calendly's webhook ({@code POST /webhooks/calendly}). Signature first: the tenant is the one
 * whose signing key — made per connection, so no two tenants share one — verifies {@code
 * Calendly-Webhook-Signature} within {@link CalendlySignature#TOLERANCE} (on a tie, the one whose
 * Calendly user created the subscription). Nothing is read or written for a delivery no tenant
 * signed. Each delivery is applied once, by its invitee URI and event kind.
 *
 * <p>{@code invitee.created}: the lead named by the link's {@code utm_content} (see {@link
 * MeetingLink}), else the lead with the invitee's email, gets a booked meeting; the lead moves to
 * the {@code meeting} stage (from new, contacted or replied), its relationship score is recomputed,
 * and its workflow runs end — except those whose workflow decides on {@code meeting_booked} ({@link
 * RunControl#meetingBooked}). {@code invitee.canceled}: the meeting is marked canceled; the stage
 * stays.
 */
public final class CalendlyWebhooks {

  private static final Logger LOG = Logger.getLogger(CalendlyWebhooks.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a delivery did. */
  public enum Outcome {
    APPLIED,
    DUPLICATE,
    /** Signed, but no lead of the tenant matches the invitee. */
    UNMATCHED,
    /** Signed, but not an event we act on. */
    IGNORED
  }

  /** The signature check: the tenant when valid. */
  public record Check(CalendlySignature.Result result, TenantRef tenant) {}

  private final Transactions tx;
  private final TenantDirectory tenants;
  private final CalendlyAccounts accounts;
  private final Clock clock;
  private final Duration tolerance;

  public CalendlyWebhooks(
      Transactions tx, TenantDirectory tenants, CalendlyAccounts accounts, Clock clock) {
    this(tx, tenants, accounts, clock, CalendlySignature.TOLERANCE);
  }

  public CalendlyWebhooks(
      Transactions tx,
      TenantDirectory tenants,
      CalendlyAccounts accounts,
      Clock clock,
      Duration tolerance) {
    this.tx = tx;
    this.tenants = tenants;
    this.accounts = accounts;
    this.clock = clock;
    this.tolerance = tolerance;
  }

  public Check verify(String header, byte[] body) {
    if (CalendlySignature.parse(header) == null) {
      return new Check(CalendlySignature.Result.MALFORMED, null);
    }
    String createdBy = CalendlyClient.text(tree(body), "created_by");
    Instant now = clock.instant();
    TenantRef valid = null;
    boolean stale = false;
    for (Tenant t : tenants.list(null)) {
      TenantRef ref = new TenantRef(t.id(), t.slug());
      CalendlyAccounts.Signing s;
      try {
        s = tx.tenant(ref, accounts::signing);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "no Calendly settings readable for " + t.slug(), e);
        continue;
      }
      if (s == null) {
        continue;
      }
      switch (CalendlySignature.verify(header, body, s.key(), now, tolerance)) {
        case VALID -> {
          if (createdBy != null && createdBy.equals(s.userUri())) {
            return new Check(CalendlySignature.Result.VALID, ref);
          }
          valid = valid == null ? ref : valid;
        }
        case STALE -> stale = true;
        default -> {}
      }
    }
    if (valid != null) {
      return new Check(CalendlySignature.Result.VALID, valid);
    }
    return new Check(
        stale ? CalendlySignature.Result.STALE : CalendlySignature.Result.MISMATCH, null);
  }

  /** Applies a verified delivery of {@code tenant}. */
  public Outcome apply(TenantRef tenant, byte[] body) {
    JsonNode root = tree(body);
    String event = CalendlyClient.text(root, "event");
    boolean created = "invitee.created".equals(event);
    if (!created && !"invitee.canceled".equals(event)) {
      return Outcome.IGNORED;
    }
    JsonNode p = root.path("payload");
    JsonNode se = p.path("scheduled_event");
    String inviteeUri = CalendlyClient.text(p, "uri");
    String email = CalendlyClient.text(p, "email");
    Instant start = instant(CalendlyClient.text(se, "start_time"));
    if (inviteeUri == null || email == null || start == null) {
      return Outcome.IGNORED;
    }
    Long utmLead = MeetingLink.leadId(CalendlyClient.text(p.path("tracking"), "utm_content"));
    String eventUri = CalendlyClient.text(se, "uri");
    String eventName = CalendlyClient.text(se, "name");
    Instant end = instant(CalendlyClient.text(se, "end_time"));
    String name = CalendlyClient.text(p, "name");
    String reason = CalendlyClient.text(p.path("cancellation"), "reason");
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          Long leadId = lead(c, utmLead, email);
          if (leadId == null) {
            return Outcome.UNMATCHED;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into calendly_deliveries (invitee_uri, event, received_at)"
                      + " values (?, ?, ?) on conflict do nothing")) {
            ps.setString(1, inviteeUri);
            ps.setString(2, event);
            ps.setTimestamp(3, Timestamp.from(now));
            if (ps.executeUpdate() == 0) {
              return Outcome.DUPLICATE;
            }
          }
          Long meetingId = created ? null : cancel(c, inviteeUri, reason, now);
          if (meetingId != null) {
            LeadSignals.record(
                c, leadId, LeadSignals.Kind.MEETING_CANCELED, meetingId, Map.of(), now);
          }
          if (meetingId == null) {
            meetingId =
                insert(
                    c,
                    leadId,
                    inviteeUri,
                    eventUri == null ? inviteeUri : eventUri,
                    eventName,
                    email,
                    name,
                    start,
                    end,
                    created ? MeetingStatus.BOOKED : MeetingStatus.CANCELED,
                    now,
                    reason);
            if (created && meetingId != null) {
              LeadSignals.record(
                  c,
                  leadId,
                  LeadSignals.Kind.MEETING_BOOKED,
                  meetingId,
                  Map.of("start", start.toString()),
                  now);
              booked(c, leadId, eventName, start, now);
            } else if (meetingId != null) {
              LeadSignals.record(
                  c, leadId, LeadSignals.Kind.MEETING_CANCELED, meetingId, Map.of(), now);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update calendly_deliveries set meeting_id = ? where invitee_uri = ?"
                      + " and event = ?")) {
            ps.setObject(1, meetingId);
            ps.setString(2, inviteeUri);
            ps.setString(3, event);
            ps.executeUpdate();
          }
          return Outcome.APPLIED;
        });
  }

  /** The stage moves forward only, the score follows the stage, and the runs end (or decide). */
  private static void booked(
      Connection c, long leadId, String eventName, Instant start, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update leads set stage = 'meeting', updated_at = ?, updated_by = 'calendly'"
                + " where id = ? and stage in ('new', 'contacted', 'replied')")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setLong(2, leadId);
      ps.executeUpdate();
    }
    RelationshipScores.recompute(c, List.of(leadId), now);
    RunControl.meetingBooked(
        c,
        leadId,
        "Meeting booked on Calendly"
            + (eventName == null ? "" : " (" + eventName + ")")
            + " for "
            + start
            + ".",
        now);
  }

  /** Marks a known meeting canceled; null when we have none for this invitee. */
  private static Long cancel(Connection c, String inviteeUri, String reason, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update meetings set status = 'canceled', canceled_at = ?, cancel_reason = ?"
                + " where invitee_uri = ? returning id")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, cap(reason));
      ps.setString(3, inviteeUri);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** A new meeting row; null when one exists (a booking whose cancellation came first). */
  private static Long insert(
      Connection c,
      long leadId,
      String inviteeUri,
      String eventUri,
      String eventName,
      String email,
      String name,
      Instant start,
      Instant end,
      MeetingStatus status,
      Instant now,
      String reason)
      throws SQLException {
    boolean canceled = status == MeetingStatus.CANCELED;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into meetings (lead_id, invitee_uri, event_uri, event_name, invitee_email,"
                + " invitee_name, start_time, end_time, status, booked_at, canceled_at,"
                + " cancel_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (invitee_uri) do nothing returning id")) {
      ps.setLong(1, leadId);
      ps.setString(2, inviteeUri);
      ps.setString(3, eventUri);
      ps.setString(4, cap(eventName));
      ps.setString(5, email);
      ps.setString(6, cap(name));
      ps.setTimestamp(7, Timestamp.from(start));
      ps.setTimestamp(8, end == null ? null : Timestamp.from(end));
      ps.setString(9, status.value());
      ps.setTimestamp(10, Timestamp.from(now));
      ps.setTimestamp(11, canceled ? Timestamp.from(now) : null);
      ps.setString(12, canceled ? cap(reason) : null);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** The lead the link named (if it exists), else the lead with the invitee's email. */
  private static Long lead(Connection c, Long utmLead, String email) throws SQLException {
    if (utmLead != null) {
      try (PreparedStatement ps = c.prepareStatement("select id from leads where id = ?")) {
        ps.setLong(1, utmLead);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getLong(1);
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("select id from leads where lower(email) = lower(?)")) {
      ps.setString(1, email.strip());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static JsonNode tree(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n == null ? JSON.createObjectNode() : n;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static Instant instant(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String cap(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }
}
