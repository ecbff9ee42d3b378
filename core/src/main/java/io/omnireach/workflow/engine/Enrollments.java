package io.omnireach.workflow.engine;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.WorkflowGraph;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enrols leads into the newest published version of a workflow: one run per lead, its start step
 * due now. Set-based (one statement per batch of ids: a data-modifying CTE inserts the runs and
 * their start steps), and idempotent per (workflow, lead): a lead with an active run is skipped,
 * not enrolled twice.
 */
public final class Enrollments {

  static final int BATCH = 5_000;
  public static final int MAX_IDS = 100_000;

  /** Why a lead was not enrolled. */
  public record Skip(long leadId, String reason) {}

  /** Counts, and the first skips with reasons (at most 100 listed). */
  public record Result(
      int enrolled, int skipped, Map<String, Integer> skippedBy, List<Skip> skips) {}

  private final Transactions tx;
  private final Clock clock;
  private final LeadRepository leads;

  public Enrollments(Transactions tx, Clock clock, LeadRepository leads) {
    this.tx = tx;
    this.clock = clock;
    this.leads = leads;
  }

  public Result enrol(TenantRef tenant, long workflowId, List<Long> leadIds, String actor) {
    if (leadIds == null || leadIds.isEmpty()) {
      throw DomainException.invalid("leadIds", "leadIds lists the leads to enrol.");
    }
    if (leadIds.size() > MAX_IDS) {
      throw DomainException.invalid(
          "leadIds", "At most " + MAX_IDS + " leads per request; use a filter for more.");
    }
    Set<Long> unique = new LinkedHashSet<>(leadIds);
    return tx.tenant(tenant, c -> enrol(c, workflowId, unique, actor, clock.instant()));
  }

  /** Enrols every lead matching a lead filter (the leads list's filters). */
  public Result enrol(TenantRef tenant, long workflowId, LeadQuery query, String actor) {
    List<Long> ids = new ArrayList<>();
    leads.forEach(tenant, query, l -> ids.add(l.id()));
    if (ids.isEmpty()) {
      return new Result(0, 0, Map.of(), List.of());
    }
    return tx.tenant(
        tenant, c -> enrol(c, workflowId, new LinkedHashSet<>(ids), actor, clock.instant()));
  }

  /** Enrols on the caller's connection (the lead import's completion hook uses it). */
  public static Result enrol(
      Connection c, long workflowId, Set<Long> leadIds, String actor, Instant now)
      throws SQLException {
    if (leadIds.isEmpty()) {
      return new Result(0, 0, Map.of(), List.of());
    }
    WorkflowSummary w = Workflows.summary(c, workflowId);
    if (w.publishedVersion() == null) {
      throw DomainException.conflict(null, "Publish the workflow before enrolling leads.");
    }
    if (w.status() != WorkflowStatus.PUBLISHED) {
      throw DomainException.conflict(
          null, "The workflow is " + w.status().value() + ": resume it to enrol leads.");
    }
    int version = w.publishedVersion();
    WorkflowGraph graph = Workflows.version(c, workflowId, version).graph();
    String start = graph.start().orElseThrow().id();
    int enrolled = 0;
    Map<String, Integer> skippedBy = new LinkedHashMap<>();
    List<Skip> skips = new ArrayList<>();
    List<Long> all = new ArrayList<>(leadIds);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      // one statement per batch: which leads exist and may be contacted, their runs (skipping
      // leads already in an active run) and the runs' start steps, due now
      Set<Long> known = new HashSet<>();
      Set<Long> dnc = new HashSet<>();
      Set<Long> runsFor = new HashSet<>();
      Timestamp ts = Timestamp.from(now);
      try (PreparedStatement ps =
          c.prepareStatement(
              "with l as (select id, do_not_contact from leads where id = any(?)),"
                  + " r as (insert into workflow_runs (workflow_id, version, lead_id, status,"
                  + " current_node, enrolled_by, created_at, updated_at)"
                  + " select ?, ?, l.id, 'pending', ?, ?, ?, ? from l where not l.do_not_contact"
                  + " order by l.id"
                  + " on conflict (workflow_id, lead_id)"
                  + " where status in ('pending', 'running', 'waiting', 'paused') do nothing"
                  + " returning id, lead_id),"
                  + " n as (insert into node_runs (run_id, node_id, node_type, max_attempts, due_at,"
                  + " idempotency_key, created_at)"
                  + " select r.id, ?, 'start', 3, ?, r.id || ':' || ? || ':0', ? from r)"
                  + " select l.id, l.do_not_contact, r.id is not null from l"
                  + " left join r on r.lead_id = l.id")) {
        ps.setArray(1, c.createArrayOf("bigint", batch.toArray()));
        ps.setLong(2, workflowId);
        ps.setInt(3, version);
        ps.setString(4, start);
        ps.setString(5, actor);
        ps.setTimestamp(6, ts);
        ps.setTimestamp(7, ts);
        ps.setString(8, start);
        ps.setTimestamp(9, ts);
        ps.setString(10, start);
        ps.setTimestamp(11, ts);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            known.add(rs.getLong(1));
            if (rs.getBoolean(2)) {
              dnc.add(rs.getLong(1));
            }
            if (rs.getBoolean(3)) {
              runsFor.add(rs.getLong(1));
            }
          }
        }
      }
      for (long id : batch) {
        if (!known.contains(id)) {
          skip(skippedBy, skips, id, "no such lead");
        } else if (dnc.contains(id)) {
          skip(skippedBy, skips, id, "do not contact");
        } else if (!runsFor.contains(id)) {
          skip(skippedBy, skips, id, "already in an active run of this workflow");
        }
      }
      enrolled += runsFor.size();
    }
    int skipped = skippedBy.values().stream().mapToInt(Integer::intValue).sum();
    return new Result(enrolled, skipped, skippedBy, skips);
  }

  /**
   * "Enrol on import": remembers the workflow on a lead import. When the import has already
   * completed, its leads are enrolled now; otherwise {@link #afterImport} enrols them when it
   * completes. The import row is locked in both, so exactly one of the two sees the other's write.
   */
  public Result enrolOnImport(TenantRef tenant, long importId, long workflowId, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          WorkflowSummary w = Workflows.summary(c, workflowId);
          if (w.status() != WorkflowStatus.PUBLISHED) {
            throw DomainException.conflict(
                "workflowId", "Workflow " + workflowId + " is not published.");
          }
          String status;
          try (PreparedStatement ps =
              c.prepareStatement("select status from lead_imports where id = ? for update")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw DomainException.notFound("No import " + importId + " in this workspace.");
              }
              status = rs.getString(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("update lead_imports set workflow_id = ? where id = ?")) {
            ps.setLong(1, workflowId);
            ps.setLong(2, importId);
            ps.executeUpdate();
          }
          return "COMPLETED".equals(status)
              ? enrol(c, workflowId, importedLeads(c, importId), actor, clock.instant())
              : new Result(0, 0, Map.of(), List.of());
        });
  }

  /** Called when an import completed: enrols its leads into the import's workflow, if any. */
  public Result afterImport(TenantRef tenant, long importId) {
    return tx.tenant(
        tenant,
        c -> {
          Long workflowId;
          String actor;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select workflow_id, created_by from lead_imports where id = ? for update")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new Result(0, 0, Map.of(), List.of());
              }
              workflowId = (Long) rs.getObject(1);
              actor = rs.getString(2);
            }
          }
          if (workflowId == null) {
            return new Result(0, 0, Map.of(), List.of());
          }
          return enrol(c, workflowId, importedLeads(c, importId), actor, clock.instant());
        });
  }

  /** Marks the leads of an import chunk (by email) as written by that import. */
  public static void stampImport(Connection c, long importId, List<String> emails)
      throws SQLException {
    if (emails.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("update leads set import_id = ? where lower(email) = any(?)")) {
      ps.setLong(1, importId);
      ps.setArray(
          2,
          c.createArrayOf(
              "text", emails.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).toArray()));
      ps.executeUpdate();
    }
  }

  /**
   * Marks the leads of an import chunk that have no email (V25: phone- or LinkedIn-only rows) by
   * their phone or LinkedIn URL as written by that import.
   */
  public static void stampImportWithoutEmail(
      Connection c, long importId, List<String> phones, List<String> linkedinUrls)
      throws SQLException {
    if (phones.isEmpty() && linkedinUrls.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update leads set import_id = ? where email is null"
                + " and (phone = any(?) or linkedin_url = any(?))")) {
      ps.setLong(1, importId);
      ps.setArray(2, c.createArrayOf("text", phones.toArray()));
      ps.setArray(3, c.createArrayOf("text", linkedinUrls.toArray()));
      ps.executeUpdate();
    }
  }

  private static Set<Long> importedLeads(Connection c, long importId) throws SQLException {
    Set<Long> ids = new LinkedHashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("select id from leads where import_id = ? order by id")) {
      ps.setLong(1, importId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static void skip(Map<String, Integer> by, List<Skip> skips, long id, String reason) {
    by.merge(reason, 1, Integer::sum);
    if (skips.size() < 100) {
      skips.add(new Skip(id, reason));
    }
  }
}
