package io.omnireach.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Migrations;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantOverviewsTest {

  static final Instant NOW = Instant.parse("2026-12-05T13:00:00Z");
  static TestDatabase db;

  @BeforeAll
  static void a_tenant_with_members_invitations_and_mail() throws Exception {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), "tenant_busy_co");
    Migrations.migrateTenant(db.dataSource(), "tenant_quiet_co");
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into platform.tenants (id, slug, display_name, status, plan) values"
              + " (1, 'busy-co', 'Busy', 'ACTIVE', 'SCALE'), (2, 'quiet-co', 'Quiet', 'ACTIVE', 'TEAM')");
      s.execute(
          "insert into platform.users (id, email, display_name, password_hash, last_login_at)"
              + " values (1, 'a@busy.test', 'A', 'x', '2026-12-04T10:00:00Z'),"
              + " (2, 'b@busy.test', 'B', 'x', '2026-12-05T09:30:00Z'),"
              + " (3, 'c@busy.test', 'C', 'x', null)");
      s.execute(
          "insert into platform.memberships (user_id, tenant_id, role) values"
              + " (1, 1, 'ADMIN'), (2, 1, 'SALES'), (3, 2, 'ADMIN')");
      s.execute(
          "insert into platform.invitations (tenant_id, email, role, token_hash, expires_at)"
              + " values (1, 'open@busy.test', 'SALES', 'h1', '2026-12-10T00:00:00Z'),"
              + " (1, 'expired@busy.test', 'SALES', 'h2', '2026-12-01T00:00:00Z')");
      String insert =
          "insert into tenant_busy_co.messages (idempotency_key, message_id, to_address, subject,"
              + " body, status, sent_at) values ";
      s.execute(
          insert
              + "('k1', 'm1', 'x@y.test', 's', 'b', 'SENT', '2026-12-01T00:00:00Z'),"
              + " ('k2', 'm2', 'x@y.test', 's', 'b', 'SENT', '2026-12-05T12:00:00Z'),"
              + " ('k3', 'm3', 'x@y.test', 's', 'b', 'SENT', '2026-11-30T23:59:59Z'),"
              + " ('k4', 'm4', 'x@y.test', 's', 'b', 'FAILED', null),"
              + " ('k5', 'm5', 'x@y.test', 's', 'b', 'QUEUED', null)");
    }
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void the_overview_counts_seats_last_sign_in_and_only_this_months_sent_emails() {
    var overviews = new TenantOverviews(db.transactions(), Clock.fixed(NOW, ZoneOffset.UTC));
    var list = overviews.list(null);
    assertThat(list).extracting(o -> o.tenant().slug()).containsExactly("busy-co", "quiet-co");

    TenantOverview busy = list.get(0);
    assertThat(busy.plan()).isEqualTo("SCALE");
    assertThat(busy.seatsUsed()).isEqualTo(3); // two members and one open invitation
    assertThat(busy.lastActivityAt()).isEqualTo(Instant.parse("2026-12-05T09:30:00Z"));
    assertThat(busy.emailsSentThisMonth()).isEqualTo(2);

    TenantOverview quiet = list.get(1);
    assertThat(quiet.seatsUsed()).isEqualTo(1);
    assertThat(quiet.lastActivityAt()).isNull();
    assertThat(quiet.emailsSentThisMonth()).isZero();
  }
}
