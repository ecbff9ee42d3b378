package io.omnireach.privacy;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.privacy.PrivacyRequest.Kind;
import io.omnireach.privacy.PrivacyRequest.Status;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data-subject requests on leads: an export (a zip of JSON files) or an erasure, each carried out
 * step by step by the {@code privacy-request} job ({@link PrivacyLauncher}). Each step commits with
 * the request's progress, so the job restarts after the last one; asking, finishing and failing are
 * audited (by lead id: the audit log never holds the person's address).
 */
public final class PrivacyRequests {

  private static final String COLUMNS =
      "id, kind, lead_id, status, steps_done, steps_total, archive is not null, error,"
          + " execution_id, created_by, created_at, finished_at";

  private final Transactions tx;
  private final Clock clock;
  private final PrivacyLauncher launcher;

  public PrivacyRequests(Transactions tx, Clock clock, PrivacyLauncher launcher) {
    this.tx = tx;
    this.clock = clock;
    this.launcher = launcher;
  }

  /**
   * Records the request and starts its job. An erasure already on its way for the lead is returned
   * instead of a second one.
   *
   * @throws DomainException NOT_FOUND when the tenant has no such lead
   */
  public PrivacyRequest request(TenantRef tenant, Kind kind, long leadId, String actor) {
    long[] created = {0};
    PrivacyRequest r =
        tx.tenant(
            tenant,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("select 1 from leads where id = ? for share")) {
                ps.setLong(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw DomainException.notFound("No lead " + leadId + " in this workspace.");
                  }
                }
              }
              if (kind == Kind.ERASE) {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "select id from privacy_requests where kind = 'ERASE' and lead_id = ?"
                            + " and status in ('QUEUED', 'RUNNING')")) {
                  ps.setLong(1, leadId);
                  try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      return find(c, rs.getLong(1));
                    }
                  }
                }
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into privacy_requests (kind, lead_id, steps_total, created_by,"
                          + " created_at) values (?, ?, ?, ?, ?) returning id")) {
                ps.setString(1, kind.name());
                ps.setLong(2, leadId);
                ps.setInt(3, kind == Kind.EXPORT ? LeadExport.STEPS : LeadErasure.STEPS_TOTAL);
                ps.setString(4, actor);
                ps.setTimestamp(5, Timestamp.from(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  created[0] = rs.getLong(1);
                }
              }
              AuditLog.record(
                  c,
                  actor,
                  tenant.slug(),
                  kind == Kind.EXPORT ? "privacy.export.requested" : "privacy.erase.requested",
                  "lead " + leadId,
                  "request " + created[0]);
              return find(c, created[0]);
            });
    if (created[0] != 0) {
      try {
        launcher.start(tenant, created[0]);
      } catch (RuntimeException e) {
        finished(tenant, created[0], false, "Could not start the job: " + e.getMessage());
        throw e;
      }
    }
    return r;
  }

  /**
   * One request of this kind.
   *
   * @throws DomainException NOT_FOUND when the tenant has none with this id and kind
   */
  public PrivacyRequest get(TenantRef tenant, Kind kind, long id) {
    PrivacyRequest r = tx.tenant(tenant, c -> find(c, id));
    if (r == null || r.kind() != kind) {
      throw DomainException.notFound(
          "No " + (kind == Kind.EXPORT ? "export" : "erasure") + " " + id + " in this workspace.");
    }
    return r;
  }

  /** The requests about one lead, newest first. */
  public List<PrivacyRequest> ofLead(TenantRef tenant, long leadId) {
    return tx.tenant(
        tenant,
        c -> {
          List<PrivacyRequest> result = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from privacy_requests where lead_id = ? order by id desc")) {
            ps.setLong(1, leadId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(row(c, rs));
              }
            }
          }
          return result;
        });
  }

  /**
   * The zip of a completed export.
   *
   * @throws DomainException NOT_FOUND for no such export, CONFLICT while it runs, failed, or its
   *     archive was dropped by the person's erasure
   */
  public byte[] archive(TenantRef tenant, long id) {
    PrivacyRequest r = get(tenant, Kind.EXPORT, id);
    if (r.status() != Status.COMPLETED || !r.hasArchive()) {
      throw DomainException.conflict(
          "id",
          r.status() == Status.COMPLETED
              ? "Export " + id + "'s archive was deleted when the person was erased."
              : "Export " + id + " is " + r.status().name().toLowerCase() + ", not completed.");
    }
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select archive from privacy_requests where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getBytes(1);
            }
          }
        });
  }

  /** Requests whose job has not finished (QUEUED or RUNNING), to resume after a restart. */
  public List<PrivacyRequest> unfinished(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          List<PrivacyRequest> result = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from privacy_requests where status in ('QUEUED', 'RUNNING') order by id")) {
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(row(c, rs));
              }
            }
          }
          return result;
        });
  }

  /** The job began (or began again): RUNNING with its execution id. */
  public void started(TenantRef tenant, long id, long executionId) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update privacy_requests set status = 'RUNNING', execution_id = ?"
                      + " where id = ? and status in ('QUEUED', 'RUNNING')")) {
            ps.setLong(1, executionId);
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Where the job stands: {@code [steps done, steps total]}, read inside the transaction the batch
   * container already runs (a reader's open).
   */
  public int[] positionJoined(TenantRef tenant, long id) {
    return tx.joined(
        tenant,
        c -> {
          PrivacyRequest r = find(c, id);
          return new int[] {r.stepsDone(), r.stepsTotal()};
        });
  }

  /**
   * Runs step {@code step} inside the caller's transaction (the job's chunk) and records it: the
   * step's count and steps_done commit with the step's own changes, or not at all.
   */
  public void runStep(Connection c, long id, int step) throws SQLException {
    PrivacyRequest r = find(c, id);
    if (r == null || step != r.stepsDone() || r.status().finished()) {
      return; // already done (a repeated chunk) or ended
    }
    int count;
    String name;
    if (r.kind() == Kind.EXPORT) {
      name = LeadExport.stepName(step);
      count = LeadExport.run(c, id, r.leadId(), step, clock.instant());
    } else {
      name = LeadErasure.stepName(step);
      count = LeadErasure.run(c, r.leadId(), step, clock.instant());
    }
    record(c, id, name, count);
  }

  private static void record(Connection c, long id, String name, int count) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update privacy_requests set steps_done = case when jsonb_exists(counts, ?) then steps_done"
                + " else steps_done + 1 end, counts = counts || jsonb_build_object(?::text, ?)"
                + " where id = ?")) {
      ps.setString(1, name);
      ps.setString(2, name);
      ps.setInt(3, count);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /** The job ended: COMPLETED or FAILED with the reason, audited with the counts. */
  public void finished(TenantRef tenant, long id, boolean ok, String error) {
    tx.tenant(
        tenant,
        c -> {
          PrivacyRequest r = find(c, id);
          if (r == null || r.status().finished()) {
            return null;
          }
          boolean complete = ok && r.stepsDone() >= r.stepsTotal();
          String reason =
              complete
                  ? null
                  : (error != null ? error : "Stopped after " + r.stepsDone() + " steps.");
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update privacy_requests set status = ?, error = ?, finished_at = ?"
                      + " where id = ?")) {
            ps.setString(1, complete ? "COMPLETED" : "FAILED");
            ps.setString(2, reason);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, id);
            ps.executeUpdate();
          }
          String what = r.kind() == Kind.EXPORT ? "privacy.export" : "privacy.erase";
          AuditLog.record(
              c,
              "system:privacy",
              tenant.slug(),
              what + (complete ? ".completed" : ".failed"),
              "lead " + r.leadId(),
              "request " + id + (complete ? " " + r.counts() : ": " + reason));
          return null;
        });
  }

  static Map<String, Integer> counts(Connection c, long id) throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select key, value::int from privacy_requests, jsonb_each_text(counts)"
                + " where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return counts;
  }

  private static PrivacyRequest find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from privacy_requests where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? row(c, rs) : null;
      }
    }
  }

  private static PrivacyRequest row(Connection c, ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    Kind kind = Kind.valueOf(rs.getString(2));
    Map<String, Integer> raw = counts(c, id);
    // in step order, whatever order jsonb keeps its keys in
    Map<String, Integer> ordered = new LinkedHashMap<>();
    int total = rs.getInt(6);
    for (int i = 0; i < total; i++) {
      String name = kind == Kind.EXPORT ? LeadExport.stepName(i) : LeadErasure.stepName(i);
      if (raw.containsKey(name)) {
        ordered.put(name, raw.get(name));
      }
    }
    Timestamp finished = rs.getTimestamp(12);
    return new PrivacyRequest(
        id,
        kind,
        rs.getLong(3),
        Status.valueOf(rs.getString(4)),
        rs.getInt(5),
        total,
        ordered,
        rs.getBoolean(7),
        rs.getString(8),
        (Long) rs.getObject(9),
        rs.getString(10),
        rs.getTimestamp(11).toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
