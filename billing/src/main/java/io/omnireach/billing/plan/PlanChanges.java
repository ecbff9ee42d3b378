package io.omnireach.billing.plan;

import io.omnireach.billing.jpa.Times;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Plan changes: recorded with the change itself, read for proration. */
public final class PlanChanges {

  private PlanChanges() {}

  /**
   * Records a change on the connection of the transaction that changes {@code tenants.plan}, so the
   * invoice sees every change that happened and none that did not.
   */
  public static void record(
      Connection c, long tenantId, String from, String to, Instant at, String actor)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.plan_changes (tenant_id, from_plan, to_plan, changed_at, actor)"
                + " values (?, ?, ?, ?, ?)")) {
      ps.setLong(1, tenantId);
      ps.setString(2, from);
      ps.setString(3, to);
      ps.setTimestamp(4, Timestamp.from(at));
      ps.setString(5, actor);
      ps.executeUpdate();
    }
  }

  /** The tenant's changes in [from, to), oldest first (a tenant's entity manager). */
  public static List<PlanChange> between(EntityManager em, Instant from, Instant to) {
    return em.createQuery(
            "select c from PlanChange c where c.changedAt >= :from and c.changedAt < :to"
                + " order by c.changedAt, c.id",
            PlanChange.class)
        .setParameter("from", Times.utc(from))
        .setParameter("to", Times.utc(to))
        .getResultList();
  }

  /** The plan the tenant was on at {@code at}: the first change after it says, else {@code now}. */
  public static String planAt(EntityManager em, Instant at, String current) {
    return em.createQuery(
            "select c from PlanChange c where c.changedAt >= :at order by c.changedAt, c.id",
            PlanChange.class)
        .setParameter("at", Times.utc(at))
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(PlanChange::fromPlan)
        .orElse(current);
  }
}
