package io.omnireach.integration;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.integration.AudienceAdapter.AdapterException;
import io.omnireach.integration.AudienceAdapter.Member;
import io.omnireach.integration.AudienceAdapter.Target;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Retargeting audiences: a workflow's segment (leads enrolled in it, with a run in progress, or
 * that finished it) synced to an ad platform's audience as SHA-256 hashes ({@link Identifiers}).
 * Only leads whose <em>advertising</em> consent is granted go, never one marked do-not-contact or
 * whose email is suppressed; a lead that leaves the segment or withdraws consent is removed at the
 * next sync (the members table remembers the hashes that were sent). One sync per audience at a
 * time across servers; the ad platform is called outside any database transaction.
 */
public final class Audiences {

  private static final Duration STALE_SYNC = Duration.ofMinutes(30);

  public enum Segment {
    /** Any lead with a run of the workflow. */
    ENROLLED,
    /** Leads whose run is still going. */
    ACTIVE,
    /** Leads whose run finished successfully. */
    COMPLETED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Segment parse(String value) {
      if (value == null || value.isBlank()) {
        return ENROLLED;
      }
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid(
            "segment", "segment must be enrolled, active or completed, not '" + value + "'.");
      }
    }
  }

  public enum Status {
    ACTIVE,
    PAUSED
  }

  public enum SyncStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public record Audience(
      long id,
      String name,
      long workflowId,
      String workflowName,
      Segment segment,
      String adapter,
      String adapterLabel,
      String externalAudienceId,
      String tokenLast4,
      Status status,
      Instant lastSyncAt,
      int members,
      Sync lastSync) {}

  /** What an Admin sends; a blank {@code accessToken} on update keeps the stored one. */
  public record Draft(
      String name,
      Long workflowId,
      String segment,
      String adapter,
      String externalAudienceId,
      String accessToken,
      String status) {}

  public record Sync(
      long id,
      Instant startedAt,
      Instant finishedAt,
      SyncStatus status,
      int added,
      int removed,
      int skippedNoConsent,
      String error,
      String triggeredBy) {}

  /** An adapter as the form lists it. */
  public record AdapterInfo(String id, String label) {}

  private final Transactions tx;
  private final SecretBox secrets;
  private final Map<String, AudienceAdapter> adapters;
  private final Function<String, String> apiBase;
  private final Clock clock;

  /**
   * @param apiBase the API base URL of an adapter id (null: the platform's own)
   */
  public Audiences(
      Transactions tx, SecretBox secrets, Function<String, String> apiBase, Clock clock) {
    this(tx, secrets, loadAdapters(), apiBase, clock);
  }

  Audiences(
      Transactions tx,
      SecretBox secrets,
      Collection<AudienceAdapter> adapters,
      Function<String, String> apiBase,
      Clock clock) {
    this.tx = tx;
    this.secrets = secrets;
    this.adapters = new LinkedHashMap<>();
    adapters.forEach(a -> this.adapters.put(a.id(), a));
    this.apiBase = apiBase;
    this.clock = clock;
  }

  private static List<AudienceAdapter> loadAdapters() {
    List<AudienceAdapter> out = new ArrayList<>();
    ServiceLoader.load(AudienceAdapter.class, AudienceAdapter.class.getClassLoader())
        .forEach(out::add);
    return out;
  }

  public List<AdapterInfo> adapters() {
    return adapters.values().stream().map(a -> new AdapterInfo(a.id(), a.label())).toList();
  }

  public List<Audience> list(TenantRef tenant) {
    return tx.tenant(tenant, c -> query(c, null));
  }

  public Audience get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> one(c, id));
  }

  public Audience create(TenantRef tenant, Draft in, String actor) {
    String name = name(in.name());
    AudienceAdapter adapter = adapter(in.adapter());
    String external = externalId(in.externalAudienceId());
    if (in.accessToken() == null || in.accessToken().isBlank()) {
      throw DomainException.invalid("accessToken", "The ad platform's access token is required.");
    }
    if (in.workflowId() == null) {
      throw DomainException.invalid("workflowId", "Choose the workflow whose leads to sync.");
    }
    Segment segment = Segment.parse(in.segment());
    return tx.tenant(
        tenant,
        c -> {
          requireWorkflow(c, in.workflowId());
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into audiences (name, workflow_id, segment, adapter,"
                      + " external_audience_id, access_token, created_by)"
                      + " values (?, ?, ?, ?, ?, ?, ?) returning id")) {
            ps.setString(1, name);
            ps.setLong(2, in.workflowId());
            ps.setString(3, segment.code());
            ps.setString(4, adapter.id());
            ps.setString(5, external);
            ps.setString(6, secrets.encrypt(in.accessToken().strip()));
            ps.setString(7, actor);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "audience.created",
              "audience " + id,
              name + " → " + adapter.label() + " " + external);
          return one(c, id);
        });
  }

  public Audience update(TenantRef tenant, long id, Draft in, String actor) {
    String name = in.name() == null ? null : name(in.name());
    String external = in.externalAudienceId() == null ? null : externalId(in.externalAudienceId());
    Segment segment = in.segment() == null ? null : Segment.parse(in.segment());
    Status status = null;
    if (in.status() != null) {
      try {
        status = Status.valueOf(in.status().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("status", "status must be active or paused.");
      }
    }
    Status newStatus = status;
    return tx.tenant(
        tenant,
        c -> {
          Audience before = one(c, id);
          if (in.workflowId() != null) {
            requireWorkflow(c, in.workflowId());
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update audiences set name = coalesce(?, name),"
                      + " workflow_id = coalesce(?, workflow_id), segment = coalesce(?, segment),"
                      + " external_audience_id = coalesce(?, external_audience_id),"
                      + " access_token = coalesce(?, access_token), status = coalesce(?, status)"
                      + " where id = ?")) {
            ps.setString(1, name);
            ps.setObject(2, in.workflowId());
            ps.setString(3, segment == null ? null : segment.code());
            ps.setString(4, external);
            ps.setString(
                5,
                in.accessToken() == null || in.accessToken().isBlank()
                    ? null
                    : secrets.encrypt(in.accessToken().strip()));
            ps.setString(6, newStatus == null ? null : newStatus.name().toLowerCase(Locale.ROOT));
            ps.setLong(7, id);
            ps.executeUpdate();
          }
          Audience after = one(c, id);
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "audience.updated",
              "audience " + id,
              summary(before),
              summary(after));
          return after;
        });
  }

  /** Deletes the audience here; the platform's audience keeps its members (say so in the UI). */
  public void delete(TenantRef tenant, long id, String actor) {
    tx.tenant(
        tenant,
        c -> {
          Audience before = one(c, id);
          try (PreparedStatement ps = c.prepareStatement("delete from audiences where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "audience.deleted", "audience " + id, summary(before), null);
          return null;
        });
  }

  public List<Sync> syncs(TenantRef tenant, long id, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          one(c, id);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select * from audience_syncs where audience_id = ? order by id desc limit ?")) {
            ps.setLong(1, id);
            ps.setInt(2, Math.max(1, Math.min(limit, 200)));
            List<Sync> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(sync(rs));
              }
            }
            return out;
          }
        });
  }

  /** Syncs every active audience not synced for {@code every} (the background job). */
  public int syncDue(TenantRef tenant, Duration every) {
    List<Long> due =
        tx.tenant(
            tenant,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select id from audiences where status = 'active'"
                          + " and (last_sync_at is null or last_sync_at < ?) order by id")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant().minus(every)));
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    ids.add(rs.getLong(1));
                  }
                }
                return ids;
              }
            });
    for (long id : due) {
      sync(tenant, id, "scheduler");
    }
    return due.size();
  }

  /** Adds what joined, removes what left; returns the sync's record (failed syncs included). */
  public Sync sync(TenantRef tenant, long id, String actor) {
    Plan plan = tx.tenant(tenant, c -> plan(c, id, actor));
    AudienceAdapter adapter = adapters.get(plan.adapter());
    Target target = new Target(apiBase.apply(plan.adapter()), plan.externalId(), plan.token());
    int added = 0;
    int removed = 0;
    String error = null;
    try {
      for (List<Member> batch : batches(plan.removals(), adapter.batchSize())) {
        adapter.remove(target, batch);
        tx.tenant(tenant, c -> forget(c, id, batch));
        removed += batch.size();
      }
      for (List<Member> batch : batches(plan.additions(), adapter.batchSize())) {
        adapter.add(target, batch);
        tx.tenant(tenant, c -> remember(c, id, batch));
        added += batch.size();
      }
    } catch (AdapterException | DomainException e) {
      error = e.getMessage();
    }
    int a = added;
    int r = removed;
    String err = error;
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update audience_syncs set status = ?, finished_at = ?, added = ?, removed = ?,"
                      + " error = ? where id = ?")) {
            ps.setString(1, err == null ? "succeeded" : "failed");
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setInt(3, a);
            ps.setInt(4, r);
            ps.setString(5, err);
            ps.setLong(6, plan.syncId());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("update audiences set last_sync_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          if (!"scheduler".equals(actor) || err != null) {
            AuditLog.record(
                c,
                actor,
                tenant.slug(),
                err == null ? "audience.synced" : "audience.sync_failed",
                "audience " + id,
                "+" + a + " −" + r + (err == null ? "" : ": " + err));
          }
          try (PreparedStatement ps =
              c.prepareStatement("select * from audience_syncs where id = ?")) {
            ps.setLong(1, plan.syncId());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return sync(rs);
            }
          }
        });
  }

  /** What a sync will send, computed and its run recorded in one transaction. */
  private record Plan(
      long syncId,
      String adapter,
      String externalId,
      String token,
      List<Member> additions,
      List<Member> removals) {}

  private Plan plan(Connection c, long id, String actor) throws SQLException {
    String adapter;
    String external;
    String token;
    long workflowId;
    Segment segment;
    try (PreparedStatement ps =
        c.prepareStatement("select * from audiences where id = ? for update")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No audience " + id + ".");
        }
        adapter = rs.getString("adapter");
        external = rs.getString("external_audience_id");
        token = secrets.decrypt(rs.getString("access_token"));
        workflowId = rs.getLong("workflow_id");
        segment = Segment.valueOf(rs.getString("segment").toUpperCase(Locale.ROOT));
      }
    }
    if (!adapters.containsKey(adapter)) {
      throw DomainException.unprocessable(
          "adapter", "This server has no adapter '" + adapter + "' any more.");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update audience_syncs set status = 'failed', finished_at = now(),"
                + " error = 'abandoned (server stopped during the sync)'"
                + " where audience_id = ? and status = 'running' and started_at < ?")) {
      ps.setLong(1, id);
      ps.setTimestamp(2, Timestamp.from(clock.instant().minus(STALE_SYNC)));
      ps.executeUpdate();
    }
    Map<Long, Member> desired = new LinkedHashMap<>();
    int noConsent = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select l.id, l.email, l.phone,"
                + " coalesce(l.consent->'advertising'->>'status', '') = 'granted'"
                + "   and not l.do_not_contact"
                + "   and not exists (select 1 from suppressions s where s.email = lower(l.email))"
                + "   as allowed"
                + " from leads l where exists (select 1 from workflow_runs r"
                + "   where r.workflow_id = ? and r.lead_id = l.id and "
                + segmentCondition(segment)
                + ") order by l.id")) {
      ps.setLong(1, workflowId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!rs.getBoolean("allowed")) {
            noConsent++;
            continue;
          }
          Member m =
              new Member(
                  rs.getLong("id"),
                  Identifiers.emailHash(rs.getString("email")),
                  Identifiers.phoneHash(rs.getString("phone")));
          if (m.emailHash() != null || m.phoneHash() != null) {
            desired.put(m.leadId(), m);
          }
        }
      }
    }
    Map<Long, Member> current = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select lead_id, email_hash, phone_hash from audience_members where audience_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          current.put(rs.getLong(1), new Member(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    List<Member> additions = new ArrayList<>();
    List<Member> removals = new ArrayList<>();
    desired.forEach(
        (leadId, m) -> {
          Member was = current.get(leadId);
          if (was == null) {
            additions.add(m);
          } else if (!was.equals(m)) {
            removals.add(was); // the lead's email or phone changed: swap the hashes
            additions.add(m);
          }
        });
    current.forEach(
        (leadId, m) -> {
          if (!desired.containsKey(leadId)) {
            removals.add(m);
          }
        });
    long syncId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into audience_syncs (audience_id, skipped_no_consent, triggered_by)"
                + " values (?, ?, ?) returning id")) {
      ps.setLong(1, id);
      ps.setInt(2, noConsent);
      ps.setString(3, actor);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        syncId = rs.getLong(1);
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw DomainException.conflict("audience", "Audience " + id + " is being synced already.");
      }
      throw e;
    }
    return new Plan(syncId, adapter, external, token, additions, removals);
  }

  private static String segmentCondition(Segment segment) {
    return switch (segment) {
      case ENROLLED -> "true";
      case ACTIVE -> "r.status in ('pending', 'running', 'waiting', 'paused')";
      case COMPLETED -> "r.status = 'succeeded'";
    };
  }

  private static Void remember(Connection c, long audienceId, List<Member> batch)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into audience_members (audience_id, lead_id, email_hash, phone_hash)"
                + " values (?, ?, ?, ?) on conflict (audience_id, lead_id) do update set"
                + " email_hash = excluded.email_hash, phone_hash = excluded.phone_hash,"
                + " synced_at = now()")) {
      for (Member m : batch) {
        ps.setLong(1, audienceId);
        ps.setLong(2, m.leadId());
        ps.setString(3, m.emailHash());
        ps.setString(4, m.phoneHash());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return null;
  }

  private static Void forget(Connection c, long audienceId, List<Member> batch)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "delete from audience_members where audience_id = ? and lead_id = ?"
                + " and email_hash is not distinct from ? and phone_hash is not distinct from ?")) {
      for (Member m : batch) {
        ps.setLong(1, audienceId);
        ps.setLong(2, m.leadId());
        ps.setString(3, m.emailHash());
        ps.setString(4, m.phoneHash());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return null;
  }

  private static <T> List<List<T>> batches(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }

  private AudienceAdapter adapter(String id) {
    AudienceAdapter a = id == null ? null : adapters.get(id.strip().toLowerCase(Locale.ROOT));
    if (a == null) {
      throw DomainException.invalid(
          "adapter", "adapter must be one of " + String.join(", ", adapters.keySet()) + ".");
    }
    return a;
  }

  private static String name(String raw) {
    if (raw == null || raw.isBlank()) {
      throw DomainException.invalid("name", "A name is required.");
    }
    if (raw.length() > 120) {
      throw DomainException.invalid("name", "At most 120 characters.");
    }
    return raw.strip();
  }

  private static String externalId(String raw) {
    if (raw == null || !raw.strip().matches("[0-9]{1,30}")) {
      throw DomainException.invalid(
          "externalAudienceId", "The ad platform's audience id is a number (e.g. 23851234567890).");
    }
    return raw.strip();
  }

  private static void requireWorkflow(Connection c, long workflowId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from workflows where id = ?")) {
      ps.setLong(1, workflowId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.invalid("workflowId", "No workflow " + workflowId + ".");
        }
      }
    }
  }

  private static String summary(Audience a) {
    return a.name()
        + " ("
        + a.segment().code()
        + " of workflow "
        + a.workflowId()
        + ", "
        + a.status()
        + ")";
  }

  private Audience one(Connection c, long id) throws SQLException {
    List<Audience> found = query(c, id);
    if (found.isEmpty()) {
      throw DomainException.notFound("No audience " + id + ".");
    }
    return found.get(0);
  }

  private List<Audience> query(Connection c, Long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select a.*, w.name as workflow_name,"
                + " (select count(*) from audience_members m where m.audience_id = a.id) as members,"
                + " s.id as s_id, s.started_at as s_started_at, s.finished_at as s_finished_at,"
                + " s.status as s_status, s.added as s_added, s.removed as s_removed,"
                + " s.skipped_no_consent as s_skipped_no_consent, s.error as s_error,"
                + " s.triggered_by as s_triggered_by"
                + " from audiences a join workflows w on w.id = a.workflow_id"
                + " left join lateral (select * from audience_syncs x where x.audience_id = a.id"
                + "   order by x.id desc limit 1) s on true"
                + " where (?::bigint is null or a.id = ?) order by a.id")) {
      ps.setObject(1, id);
      ps.setObject(2, id);
      List<Audience> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String token = secrets.decrypt(rs.getString("access_token"));
          AudienceAdapter adapter = adapters.get(rs.getString("adapter"));
          Timestamp last = rs.getTimestamp("last_sync_at");
          out.add(
              new Audience(
                  rs.getLong("id"),
                  rs.getString("name"),
                  rs.getLong("workflow_id"),
                  rs.getString("workflow_name"),
                  Segment.valueOf(rs.getString("segment").toUpperCase(Locale.ROOT)),
                  rs.getString("adapter"),
                  adapter == null ? rs.getString("adapter") : adapter.label(),
                  rs.getString("external_audience_id"),
                  token.length() <= 4 ? "••••" : token.substring(token.length() - 4),
                  Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                  last == null ? null : last.toInstant(),
                  rs.getInt("members"),
                  rs.getObject("s_id") == null ? null : sync(rs, "s_")));
        }
      }
      return out;
    }
  }

  private static Sync sync(ResultSet rs) throws SQLException {
    return sync(rs, "");
  }

  private static Sync sync(ResultSet rs, String prefix) throws SQLException {
    Timestamp finished = rs.getTimestamp(prefix + "finished_at");
    return new Sync(
        rs.getLong(prefix + "id"),
        rs.getTimestamp(prefix + "started_at").toInstant(),
        finished == null ? null : finished.toInstant(),
        SyncStatus.valueOf(rs.getString(prefix + "status").toUpperCase(Locale.ROOT)),
        rs.getInt(prefix + "added"),
        rs.getInt(prefix + "removed"),
        rs.getInt(prefix + "skipped_no_consent"),
        rs.getString(prefix + "error"),
        rs.getString(prefix + "triggered_by"));
  }
}
