package io.omnireach.workflow.engine;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.WorkflowStatus;
import io.omnireach.workflow.WorkflowSummary;
import io.omnireach.workflow.Workflows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Pause, resume and cancel one run or a whole workflow, and retry a failed node. A paused run keeps
 * its node runs as they are (the claim skips runs that are not active), so resuming continues where
 * it stopped; a wait that ran out meanwhile runs at once.
 */
public final class RunControl {

  private static final String ACTIVE = "('pending', 'running', 'waiting')";

  private final Transactions tx;
  private final Clock clock;

  public RunControl(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public void pause(TenantRef tenant, long runId, String actor) {
    change(
        tenant,
        runId,
        "update workflow_runs set status = 'paused', paused_by = 'user', stop_reason = ?,"
            + " updated_at = ? where id = ? and status in "
            + ACTIVE,
        "Paused by " + actor + ".",
        "paused");
  }

  public void resume(TenantRef tenant, long runId, String actor) {
    change(
        tenant,
        runId,
        "update workflow_runs set status = 'running', paused_by = null, paused_until = null,"
            + " stop_reason = ?, updated_at = ? where id = ? and status = 'paused'",
        null,
        "resumed");
  }

  public void cancel(TenantRef tenant, long runId, String actor) {
    tx.tenant(
        tenant,
        c -> {
          if (!stop(c, runId, "cancelled", "Cancelled by " + actor + ".", clock.instant())) {
            throw refused(c, runId, "cancelled");
          }
          return null;
        });
  }

  /**
   * Runs a failed node again from attempt 1 (its run becomes active again). CONFLICT when the node
   * has not failed, or when the lead is in another active run of the workflow meanwhile.
   */
  public void retryNode(TenantRef tenant, long runId, String nodeId, String actor) {
    tx.tenant(
        tenant,
        c -> {
          Instant now = clock.instant();
          long nodeRunId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select n.id, n.status from node_runs n where n.run_id = ? and n.node_id = ?"
                      + " order by n.id desc limit 1")) {
            ps.setLong(1, runId);
            ps.setString(2, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                requireRun(c, runId);
                throw DomainException.notFound("Run " + runId + " has no step " + nodeId + ".");
              }
              if (!"failed".equals(rs.getString(2))) {
                throw DomainException.conflict(
                    "nodeId", "Step " + nodeId + " is " + rs.getString(2) + ", not failed.");
              }
              nodeRunId = rs.getLong(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflow_runs set status = 'running', stop_reason = null,"
                      + " finished_at = null, updated_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, runId);
            ps.executeUpdate();
          } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
              throw DomainException.conflict(
                  null, "The lead is in another active run of this workflow.");
            }
            throw e;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update node_runs set status = 'pending', attempt = 0, due_at = ?,"
                      + " finished_at = null, why = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, "Retried by " + actor + " (last error: kept in the step log).");
            ps.setLong(3, nodeRunId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Pauses the workflow and every active run of it (they resume with the workflow). */
  public void pauseWorkflow(TenantRef tenant, long workflowId, String actor) {
    tx.tenant(
        tenant,
        c -> {
          WorkflowSummary w = workflow(c, workflowId);
          if (w.status() != WorkflowStatus.PUBLISHED && w.status() != WorkflowStatus.PAUSED) {
            throw DomainException.conflict(
                null,
                "Only a published workflow can be paused (this one is "
                    + w.status().value()
                    + ").");
          }
          Workflows.setStatus(c, workflowId, WorkflowStatus.PAUSED, actor, clock);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflow_runs set status = 'paused', paused_by = 'workflow',"
                      + " stop_reason = 'Workflow paused.', updated_at = ?"
                      + " where workflow_id = ? and status in "
                      + ACTIVE)) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, workflowId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Resumes the workflow and the runs it paused (not those a person or an out-of-office paused).
   */
  public void resumeWorkflow(TenantRef tenant, long workflowId, String actor) {
    tx.tenant(
        tenant,
        c -> {
          WorkflowSummary w = workflow(c, workflowId);
          if (w.status() != WorkflowStatus.PAUSED) {
            throw DomainException.conflict(
                null, "The workflow is " + w.status().value() + ", not paused.");
          }
          Workflows.setStatus(c, workflowId, WorkflowStatus.PUBLISHED, actor, clock);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflow_runs set status = 'running', paused_by = null,"
                      + " stop_reason = null, updated_at = ?"
                      + " where workflow_id = ? and status = 'paused' and paused_by = 'workflow'")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, workflowId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Archives the workflow and cancels its active and paused runs. */
  public void archiveWorkflow(TenantRef tenant, long workflowId, String actor) {
    tx.tenant(
        tenant,
        c -> {
          WorkflowSummary archived = workflow(c, workflowId);
          Workflows.setStatus(c, workflowId, WorkflowStatus.ARCHIVED, actor, clock);
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "workflow.archive",
              workflowId + " " + archived.name(),
              archived.status().value(),
              WorkflowStatus.ARCHIVED.value());
          Instant now = clock.instant();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from workflow_runs where workflow_id = ?"
                      + " and status in ('pending', 'running', 'waiting', 'paused')")) {
            ps.setLong(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
              java.util.List<Long> ids = new java.util.ArrayList<>();
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
              for (long id : ids) {
                stop(c, id, "cancelled", "Workflow archived by " + actor + ".", now);
              }
            }
          }
          return null;
        });
  }

  /**
   * A booked meeting ends the lead's active and paused runs as a reply does, except runs of a
   * version with a Decision on {@code meeting_booked}: those go on, and the Decision takes its
   * "yes" branch. Returns the ids of the runs ended.
   */
  public static java.util.List<Long> meetingBooked(
      Connection c, long leadId, String reason, Instant now) throws SQLException {
    java.util.List<Long> candidates = new java.util.ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select r.id from workflow_runs r join workflow_versions v"
                + " on v.workflow_id = r.workflow_id and v.version = r.version"
                + " where r.lead_id = ? and r.status in ('pending', 'running', 'waiting', 'paused')"
                + " and not exists (select 1 from jsonb_array_elements(v.graph -> 'nodes') n"
                + " where n ->> 'type' = 'decision' and coalesce(n -> 'config' -> 'condition'"
                + " ->> 'kind', n -> 'config' ->> 'condition') = 'meeting_booked')"
                + " order by r.id for update of r")) {
      ps.setLong(1, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          candidates.add(rs.getLong(1));
        }
      }
    }
    java.util.List<Long> ended = new java.util.ArrayList<>();
    for (long id : candidates) {
      if (stop(c, id, "cancelled", reason, now)) {
        ended.add(id);
      }
    }
    return ended;
  }

  /**
   * Ends an active or paused run with a status and reason, cancelling its open steps; false when
   * the run had already ended.
   */
  static boolean stop(Connection c, long runId, String status, String reason, Instant now)
      throws SQLException {
    Timestamp ts = Timestamp.from(now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "update workflow_runs set status = ?, stop_reason = ?, finished_at = ?, updated_at = ?,"
                + " paused_by = null, paused_until = null where id = ?"
                + " and status in ('pending', 'running', 'waiting', 'paused')")) {
      ps.setString(1, status);
      ps.setString(2, reason);
      ps.setTimestamp(3, ts);
      ps.setTimestamp(4, ts);
      ps.setLong(5, runId);
      if (ps.executeUpdate() == 0) {
        return false;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update node_runs set status = 'cancelled', finished_at = ?, why = ?"
                + " where run_id = ? and status in ('pending', 'waiting', 'running')")) {
      ps.setTimestamp(1, ts);
      ps.setString(2, reason);
      ps.setLong(3, runId);
      ps.executeUpdate();
    }
    return true;
  }

  private void change(TenantRef tenant, long runId, String sql, String reason, String verb) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, reason);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setLong(3, runId);
            if (ps.executeUpdate() == 0) {
              throw refused(c, runId, verb);
            }
          }
          return null;
        });
  }

  private static DomainException refused(Connection c, long runId, String verb)
      throws SQLException {
    String status = requireRun(c, runId);
    return DomainException.conflict(
        null, "Run " + runId + " is " + status + " and cannot be " + verb + ".");
  }

  static String requireRun(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select status from workflow_runs where id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No run " + runId + " in this workspace.");
        }
        return rs.getString(1);
      }
    }
  }

  private static WorkflowSummary workflow(Connection c, long id) throws SQLException {
    return Workflows.summary(c, id);
  }
}
