package io.omnireach.workflow.nodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** What happened to a run's lead and messages, as Wait and Decision steps ask it. */
final class RunEvents {

  private RunEvents() {}

  /** The newest reply of the lead since {@code since} that is a real answer: [class, at]. */
  static String[] lastReply(Connection c, long leadId, Instant since) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select classification, received_at from replies where lead_id = ?"
                + " and received_at >= ? and classification not in ('OUT_OF_OFFICE', 'BOUNCE')"
                + " order by id desc limit 1")) {
      ps.setLong(1, leadId);
      ps.setTimestamp(2, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new String[] {rs.getString(1), rs.getTimestamp(2).toInstant().toString()}
            : null;
      }
    }
  }

  /** The newest meeting booked (not canceled) since {@code since}: [booked at, start time]. */
  static String[] meetingBooked(Connection c, long leadId, Instant since) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select booked_at, start_time from meetings where lead_id = ? and status = 'booked'"
                + " and booked_at >= ? order by id desc limit 1")) {
      ps.setLong(1, leadId);
      ps.setTimestamp(2, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new String[] {
              rs.getTimestamp(1).toInstant().toString(), rs.getTimestamp(2).toInstant().toString()
            }
            : null;
      }
    }
  }

  /** The first event of a type on this run's messages (proxy opens left out). */
  static Instant firstEvent(Connection c, long runId, String type, Instant since)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select min(e.at) from message_events e join node_runs n on n.message_id ="
                + " e.message_id where n.run_id = ? and e.type = ? and not e.proxy and e.at >= ?")) {
      ps.setLong(1, runId);
      ps.setString(2, type);
      ps.setTimestamp(3, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t == null ? null : t.toInstant();
      }
    }
  }

  static boolean exists(Connection c, String table, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from " + table + " where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Whether the table has any row (a mailbox to send from). */
  static boolean any(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from " + table + " limit 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * The latest send on a channel in this run: the newest outbox message of the run's steps on
   * {@code EMAIL} or {@code SMS} (blocked and failed ones never reached the lead), or for LinkedIn
   * the newest LinkedIn task. Null when the run has none.
   */
  static Instant lastSend(Connection c, long runId, FallbackChooser.Route channel)
      throws SQLException {
    String sql =
        channel == FallbackChooser.Route.LINKEDIN
            ? "select max(created_at) from workflow_tasks where run_id = ? and kind = 'linkedin'"
            : "select max(coalesce(m.sent_at, m.created_at)) from node_runs n join messages m"
                + " on m.id = n.message_id where n.run_id = ? and m.channel = ?"
                + " and m.status not in ('BLOCKED', 'FAILED')";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, runId);
      if (channel != FallbackChooser.Route.LINKEDIN) {
        ps.setString(2, channel.name());
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t == null ? null : t.toInstant();
      }
    }
  }

  /**
   * The lead's first answer on a channel since {@code since}: an email reply, an inbound SMS (a
   * reply linked to an SMS of ours, or received through Twilio), or a LinkedIn task the rep closed
   * as {@code replied}. Out-of-office notes and bounces are no answer. Null when there is none.
   */
  static Instant firstReplyOn(
      Connection c, long leadId, FallbackChooser.Route channel, Instant since) throws SQLException {
    String sql =
        channel == FallbackChooser.Route.LINKEDIN
            ? "select min(done_at) from workflow_tasks where lead_id = ? and done_at >= ?"
                + " and kind = 'linkedin' and outcome = 'replied'"
            : "select min(rp.received_at) from replies rp left join messages m"
                + " on m.id = rp.message_id where rp.lead_id = ? and rp.received_at >= ?"
                + " and rp.classification not in ('OUT_OF_OFFICE', 'BOUNCE')"
                + " and "
                + io.omnireach.lead.LeadSignals.REPLY_CHANNEL
                + " = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, leadId);
      ps.setTimestamp(2, Timestamp.from(since));
      if (channel != FallbackChooser.Route.LINKEDIN) {
        ps.setString(3, channel.name());
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t == null ? null : t.toInstant();
      }
    }
  }

  /** Two step-log sentences as one; either may be null. */
  static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    return b == null || b.isBlank() ? a : a + " " + b;
  }
}
