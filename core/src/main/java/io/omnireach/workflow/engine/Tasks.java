package io.omnireach.workflow.engine;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadSignals;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual steps (Task, LinkedIn and Call nodes): listed per person and as a daily queue; completing
 * one, or recording its outcome, wakes its run; snoozing moves it out of today's queue.
 */
public final class Tasks {

  private static final String SELECT =
      "select t.id, t.run_id, r.workflow_id, w.name, t.lead_id,"
          + " nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''),"
          + " t.title, t.assignee, t.status, t.created_at, t.done_at, t.done_by,"
          + " t.kind, t.action, t.body, t.body_source, t.link, t.due_at, t.snoozed_until,"
          + " t.outcome"
          + " from workflow_tasks t left join workflow_runs r on r.id = t.run_id"
          + " left join workflows w on w.id = r.workflow_id left join leads l on l.id = t.lead_id";

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
   * "When" in SQL: the snooze, else the due date, else the creation (see {@link TaskView#when}).
   */
  private static final String WHEN = "coalesce(t.snoozed_until, t.due_at, t.created_at)";

  /**
   * One section of the daily queue (see {@link TaskQueue}) for {@code assignee} (null = anyone);
   * "today" is the calendar day in {@code zone}. Open sections soonest first, Done newest first.
   */
  public List<TaskView> queue(
      TenantRef tenant, TaskQueue section, String assignee, ZoneId zone, int limit) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Timestamp startOfToday = Timestamp.from(today.atStartOfDay(zone).toInstant());
    Timestamp startOfTomorrow = Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
    String where =
        switch (section) {
          case TODAY ->
              "t.status = 'open' and "
                  + WHEN
                  + " >= ? and "
                  + WHEN
                  + " < ? and (t.snoozed_until is null or t.snoozed_until <= ?)";
          case OVERDUE -> "t.status = 'open' and " + WHEN + " < ?";
          case UPCOMING -> "t.status = 'open' and (" + WHEN + " >= ? or t.snoozed_until > ?)";
          case DONE -> "t.status = 'done'";
          case ALL -> "true";
        };
    String order =
        switch (section) {
          case DONE -> " order by t.done_at desc, t.id desc";
          case ALL -> " order by t.id desc";
          default -> " order by " + WHEN + ", t.id";
        };
    return tx.tenant(
        tenant,
        c -> {
          List<TaskView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + " where "
                      + where
                      + " and (?::text is null or lower(t.assignee) = lower(?))"
                      + order
                      + " limit ?")) {
            int i = 1;
            switch (section) {
              case TODAY -> {
                ps.setTimestamp(i++, startOfToday);
                ps.setTimestamp(i++, startOfTomorrow);
                ps.setTimestamp(i++, Timestamp.from(now));
              }
              case OVERDUE -> ps.setTimestamp(i++, startOfToday);
              case UPCOMING -> {
                ps.setTimestamp(i++, startOfTomorrow);
                ps.setTimestamp(i++, Timestamp.from(now));
              }
              default -> {}
            }
            ps.setString(i++, assignee);
            ps.setString(i++, assignee);
            ps.setInt(i, Math.max(1, Math.min(limit, 500)));
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
   * Completes a generic task (a Task step). LinkedIn and Call tasks need their outcome instead.
   *
   * @throws DomainException INVALID for a LinkedIn or Call task, and see {@link #record}
   */
  public TaskView complete(TenantRef tenant, long taskId, String actor, boolean anyAssignee) {
    return record(tenant, taskId, null, actor, anyAssignee);
  }

  /**
   * Records the rep's outcome (one of the task kind's {@link TaskKind#outcomes}), marks the task
   * done and makes its step due, so the run goes on down that outcome's output at the next engine
   * pass. Only the assignee records an assigned task's outcome, unless {@code anyAssignee} (an
   * Admin); an unassigned task anyone may. The UI shows the buttons by the same rule.
   *
   * @param outcome null completes a generic task ("done")
   * @throws DomainException INVALID for an outcome the kind has not, FORBIDDEN for another person's
   *     task, CONFLICT when already done
   */
  public TaskView record(
      TenantRef tenant, long taskId, String outcome, String actor, boolean anyAssignee) {
    return tx.tenant(
        tenant,
        c -> {
          TaskView task = get(c, taskId);
          String o = outcome == null ? null : outcome.trim().toLowerCase(java.util.Locale.ROOT);
          if (o == null && task.kind() != TaskKind.GENERIC) {
            throw DomainException.invalid(
                "outcome",
                "Task "
                    + task.id()
                    + " is a "
                    + label(task.kind())
                    + " task: record its outcome ("
                    + String.join(", ", task.kind().outcomes())
                    + ").");
          }
          if (o == null) {
            o = "done";
          }
          if (!task.kind().outcomes().contains(o)) {
            throw DomainException.invalid(
                "outcome",
                "A "
                    + label(task.kind())
                    + " task's outcome is one of "
                    + String.join(", ", task.kind().outcomes())
                    + "; got '"
                    + outcome
                    + "'.");
          }
          Timestamp now = Timestamp.from(clock.instant());
          long nodeRunId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflow_tasks set status = 'done', done_at = ?, done_by = ?,"
                      + " outcome = ?, snoozed_until = null"
                      + " where id = ? and status = 'open'"
                      + " and (? or assignee is null or lower(assignee) = lower(?))"
                      + " returning node_run_id")) {
            ps.setTimestamp(1, now);
            ps.setString(2, actor);
            ps.setString(3, o);
            ps.setLong(4, taskId);
            ps.setBoolean(5, anyAssignee);
            ps.setString(6, actor);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw refused(get(c, taskId), "complete");
              }
              nodeRunId = rs.getLong(1);
            }
          }
          if (task.kind() == TaskKind.LINKEDIN && "replied".equals(o) && task.leadId() != null) {
            // an answer on LinkedIn: wakes the lead's other steps waiting for one
            LeadSignals.record(
                c,
                task.leadId(),
                LeadSignals.Kind.LINKEDIN_REPLY,
                taskId,
                java.util.Map.of("channel", "LINKEDIN"),
                now.toInstant());
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

  /**
   * Moves an open task out of today's queue until {@code until} (its run keeps waiting).
   *
   * @throws DomainException INVALID when {@code until} is not in the future, FORBIDDEN for another
   *     person's task, CONFLICT when already done
   */
  public TaskView snooze(
      TenantRef tenant, long taskId, Instant until, String actor, boolean anyAssignee) {
    if (until == null || !until.isAfter(clock.instant())) {
      throw DomainException.invalid("until", "Snooze until a time in the future.");
    }
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflow_tasks set snoozed_until = ?"
                      + " where id = ? and status = 'open'"
                      + " and (? or assignee is null or lower(assignee) = lower(?))")) {
            ps.setTimestamp(1, Timestamp.from(until));
            ps.setLong(2, taskId);
            ps.setBoolean(3, anyAssignee);
            ps.setString(4, actor);
            if (ps.executeUpdate() == 0) {
              throw refused(get(c, taskId), "snooze");
            }
          }
          return get(c, taskId);
        });
  }

  /** Why an update of an existing task matched nothing: done already, or someone else's. */
  private static DomainException refused(TaskView t, String verb) {
    if (!t.open()) {
      return DomainException.conflict(null, "Task " + t.id() + " is already done.");
    }
    return new DomainException(
        DomainException.Kind.FORBIDDEN,
        "Task "
            + t.id()
            + " is assigned to "
            + t.assignee()
            + ": only they or an Admin can "
            + verb
            + " it.");
  }

  private static String label(TaskKind kind) {
    return switch (kind) {
      case LINKEDIN -> "LinkedIn";
      case CALL -> "call";
      case GENERIC -> "plain";
    };
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
        rs.getString(12),
        TaskKind.of(rs.getString(13)),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        rs.getString(17),
        instant(rs.getTimestamp(18)),
        instant(rs.getTimestamp(19)),
        rs.getString(20));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
