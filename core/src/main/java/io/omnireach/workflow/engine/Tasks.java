package io.omnireach.workflow.engine;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Task nodes' manual steps: listed per person; completing one wakes its run. */
public final class Tasks {

  private static final String SELECT =
      "select t.id, t.run_id, r.workflow_id, w.name, t.lead_id,"
          + " nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''),"
          + " t.title, t.assignee, t.status, t.created_at, t.done_at, t.done_by"
          + " from workflow_tasks t join workflow_runs r on r.id = t.run_id"
          + " join workflows w on w.id = r.workflow_id left join leads l on l.id = t.lead_id";

  private final Transactions tx;
  private final Clock clock;

  public Tasks(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** Tasks by status (open, done or null = all) and assignee (null = anyone), newest first. */
  public List<TaskView> list(TenantRef tenant, String status, String assignee, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          List<TaskView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + " where (?::text is null or t.status = ?)"
                      + " and (?::text is null or lower(t.assignee) = lower(?))"
                      + " order by t.id desc limit ?")) {
            ps.setString(1, status);
            ps.setString(2, status);
            ps.setString(3, assignee);
            ps.setString(4, assignee);
            ps.setInt(5, Math.max(1, Math.min(limit, 500)));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(map(rs));
              }
            }
          }
          return out;
        });
  }

  /**
   * Marks the task done and makes its step due, so the run goes on at the next engine pass. Only
   * the assignee completes an assigned task, unless {@code anyAssignee} (an Admin); an unassigned
   * task anyone may complete. The UI shows the button by the same rule.
   *
   * @throws DomainException FORBIDDEN for another person's task, CONFLICT when already done
   */
  public TaskView complete(TenantRef tenant, long taskId, String actor, boolean anyAssignee) {
    return tx.tenant(
        tenant,
        c -> {
          Timestamp now = Timestamp.from(clock.instant());
          long nodeRunId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflow_tasks set status = 'done', done_at = ?, done_by = ?"
                      + " where id = ? and status = 'open'"
                      + " and (? or assignee is null or lower(assignee) = lower(?))"
                      + " returning node_run_id")) {
            ps.setTimestamp(1, now);
            ps.setString(2, actor);
            ps.setLong(3, taskId);
            ps.setBoolean(4, anyAssignee);
            ps.setString(5, actor);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                TaskView t = get(c, taskId);
                if (!"open".equals(t.status())) {
                  throw DomainException.conflict(null, "Task " + t.id() + " is already done.");
                }
                throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    "Task "
                        + t.id()
                        + " is assigned to "
                        + t.assignee()
                        + ": only they or an Admin can complete it.");
              }
              nodeRunId = rs.getLong(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update node_runs set status = 'pending', due_at = ?"
                      + " where id = ? and status = 'waiting'")) {
            ps.setTimestamp(1, now);
            ps.setLong(2, nodeRunId);
            ps.executeUpdate();
          }
          return get(c, taskId);
        });
  }

  public TaskView get(TenantRef tenant, long taskId) {
    return tx.tenant(tenant, c -> get(c, taskId));
  }

  private static TaskView get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " where t.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No task " + id + " in this workspace.");
        }
        return map(rs);
      }
    }
  }

  private static TaskView map(ResultSet rs) throws SQLException {
    Timestamp done = rs.getTimestamp(11);
    return new TaskView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        (Long) rs.getObject(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getTimestamp(10).toInstant(),
        done == null ? null : done.toInstant(),
        rs.getString(12));
  }
}
