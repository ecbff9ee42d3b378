package io.omnireach.billing.stripe;

import io.omnireach.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Platform rows the Stripe tests need: tenants, resellers, members. */
final class BillingFixture {

  private BillingFixture() {}

  static long tenant(TestDatabase db, String slug, String name) {
    return insert(
        db,
        "insert into tenants (slug, display_name, status) values (?, ?, 'ACTIVE') returning id",
        slug,
        name);
  }

  static long reseller(TestDatabase db, String slug, String name) {
    return insert(db, "insert into resellers (slug, name) values (?, ?) returning id", slug, name);
  }

  static long member(TestDatabase db, long tenantId, String email, String role) {
    long user =
        insert(
            db,
            "insert into users (email, display_name, password_hash) values (?, ?, 'x') returning id",
            email,
            email);
    db.transactions()
        .platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into memberships (user_id, tenant_id, role) values (?, ?, ?)")) {
                ps.setLong(1, user);
                ps.setLong(2, tenantId);
                ps.setString(3, role);
                return ps.executeUpdate();
              }
            });
    return user;
  }

  private static long insert(TestDatabase db, String sql, String a, String b) {
    return db.transactions()
        .platform(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, a);
                ps.setString(2, b);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }
}
