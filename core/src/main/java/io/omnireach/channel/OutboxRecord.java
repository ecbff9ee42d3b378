package io.omnireach.channel;

import io.omnireach.db.PlannerSetting;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 4 of the relay: records what the channels said, in the caller's transaction — SENT (and
 * metered in the same commit: {@code emails_sent}, {@code sms_segments} with the message's segment
 * count, or {@code voice_calls} (one per call Twilio placed), keyed by the message id so a
 * recovered re-send is not billed twice); for a failure the {@link RetryPolicy} decides between
 * QUEUED again after its backoff and FAILED.
 */
final class OutboxRecord {

  /** A channel's reply not yet recorded, and when it came. */
  record Sent(OutboxClaimed message, SendResult result, long nanos) {
    Sent(OutboxClaimed message, SendResult result) {
      this(message, result, System.nanoTime());
    }
  }

  private final Clock clock;
  private final RetryPolicy retry;
  private final UsageLedger usage;

  OutboxRecord(Clock clock, RetryPolicy retry, UsageLedger usage) {
    this.clock = clock;
    this.retry = retry;
    this.usage = usage;
  }

  /** What {@link #record} makes of a reply, for metrics: sent, retry or failed. */
  String outcome(Sent s) {
    if (s.result().accepted()) {
      return "sent";
    }
    return retry.retries(s.message().attempt(), s.result().failure()) ? "retry" : "failed";
  }

  void record(Connection c, TenantRef tenant, List<Sent> group) throws SQLException {
    List<Long> sentIds = new ArrayList<>();
    List<String> sentReplies = new ArrayList<>();
    List<UsageEvent> segments = new ArrayList<>();
    Instant now = clock.instant();
    for (Sent s : group) {
      if (s.result().accepted()) {
        sentIds.add(s.message().id());
        sentReplies.add(s.result().reply() == null ? null : truncate(s.result().reply(), 1000));
        if (s.message().channel() == ChannelKind.SMS) {
          segments.add(
              new UsageEvent(
                  tenant.id(),
                  Meter.SMS_SEGMENTS,
                  SmsSegments.count(s.message().message().text()).segments(),
                  null,
                  "message:" + s.message().id(),
                  now,
                  null,
                  null));
        }
      } else {
        record(c, s.message(), s.result());
      }
    }
    if (sentIds.isEmpty()) {
      return;
    }
    // One statement for the group: SENT with each reply, and its SENT event. The provider has
    // these messages already, so the commit does not wait for the WAL flush: losing it takes a
    // crash of the database itself within about 0.6 s, and means a recovered re-send (the same
    // case as a crash of the relay before this commit; docs/reliability.md), never a lost mail.
    // planned with its values on every call: a generic plan cached while messages was small
    // scanned the whole table for every group (docs/benchmarks.md)
    PlannerSetting.with(
        c,
        "plan_cache_mode",
        "force_custom_plan",
        x -> {
          markSent(x, sentIds, sentReplies, now);
          return null;
        });
    // billed in the same commit; a recovered re-send of the same message is not billed again
    Long[] emails =
        group.stream()
            .filter(s -> s.result().accepted() && s.message().channel() == ChannelKind.EMAIL)
            .map(s -> s.message().id())
            .toArray(Long[]::new);
    usage.recordEach(c, tenant.id(), Meter.EMAILS_SENT, "message:", emails, null, now);
    Long[] calls =
        group.stream()
            .filter(s -> s.result().accepted() && s.message().channel() == ChannelKind.VOICE)
            .map(s -> s.message().id())
            .toArray(Long[]::new);
    usage.recordEach(c, tenant.id(), Meter.VOICE_CALLS, "message:", calls, null, now);
    usage.recordAll(c, segments);
  }

  private static void markSent(
      Connection c, List<Long> sentIds, List<String> sentReplies, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "with s as (select set_config('synchronous_commit', 'off', true)),"
                + " r as (select * from unnest(?::bigint[], ?::text[]) as r(id, reply)),"
                + " u as (update messages m set status = 'SENT', reason = null,"
                + " reply = r.reply, sent_at = ? , not_before = null from r, s"
                + " where m.id = r.id returning m.id, m.reply)"
                + " insert into message_events (message_id, type, detail, at)"
                + " select u.id, 'SENT', u.reply, ? from u")) {
      Timestamp at = Timestamp.from(now);
      ps.setArray(1, longs(c, sentIds));
      ps.setArray(2, c.createArrayOf("text", sentReplies.toArray()));
      ps.setTimestamp(3, at);
      ps.setTimestamp(4, at);
      ps.executeUpdate();
    }
  }

  private void record(Connection c, OutboxClaimed m, SendResult result) throws SQLException {
    String reply = result.reply() == null ? null : truncate(result.reply(), 1000);
    if (result.accepted()) {
      finish(c, clock, m.id(), "SENT", null, reply, null);
    } else if (retry.retries(m.attempt(), result.failure())) {
      Instant next = clock.instant().plus(retry.backoffAfter(m.attempt(), m.id()));
      try (PreparedStatement ps =
          c.prepareStatement(
              "update messages set status = 'QUEUED', not_before = ?, reply = ? where id = ?")) {
        ps.setTimestamp(1, Timestamp.from(next));
        ps.setString(2, reply);
        ps.setLong(3, m.id());
        ps.executeUpdate();
      }
      Messages.event(
          c,
          m.id(),
          "RETRY",
          "attempt "
              + m.attempt()
              + " of "
              + retry.maxAttempts()
              + " failed: "
              + truncate(String.valueOf(reply), 600)
              + "; next try "
              + SendPolicy.format(next, ZoneOffset.UTC, true),
          clock);
    } else {
      String detail =
          result.retryable() ? "gave up after " + m.attempt() + " attempts: " + reply : reply;
      finish(
          c, clock, m.id(), "FAILED", "SEND_FAILED", reply, truncate(String.valueOf(detail), 1000));
    }
  }

  static void finish(
      Connection c, Clock clock, long id, String status, String reason, String reply, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update messages set status = ?, reason = ?, reply = ?, sent_at = ?,"
                + " not_before = null where id = ?")) {
      ps.setString(1, status);
      ps.setString(2, reason);
      ps.setString(3, reply);
      ps.setTimestamp(4, "SENT".equals(status) ? Timestamp.from(clock.instant()) : null);
      ps.setLong(5, id);
      ps.executeUpdate();
    }
    Messages.event(c, id, status, detail != null ? detail : reply != null ? reply : reason, clock);
  }

  static void defer(Connection c, Clock clock, long id, Instant slot, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update messages set not_before = ? where id = ?")) {
      ps.setTimestamp(1, Timestamp.from(slot));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    Messages.event(c, id, "DEFERRED", detail, clock);
  }

  static void events(Connection c, Clock clock, List<Long> ids, String type, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into message_events (message_id, type, detail, at)"
                + " select unnest(?::bigint[]), ?, ?, ?")) {
      ps.setArray(1, longs(c, ids));
      ps.setString(2, type);
      ps.setString(3, detail);
      ps.setTimestamp(4, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }

  static Array longs(Connection c, List<Long> ids) throws SQLException {
    return c.createArrayOf("bigint", ids.toArray());
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
