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
}
