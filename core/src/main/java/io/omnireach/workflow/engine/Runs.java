package io.omnireach.workflow.engine;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.Workflows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The read side of the engine: runs with filters and counts, a run's step log, analytics. */
public final class Runs {

  public static final Set<String> STATUSES =
      Set.of("pending", "running", "waiting", "succeeded", "failed", "cancelled", "paused");

  private static final String SELECT =
      "select r.id, r.workflow_id, w.name, r.version, r.lead_id,"
          + " nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''),"
          + " l.email, r.status, r.current_node, r.stop_reason, r.paused_until, r.created_at,"
          + " r.updated_at, r.finished_at from workflow_runs r"
          + " join workflows w on w.id = r.workflow_id left join leads l on l.id = r.lead_id";

  private final Transactions tx;

  public Runs(Transactions tx) {
    this.tx = tx;
  }

  /**
   * Runs newest first, filtered by workflow, status and lead (each optional); the cursor is the
   * last id of the previous page. Counts by status cover the workflow/lead filter, all statuses.
   */
  public RunPage list(
      TenantRef tenant, Long workflowId, String status, Long leadId, String cursor, int limit) {
    if (status != null && !STATUSES.contains(status)) {
      throw DomainException.invalid(
          "status", "status is one of " + STATUSES.stream().sorted().toList() + ".");
    }
    long after;
    try {
      after = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw DomainException.invalid("cursor", "Not a cursor from a previous page.");
    }
    int size = Math.max(1, Math.min(limit, 200));
    return tx.tenant(
        tenant,
        c -> {
          List<RunView> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + " where (?::bigint is null or r.workflow_id = ?)"
                      + " and (?::text is null or r.status = ?)"
                      + " and (?::bigint is null or r.lead_id = ?) and r.id < ?"
                      + " order by r.id desc limit ?")) {
            ps.setObject(1, workflowId, java.sql.Types.BIGINT);
            ps.setObject(2, workflowId, java.sql.Types.BIGINT);
            ps.setString(3, status);
            ps.setString(4, status);
            ps.setObject(5, leadId, java.sql.Types.BIGINT);
            ps.setObject(6, leadId, java.sql.Types.BIGINT);
            ps.setLong(7, after);
            ps.setInt(8, size + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(run(rs));
              }
            }
          }
          String next = null;
          if (items.size() > size) {
            items.remove(size);
            next = Long.toString(items.get(size - 1).id());
          }
          Map<String, Integer> counts = new LinkedHashMap<>();
          for (String s :
              List.of(
                  "pending", "running", "waiting", "paused", "succeeded", "failed", "cancelled")) {
            counts.put(s, 0);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select status, count(*) from workflow_runs r"
                      + " where (?::bigint is null or r.workflow_id = ?)"
                      + " and (?::bigint is null or r.lead_id = ?) group by status")) {
            ps.setObject(1, workflowId, java.sql.Types.BIGINT);
            ps.setObject(2, workflowId, java.sql.Types.BIGINT);
            ps.setObject(3, leadId, java.sql.Types.BIGINT);
            ps.setObject(4, leadId, java.sql.Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
              }
            }
          }
          return new RunPage(items, next, counts);
        });
  }

  /** A run with its step log. */
  public RunDetail get(TenantRef tenant, long runId) {
    return tx.tenant(
        tenant,
        c -> {
          RunView run;
          try (PreparedStatement ps = c.prepareStatement(SELECT + " where r.id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw DomainException.notFound("No run " + runId + " in this workspace.");
              }
              run = run(rs);
            }
          }
          return new RunDetail(run, steps(c, runId));
        });
  }

  static List<NodeRunView> steps(Connection c, long runId) throws SQLException {
    List<NodeRunView> steps = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, node_id, node_type, visit, status, attempt, max_attempts, due_at, output,"
                + " why, error, variant, message_id, created_at, started_at, finished_at"
                + " from node_runs where run_id = ? order by id")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(
              new NodeRunView(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getString(5),
                  rs.getInt(6),
                  rs.getInt(7),
                  instant(rs.getTimestamp(8)),
                  rs.getString(9) == null ? Map.of() : WorkflowJson.toMap(rs.getString(9)),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getString(12),
                  (Long) rs.getObject(13),
                  instant(rs.getTimestamp(14)),
                  instant(rs.getTimestamp(15)),
                  instant(rs.getTimestamp(16))));
        }
      }
    }
    return steps;
  }

  /**
   * Per node over all runs of the workflow, then per A/B variant of each send node (rows with a
   * variant), in node order of the newest version.
   */
  public List<NodeStats> analytics(TenantRef tenant, long workflowId) {
    return tx.tenant(
        tenant,
        c -> {
          Workflows.summary(c, workflowId);
          List<NodeStats> out = new ArrayList<>();
          String sql =
              "select n.node_id, min(n.node_type), %s, count(*),"
                  + " count(*) filter (where n.status = 'succeeded'),"
                  + " count(*) filter (where n.status = 'failed'),"
                  + " count(m.id) filter (where m.status = 'SENT'),"
                  + " count(m.id) filter (where exists (select 1 from message_events e"
                  + "   where e.message_id = m.id and e.type = 'OPENED' and not e.proxy)),"
                  + " count(m.id) filter (where exists (select 1 from message_events e"
                  + "   where e.message_id = m.id and e.type = 'CLICKED')),"
                  + " count(m.id) filter (where exists (select 1 from replies p"
                  + "   where p.message_id = m.id and p.classification not in ('BOUNCE'))),"
                  + " count(m.id) filter (where exists (select 1 from replies p"
                  + "   where p.message_id = m.id and p.classification = 'INTERESTED'))"
                  + " from node_runs n join workflow_runs r on r.id = n.run_id"
                  + " left join messages m on m.id = n.message_id"
                  + " where r.workflow_id = ? %s group by n.node_id %s order by min(n.id)%s";
          query(c, String.format(sql, "null", "", "", ""), workflowId, out);
          query(
              c,
              String.format(
                  sql, "n.variant", "and n.variant is not null", ", n.variant", ", n.variant"),
              workflowId,
              out);
          return out;
        });
  }

  private static void query(Connection c, String sql, long workflowId, List<NodeStats> out)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, workflowId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new NodeStats(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9),
                  rs.getLong(10),
                  rs.getLong(11)));
        }
      }
    }
  }

  private static RunView run(ResultSet rs) throws SQLException {
    return new RunView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        instant(rs.getTimestamp(11)),
        instant(rs.getTimestamp(12)),
        instant(rs.getTimestamp(13)),
        instant(rs.getTimestamp(14)));
  }

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
