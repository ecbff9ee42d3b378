package io.omnireach.meeting;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The meetings of a lead, newest start first (the lead page and the REST API read them). */
public final class Meetings {

  private final Transactions tx;

  public Meetings(Transactions tx) {
    this.tx = tx;
  }

  /** NOT_FOUND when the tenant has no such lead (another tenant's id included). */
  public List<Meeting> forLead(TenantRef tenant, long leadId) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select 1 from leads where id = ?")) {
            ps.setLong(1, leadId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw DomainException.notFound("No lead " + leadId + " in this workspace.");
              }
            }
          }
          List<Meeting> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, lead_id, invitee_uri, event_uri, event_name, invitee_email,"
                      + " invitee_name, start_time, end_time, status, booked_at, canceled_at,"
                      + " cancel_reason from meetings where lead_id = ?"
                      + " order by start_time desc, id desc")) {
            ps.setLong(1, leadId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Meeting(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)),
                        MeetingStatus.of(rs.getString(10)),
                        instant(rs.getTimestamp(11)),
                        instant(rs.getTimestamp(12)),
                        rs.getString(13)));
              }
            }
          }
          return out;
        });
  }

  private static Instant instant(Timestamp t) throws SQLException {
    return t == null ? null : t.toInstant();
  }
}
