package io.omnireach.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Transactions;
import io.omnireach.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grant a UI session keeps: reused while current, stale after the ttl or a local change. */
class EffectivePermissionsTest {

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static TestDatabase db;
  static Transactions tx;
  static long tenantId;

  @BeforeAll
  static void oneTenant() {
    db = TestDatabase.migrated();
    tx = db.transactions();
    tenantId =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into tenants (slug, display_name, status) values ('acme', 'Acme',"
                          + " 'ACTIVE') returning id")) {
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static long member(String email, Role role) {
    return tx.platform(
        c -> {
          long id = UserDirectory.createUser(c, email, "Someone", "a-long-passphrase", null, null);
          UserDirectory.addMembership(c, id, tenantId, role);
          return id;
        });
  }

  /** Changes the stored role behind the service's back, as another replica would. */
  static void storeRole(long userId, Role role) {
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update memberships set role = ? where tenant_id = ? and user_id = ?")) {
            ps.setString(1, role.name());
            ps.setLong(2, tenantId);
            ps.setLong(3, userId);
            return ps.executeUpdate();
          }
        });
  }

  @Test
  void a_kept_grant_is_reused_until_its_tenant_changes_here_or_the_ttl_passes() {
    MovableClock clock = new MovableClock();
    EffectivePermissions permissions = new EffectivePermissions(tx, clock, Duration.ofSeconds(5));
    long sales = member("grant-sales@acme.example", Role.SALES);

    EffectivePermissions.Grant kept = permissions.current(null, tenantId, sales);
    assertThat(kept.allows(Permission.LEADS_WRITE)).isTrue();

    // a change not made through this service: the kept grant holds until the ttl
    storeRole(sales, Role.VIEWER);
    clock.now = clock.now.plusSeconds(4);
    assertThat(permissions.current(kept, tenantId, sales)).isSameAs(kept);
    clock.now = clock.now.plusSeconds(1);
    EffectivePermissions.Grant reloaded = permissions.current(kept, tenantId, sales);
    assertThat(reloaded).isNotSameAs(kept);
    assertThat(reloaded.allows(Permission.LEADS_WRITE)).isFalse();
    assertThat(reloaded.allows(Permission.LEADS_READ)).isTrue();

    // a change made here: stale at once, for the holder and the shared cache alike
    storeRole(sales, Role.SALES);
    permissions.tenantChanged(tenantId);
    EffectivePermissions.Grant afterChange = permissions.current(reloaded, tenantId, sales);
    assertThat(afterChange.allows(Permission.LEADS_WRITE)).isTrue();
    assertThat(permissions.allows(tenantId, sales, Permission.LEADS_WRITE)).isTrue();
    assertThat(permissions.current(afterChange, tenantId, sales)).isSameAs(afterChange);
  }

  @Test
  void a_grant_kept_for_one_user_is_not_handed_to_another() {
    EffectivePermissions permissions =
        new EffectivePermissions(tx, new MovableClock(), Duration.ofMinutes(5));
    long admin = member("grant-admin@acme.example", Role.ADMIN);
    long viewer = member("grant-viewer@acme.example", Role.VIEWER);

    EffectivePermissions.Grant adminGrant = permissions.current(null, tenantId, admin);
    EffectivePermissions.Grant viewerGrant = permissions.current(adminGrant, tenantId, viewer);

    assertThat(viewerGrant.userId()).isEqualTo(viewer);
    assertThat(viewerGrant.allows(Permission.LEADS_WRITE)).isFalse();
    assertThat(permissions.current(adminGrant, tenantId + 1, admin).permissions()).isEmpty();
  }
}
