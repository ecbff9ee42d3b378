package io.omnireach.channel.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.channel.Messages;
import io.omnireach.channel.SendGridSignature;
import io.omnireach.channel.Suppressions;
import io.omnireach.channel.Suppressions.Reason;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import java.io.IOException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SendGrid's event webhook: a batch (JSON array) of events about emails a SendGrid mailbox sent.
 * Each event carries our {@code custom_args} ({@code omnireach_tenant}, {@code
 * omnireach_message_id}, set by {@link io.omnireach.channel.SendGridChannel}) at its top level.
 *
 * <p>Signature first: a tenant's events are applied only when the batch's ECDSA signature verifies
 * under one of that tenant's SendGrid verification keys ({@link SendGridSignature}); a batch no
 * tenant signed, or whose signed timestamp is outside {@link #WINDOW}, changes nothing. Each event
 * is applied once, by its {@code sg_event_id}, in one transaction per tenant:
 *
 * <ul>
 *   <li>{@code delivered}: a DELIVERED event;
 *   <li>{@code bounce}: BOUNCED and the address suppressed, or for {@code "type":"blocked"} (a
 *       temporary refusal SendGrid does not suppress either) only SOFT_BOUNCED;
 *   <li>{@code dropped}: BOUNCED ("dropped: reason"), suppressed when SendGrid dropped it as a
 *       bounced, invalid, unsubscribed or spam-reporting address;
 *   <li>{@code spamreport}: COMPLAINED and suppressed as COMPLAINED;
 *   <li>{@code unsubscribe}, {@code group_unsubscribe}: UNSUBSCRIBED and suppressed.
 * </ul>
 *
 * Other events (processed, deferred, open, click — we track opens and clicks ourselves) are
 * recorded as seen and change nothing.
 */
public final class SendGridEvents {

  private static final Logger LOG = Logger.getLogger(SendGridEvents.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How far the signed timestamp may be from now (replays of an old signed batch fail). */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  public static final int MAX_EVENTS = 1000;

  /** What the webhook did with a batch. */
  public enum Status {
    /** Applied for every tenant that signed it (see the counts). */
    ACCEPTED,
    /** Not a JSON array of event objects. */
    UNREADABLE,
    /** No or a stale timestamp, or no tenant's key verifies the signature. */
    FORBIDDEN
  }

  /** The answer: status, a readable reason when not accepted, and what the events did. */
  public record Result(
      Status status, String detail, int applied, int duplicates, int unmatched, int ignored) {

    static Result refused(Status status, String detail) {
      return new Result(status, detail, 0, 0, 0, 0);
    }
  }

  private enum Outcome {
    APPLIED,
    DUPLICATE,
    UNMATCHED,
    IGNORED
  }

  private final Transactions tx;
  private final TenantDirectory tenants;
  private final Clock clock;

  public SendGridEvents(Transactions tx, TenantDirectory tenants, Clock clock) {
    this.tx = tx;
    this.tenants = tenants;
    this.clock = clock;
  }

  public Result handle(String signature, String timestamp, byte[] body) {
    if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
      return Result.refused(
          Status.FORBIDDEN,
          "The request has no "
              + SendGridSignature.SIGNATURE_HEADER
              + " or "
              + SendGridSignature.TIMESTAMP_HEADER
              + " header.");
    }
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException e) {
      return Result.refused(Status.FORBIDDEN, "The timestamp is not Unix seconds.");
    }
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(WINDOW) > 0) {
      return Result.refused(
          Status.FORBIDDEN,
          "The signed timestamp is more than " + WINDOW.toMinutes() + " minutes from now.");
    }
    JsonNode events;
    try {
      events = JSON.readTree(body);
    } catch (IOException e) {
      events = null;
    }
    if (events == null || !events.isArray() || events.size() > MAX_EVENTS) {
      return Result.refused(
          Status.UNREADABLE,
          "The body must be a JSON array of at most " + MAX_EVENTS + " SendGrid events.");
    }
    Map<String, List<JsonNode>> bySlug = new LinkedHashMap<>();
    for (JsonNode e : events) {
      String slug = e.path("omnireach_tenant").asText("");
      if (e.isObject() && !slug.isEmpty()) {
        bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(e);
      }
    }
    int[] counts = new int[Outcome.values().length];
    boolean signed = false;
    for (Map.Entry<String, List<JsonNode>> entry : bySlug.entrySet()) {
      Optional<TenantRef> tenant = tenants.bySlug(entry.getKey()).map(Tenant::ref);
      if (tenant.isEmpty() || !signedBy(tenant.get(), timestamp.strip(), body, signature)) {
        continue; // not this tenant's key: its events stay untouched
      }
      signed = true;
      List<Outcome> outcomes = tx.tenant(tenant.get(), c -> apply(c, entry.getValue()));
      outcomes.forEach(o -> counts[o.ordinal()]++);
    }
    if (!signed) {
      return Result.refused(
          Status.FORBIDDEN,
          "The signature does not verify under the event webhook key of any workspace the"
              + " events name.");
    }
    return new Result(
        Status.ACCEPTED,
        null,
        counts[Outcome.APPLIED.ordinal()],
        counts[Outcome.DUPLICATE.ordinal()],
        counts[Outcome.UNMATCHED.ordinal()],
        counts[Outcome.IGNORED.ordinal()]);
  }

  private boolean signedBy(TenantRef tenant, String timestamp, byte[] body, String signature) {
    List<String> keys;
    try {
      keys =
          tx.tenant(
              tenant,
              c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement ps =
                        c.prepareStatement(
                            "select distinct event_webhook_key from mailboxes"
                                + " where provider = 'sendgrid' and event_webhook_key is not null");
                    ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(rs.getString(1));
                  }
                }
                return out;
              });
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "no SendGrid keys readable for " + tenant.slug(), e);
      return false;
    }
    for (String text : keys) {
      PublicKey key;
      try {
        key = SendGridSignature.publicKey(text);
      } catch (IllegalArgumentException e) {
        continue; // checked when saved; an unreadable one signs nothing
      }
      if (SendGridSignature.verify(key, timestamp, body, signature)) {
        return true;
      }
    }
    return false;
  }

  private List<Outcome> apply(Connection c, List<JsonNode> events) throws SQLException {
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonNode e : events) {
      outcomes.add(apply(c, e));
    }
    return outcomes;
  }

  private Outcome apply(Connection c, JsonNode e) throws SQLException {
    String eventId = e.path("sg_event_id").asText("");
    String type = e.path("event").asText("").toLowerCase(Locale.ROOT);
    if (eventId.isEmpty() || eventId.length() > 200 || type.isEmpty()) {
      return Outcome.UNMATCHED;
    }
    // our message, and only when the event is about its recipient
    Long messageId = null;
    String to = null;
    long claimed = e.path("omnireach_message_id").asLong(-1);
    if (claimed > 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, to_address from messages where id = ? and channel = 'EMAIL'")) {
        ps.setLong(1, claimed);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(2).equalsIgnoreCase(e.path("email").asText(""))) {
            messageId = rs.getLong(1);
            to = rs.getString(2);
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into webhook_events (provider, event_id, message_id, type, received_at)"
                + " values ('sendgrid', ?, ?, ?, ?) on conflict do nothing")) {
      ps.setString(1, eventId);
      if (messageId == null) {
        ps.setNull(2, Types.BIGINT);
      } else {
        ps.setLong(2, messageId);
      }
      ps.setString(3, type.length() > 40 ? type.substring(0, 40) : type);
      ps.setTimestamp(4, java.sql.Timestamp.from(clock.instant()));
      if (ps.executeUpdate() == 0) {
        return Outcome.DUPLICATE;
      }
    }
    if (messageId == null) {
      return Outcome.UNMATCHED;
    }
    Instant now = clock.instant();
    String reason = detail(e);
    switch (type) {
      case "delivered" -> event(c, messageId, "DELIVERED", "sendgrid delivered" + reason);
      case "bounce" -> {
        if ("blocked".equalsIgnoreCase(e.path("type").asText(""))) {
          event(c, messageId, "SOFT_BOUNCED", "sendgrid blocked" + reason);
        } else {
          Suppressions.add(c, to, Reason.BOUNCED, messageId, now);
          event(c, messageId, "BOUNCED", "sendgrid bounce" + reason);
        }
      }
      case "dropped" -> {
        Reason why = droppedAs(e.path("reason").asText(""));
        if (why != null) {
          Suppressions.add(c, to, why, messageId, now);
        }
        event(c, messageId, "BOUNCED", "sendgrid dropped" + reason);
      }
      case "spamreport" -> {
        Suppressions.add(c, to, Reason.COMPLAINED, messageId, now);
        event(c, messageId, "COMPLAINED", "sendgrid spam report");
      }
      case "unsubscribe", "group_unsubscribe" -> {
        Suppressions.add(c, to, Reason.UNSUBSCRIBED, messageId, now);
        event(c, messageId, "UNSUBSCRIBED", "sendgrid " + type.replace('_', ' '));
      }
      default -> {
        return Outcome.IGNORED;
      }
    }
    return Outcome.APPLIED;
  }

  /** The suppression a drop implies: SendGrid's own lists, or an invalid address. */
  static Reason droppedAs(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("unsubscribe")) {
      return Reason.UNSUBSCRIBED;
    }
    if (r.contains("spam report")) {
      return Reason.COMPLAINED;
    }
    if (r.contains("bounced") || r.contains("invalid")) {
      return Reason.BOUNCED;
    }
    return null; // e.g. "Spam Content": about the message, not the address
  }

  private void event(Connection c, long messageId, String type, String detail) throws SQLException {
    Messages.event(
        c, messageId, type, detail.length() > 500 ? detail.substring(0, 500) : detail, clock);
  }

  /** ": 550 5.1.1 user unknown" from the event's status and reason (or response), or "". */
  private static String detail(JsonNode e) {
    String status = e.path("status").asText("");
    String reason = e.path("reason").asText(e.path("response").asText(""));
    String text = (status + " " + reason).strip().replaceAll("\\s+", " ");
    return text.isEmpty() ? "" : ": " + text;
  }
}
