package io.omnireach.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes usage events into {@code platform.usage_events} on the caller's connection, so an event
 * commits or rolls back with the action it counts. Duplicate keys are ignored ({@code on conflict
 * do nothing}): a retried send, a recovered step or a re-run job never counts twice.
 *
 * <p>The table is schema-qualified because callers are usually inside a tenant transaction, whose
 * search path is the tenant's schema.
 */
public final class UsageLedger {

  /** What production uses. */
  public static final UsageLedger ON = new UsageLedger(true);

  /** Records nothing: only for benchmarks that print the cost of metering. */
  public static final UsageLedger OFF = new UsageLedger(false);

  private static final String INSERT =
      "insert into platform.usage_events (tenant_id, meter, quantity, cost_micros,"
          + " idempotency_key, occurred_at, workflow_id, user_id)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?)"
          + " on conflict (tenant_id, meter, idempotency_key) do nothing";

  private final boolean enabled;

  private UsageLedger(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * @return true when the event is new, false when its key was already recorded (or metering off)
   */
  public boolean record(Connection c, UsageEvent event) throws SQLException {
    if (!enabled) {
      return false;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      bind(ps, event);
      return ps.executeUpdate() == 1;
    }
  }

  /** Several events in one round trip; returns how many were new. */
  public int recordAll(Connection c, List<UsageEvent> events) throws SQLException {
    if (!enabled || events.isEmpty()) {
      return 0;
    }
    if (events.size() == 1) {
      return record(c, events.get(0)) ? 1 : 0;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (UsageEvent e : events) {
        bind(ps, e);
        ps.addBatch();
      }
      int added = 0;
      for (int n : ps.executeBatch()) {
        added += n > 0 ? 1 : 0;
      }
      return added;
    }
  }

  /**
   * One unit each for many actions of one kind, in a single statement (the send and engine hot
   * paths): keys are {@code prefix + id}.
   *
   * @param workflowIds the workflow of each action (same order as ids), or null when unknown
   */
  public void recordEach(
      Connection c,
      long tenantId,
      Meter meter,
      String prefix,
      Long[] ids,
      Long[] workflowIds,
      Instant at)
      throws SQLException {
    if (!enabled || ids.length == 0) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.usage_events (tenant_id, meter, quantity, idempotency_key,"
                + " occurred_at, workflow_id) select ?, ?, 1, ? || u.id, ?, u.workflow_id"
                + " from unnest(?::bigint[], ?::bigint[]) as u(id, workflow_id)"
                + " on conflict (tenant_id, meter, idempotency_key) do nothing")) {
      ps.setLong(1, tenantId);
      ps.setString(2, meter.key());
      ps.setString(3, prefix);
      ps.setTimestamp(4, Timestamp.from(at));
      ps.setArray(5, c.createArrayOf("bigint", ids));
      ps.setArray(
          6, c.createArrayOf("bigint", workflowIds == null ? new Long[ids.length] : workflowIds));
      ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, UsageEvent e) throws SQLException {
    ps.setLong(1, e.tenantId());
    ps.setString(2, e.meter().key());
    ps.setLong(3, e.quantity());
    setLong(ps, 4, e.costMicros());
    ps.setString(5, e.idempotencyKey());
    ps.setTimestamp(6, Timestamp.from(e.occurredAt()));
    setLong(ps, 7, e.workflowId());
    setLong(ps, 8, e.userId());
  }

  private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, value);
    }
  }
}
