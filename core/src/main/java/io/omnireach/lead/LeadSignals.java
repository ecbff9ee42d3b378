package io.omnireach.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What happened to a lead outside the engine, one row per event in {@code lead_signals}. Every
 * writer records its signal in its own transaction, the one that stores the reply, meeting, task
 * outcome or message event it describes, so a signal exists exactly when that row does. The
 * workflow engine {@link #take takes} unconsumed signals and marks them {@link #consumed} in its
 * own transaction: each acts once, however late its writer commits.
 */
public final class LeadSignals {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a signal says. */
  public enum Kind {
    /** An email reply (payload: classification, oooUntil, channel). */
    REPLY,
    /** An inbound SMS (payload as for {@link #REPLY}, channel SMS). */
    SMS_REPLY,
    /** A LinkedIn task the rep closed as replied (source: the task). */
    LINKEDIN_REPLY,
    /** A meeting booked on Calendly (source: the meeting). */
    MEETING_BOOKED,
    /** A meeting canceled on Calendly (source: the meeting). */
    MEETING_CANCELED,
    /** The first final status Twilio reported for an automated call (source: the message). */
    CALL_STATUS,
    /** A real open (no proxy or scanner) of a message (source: the message). */
    MESSAGE_OPENED
  }

  /** One signal as the engine reads it. */
  public record Signal(
      long id, long leadId, Kind kind, Long sourceRef, JsonNode payload, Instant occurredAt) {

    /** A text field of the payload, null when absent. */
    public String text(String field) {
      JsonNode v = payload.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }

    /** A reply that answers (out-of-office notes and bounces do not). */
    public boolean isAnswer() {
      String cls = text("classification");
      return (kind == Kind.REPLY || kind == Kind.SMS_REPLY)
          && !"OUT_OF_OFFICE".equals(cls)
          && !"BOUNCE".equals(cls);
    }
  }

  /**
   * The channel of a reply {@code rp} (joined to the message {@code m} it answers): that message's,
   * else an inbound SMS by its Twilio id, else email.
   */
  public static final String REPLY_CHANNEL =
      "coalesce(m.channel, case when rp.raw_message_id like 'twilio:%' then 'SMS'"
          + " else 'EMAIL' end)";

  private LeadSignals() {}

  /** Records a signal on {@code c}, the writer's transaction. Returns its id. */
  public static long record(
      Connection c, long leadId, Kind kind, Long sourceRef, Map<String, ?> payload, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into lead_signals (lead_id, kind, source_ref, payload, occurred_at)"
                + " values (?, ?, ?, ?::jsonb, ?) returning id")) {
      ps.setLong(1, leadId);
      ps.setString(2, kind.name());
      ps.setObject(3, sourceRef);
      ps.setString(4, json(payload));
      ps.setTimestamp(5, Timestamp.from(at));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Records the signal of a stored reply (a {@link Kind#SMS_REPLY} when it came through Twilio,
   * else a {@link Kind#REPLY}) with its classification, return date and channel; nothing for a
   * reply without a lead.
   */
  public static void reply(Connection c, long replyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into lead_signals (lead_id, kind, source_ref, payload, occurred_at)"
                + " select rp.lead_id, case when rp.raw_message_id like 'twilio:%'"
                + " then 'SMS_REPLY' else 'REPLY' end, rp.id,"
                + " jsonb_build_object('classification', rp.classification,"
                + " 'oooUntil', rp.ooo_until, 'channel', "
                + REPLY_CHANNEL
                + "), rp.received_at"
                + " from replies rp left join messages m on m.id = rp.message_id"
                + " where rp.id = ? and rp.lead_id is not null")) {
      ps.setLong(1, replyId);
      ps.executeUpdate();
    }
  }

  /**
   * Takes up to {@code limit} unconsumed signals, oldest first, skipping rows another engine pass
   * holds; they stay locked until {@code c} commits or rolls back.
   */
  public static List<Signal> take(Connection c, int limit) throws SQLException {
    List<Signal> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, lead_id, kind, source_ref, payload, occurred_at from lead_signals"
                + " where consumed_at is null order by id limit ? for update skip locked")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Signal(
                  rs.getLong(1),
                  rs.getLong(2),
                  Kind.valueOf(rs.getString(3)),
                  (Long) rs.getObject(4),
                  tree(rs.getString(5)),
                  rs.getTimestamp(6).toInstant()));
        }
      }
    }
    return out;
  }

  /** Marks signals consumed on {@code c}, the transaction that acted on them. */
  public static void consumed(Connection c, Collection<Long> ids, Instant now) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update lead_signals set consumed_at = ? where id = any(?) and consumed_at is null")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
      ps.executeUpdate();
    }
  }

  private static String json(Map<String, ?> payload) {
    try {
      return JSON.writeValueAsString(payload == null ? Map.of() : payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Signal payload is not JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored signal payload is not JSON", e);
    }
  }
}
