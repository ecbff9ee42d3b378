package io.omnireach.billing;

import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A migrated database with the billing persistence unit on it, and rows tests need. */
public final class BillingFixture implements AutoCloseable {

  public final TestDatabase db = TestDatabase.migrated();
  public final EntityManagerFactory emf = BillingJpa.factory(db.dataSource());
  public final JpaTransactions jpa = BillingJpa.transactions(emf);

  public long reseller(String slug, String wholesalePlan) {
    return insert(
        "insert into platform.resellers (slug, name, wholesale_plan) values (?, ?, ?) returning id",
        slug,
        slug.substring(0, 1).toUpperCase() + slug.substring(1) + " Partners",
        wholesalePlan);
  }

  /** An ACTIVE tenant created on 1 Dec 2025, on the plan, with or without a reseller. */
  public TenantRef tenant(String slug, String plan, Long resellerId) {
    long id =
        insert(
            "insert into platform.tenants (slug, display_name, status, plan, reseller_id,"
                + " created_at) values (?, ?, 'ACTIVE', ?, ?, '2025-12-01T00:00:00Z') returning id",
            slug,
            slug.substring(0, 1).toUpperCase() + slug.substring(1) + " Inc",
            plan,
            resellerId);
    return new TenantRef(id, slug);
  }

  /** Usage as the ledger records it (one event of {@code quantity}). */
  public void usage(TenantRef tenant, Meter meter, long quantity, Instant at) {
    db.transactions()
        .platform(
            c ->
                UsageLedger.ON.record(
                    c,
                    UsageEvent.of(tenant.id(), meter, quantity, "test:" + UUID.randomUUID(), at)));
  }

  private long insert(String sql, Object... args) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    emf.close();
    db.close();
  }
}
