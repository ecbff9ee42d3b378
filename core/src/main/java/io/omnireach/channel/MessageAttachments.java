package io.omnireach.channel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of outbox messages ({@code message_attachments}): added in the transaction that queues
 * the message, read by the relay when it composes the email.
 */
public final class MessageAttachments {

  private MessageAttachments() {}

  /** Adds the files to a message queued in the same transaction, in order. */
  public static void add(Connection c, long messageId, List<Attachment> files) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into message_attachments (message_id, position, filename, content_type,"
                + " content) values (?, ?, ?, ?, ?) on conflict do nothing")) {
      int position = 0;
      for (Attachment a : files) {
        ps.setLong(1, messageId);
        ps.setInt(2, position++);
        ps.setString(3, a.filename());
        ps.setString(4, a.contentType());
        ps.setBytes(5, a.content());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The files of these messages, by message id (messages without files are absent). */
  static Map<Long, List<Attachment>> of(Connection c, Collection<Long> messageIds)
      throws SQLException {
    Map<Long, List<Attachment>> out = new HashMap<>();
    if (messageIds.isEmpty()) {
      return out;
    }
    Array ids = OutboxRecord.longs(c, List.copyOf(messageIds));
    try (PreparedStatement ps =
        c.prepareStatement(
            "select message_id, filename, content_type, content from message_attachments"
                + " where message_id = any(?) order by message_id, position")) {
      ps.setArray(1, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Attachment(rs.getString(2), rs.getString(3), rs.getBytes(4)));
        }
      }
    }
    return out;
  }
}
