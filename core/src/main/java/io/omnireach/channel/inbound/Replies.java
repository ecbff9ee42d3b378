package io.omnireach.channel.inbound;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads the tenant's stored replies, newest first, optionally of one class. */
public final class Replies {

  private final Transactions tx;

  public Replies(Transactions tx) {
    this.tx = tx;
  }

  /** Up to {@code limit} replies with an id below {@code beforeId} (null: from the newest). */
  public List<ReplyView> list(TenantRef tenant, ReplyClass only, Long beforeId, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          List<ReplyView> result = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select r.id, r.message_id, r.lead_id,"
                      + " nullif(trim(concat_ws(' ', l.first_name, l.last_name)), '') as lead_name,"
                      + " r.from_address, r.subject, r.body, r.received_at, r.classification,"
                      + " r.ooo_until, r.classifier, r.confidence, r.sentiment, r.rationale,"
                      + " r.classifier_fallback from replies r left join leads l on l.id = r.lead_id"
                      + " where (?::text is null or r.classification = ?::text)"
                      + " and (?::bigint is null or r.id < ?::bigint)"
                      + " order by r.id desc limit ?")) {
            String cls = only == null ? null : only.name();
            ps.setString(1, cls);
            ps.setString(2, cls);
            ps.setObject(3, beforeId);
            ps.setObject(4, beforeId);
            ps.setInt(5, Math.max(1, Math.min(limit, 200)));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Date until = rs.getDate("ooo_until");
                result.add(
                    new ReplyView(
                        rs.getLong("id"),
                        (Long) rs.getObject("message_id"),
                        (Long) rs.getObject("lead_id"),
                        rs.getString("lead_name"),
                        rs.getString("from_address"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getTimestamp("received_at").toInstant(),
                        ReplyClass.valueOf(rs.getString("classification")),
                        until == null ? null : until.toLocalDate(),
                        rs.getString("classifier"),
                        rs.getBigDecimal("confidence"),
                        rs.getString("sentiment"),
                        rs.getString("rationale"),
                        rs.getString("classifier_fallback")));
              }
            }
          }
          return result;
        });
  }
}
