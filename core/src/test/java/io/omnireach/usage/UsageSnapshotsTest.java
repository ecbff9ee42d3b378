package io.omnireach.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.testing.UsageProbe;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily snapshot meters: seats are the tenant's memberships, leads the rows in its own schema;
 * one snapshot per tenant and UTC day, whatever how often or on how many servers it runs.
 */
class UsageSnapshotsTest {

  static final Instant MORNING = Instant.parse("2026-11-02T06:00:00Z");
  static final LocalDate DAY = LocalDate.parse("2026-11-02");

  static TestDatabase db;
  static Transactions tx;
  static TenantDirectory tenants;
  static final TenantRef NORTH = new TenantRef(1, "north-co");
  static final TenantRef SOUTH = new TenantRef(2, "south-co");
  static final TenantRef RACE = new TenantRef(5, "race-co");

  @BeforeAll
  static void two_tenants_with_members_and_leads() throws Exception {
    db = TestDatabase.migrated();
    tx = db.transactions();
    tenants = new TenantDirectory(tx);
    for (String schema : List.of("tenant_north_co", "tenant_south_co", "tenant_race_co")) {
      Migrations.migrateTenant(db.dataSource(), schema);
    }
    sql(
        "insert into platform.tenants (id, slug, display_name, status) values"
            + " (1, 'north-co', 'North', 'ACTIVE'), (2, 'south-co', 'South', 'SUSPENDED'),"
            + " (3, 'new-co', 'New', 'PROVISIONING'), (4, 'broken-co', 'Broken', 'ACTIVE'),"
            + " (5, 'race-co', 'Race', 'ACTIVE')",
        "insert into platform.users (id, email, display_name, password_hash) values"
            + " (1, 'a@north.test', 'A', 'x'), (2, 'b@north.test', 'B', 'x'),"
            + " (3, 'c@north.test', 'C', 'x'), (4, 'd@south.test', 'D', 'x')",
        "insert into platform.memberships (user_id, tenant_id, role) values"
            + " (1, 1, 'ADMIN'), (2, 1, 'SALES'), (3, 1, 'FINANCE'), (4, 2, 'ADMIN'),"
            + " (1, 2, 'VIEWER')",
        // an open invitation is not a seat in use
        "insert into platform.invitations (tenant_id, email, role, token_hash, expires_at)"
            + " values (1, 'later@north.test', 'SALES', 'h1', '2026-12-01T00:00:00Z')");
    leads("tenant_north_co", 5);
    leads("tenant_south_co", 2);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static void sql(String... statements) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static void leads(String schema, int n) throws Exception {
    sql(
        "insert into "
            + schema
            + ".leads (email) select 'lead-' || g || '-' || gen_random_uuid() || '@x.test'"
            + " from generate_series(1, "
            + n
            + ") g");
  }

  static UsageSnapshots at(Instant now) {
    return new UsageSnapshots(tx, tenants, Clock.fixed(now, ZoneOffset.UTC));
  }

  static long total(TenantRef t, Meter meter, LocalDate from, LocalDate toExclusive) {
    return new UsageTotals(tx)
        .totals(
            t.id(),
            from.atStartOfDay(ZoneOffset.UTC).toInstant(),
            toExclusive.atStartOfDay(ZoneOffset.UTC).toInstant())
        .get(meter)
        .quantity();
  }

  @Test
  void a_day_snapshot_counts_memberships_and_the_tenants_own_leads_once() throws Exception {
    UsageSnapshots.Result first = at(MORNING).takeToday();
    // north and south taken; new-co is still provisioning, broken-co has no schema
    assertThat(first.taken()).isEqualTo(3);
    assertThat(first.failed()).isEqualTo(1);

    assertThat(total(NORTH, Meter.ACTIVE_SEATS, DAY, DAY.plusDays(1))).isEqualTo(3);
    assertThat(total(NORTH, Meter.LEADS_STORED, DAY, DAY.plusDays(1))).isEqualTo(5);
    assertThat(total(SOUTH, Meter.ACTIVE_SEATS, DAY, DAY.plusDays(1))).isEqualTo(2);
    assertThat(total(SOUTH, Meter.LEADS_STORED, DAY, DAY.plusDays(1))).isEqualTo(2);
    assertThat(UsageProbe.events(tx, 3, Meter.LEADS_STORED, "%")).isEqualTo("0/0");

    // later the same day: more leads, but the day's snapshot stands and nothing is added
    leads("tenant_north_co", 4);
    UsageSnapshots.Result again = at(MORNING.plusSeconds(12 * 3600)).takeToday();
    assertThat(again.taken()).isZero();
    assertThat(again.alreadyTaken()).isEqualTo(3);
    assertThat(UsageProbe.events(tx, NORTH.id(), Meter.LEADS_STORED, "snapshot:2026-11-02"))
        .isEqualTo("1/5");
    assertThat(UsageProbe.events(tx, NORTH.id(), Meter.ACTIVE_SEATS, "snapshot:2026-11-02"))
        .isEqualTo("1/3");

    // the next UTC day gets its own snapshot; a period is billed at its peak day
    sql(
        "delete from tenant_north_co.leads where id in (select id from tenant_north_co.leads limit 2)");
    assertThat(at(MORNING.plusSeconds(86_400)).takeToday().taken()).isEqualTo(3);
    assertThat(UsageProbe.events(tx, NORTH.id(), Meter.LEADS_STORED, "snapshot:2026-11-03"))
        .isEqualTo("1/7");
    assertThat(total(NORTH, Meter.LEADS_STORED, DAY, DAY.plusDays(2))).isEqualTo(7);
    assertThat(total(NORTH, Meter.LEADS_STORED, DAY, DAY.plusDays(1))).isEqualTo(5);
    assertThat(new UsageTotals(tx).daily(NORTH.id(), at(DAY), at(DAY.plusDays(2))))
        .filteredOn(d -> d.meter() == Meter.LEADS_STORED)
        .extracting(UsageTotals.Daily::quantity)
        .containsExactly(5L, 7L);
  }

  @Test
  void a_past_day_is_recorded_inside_that_day() {
    LocalDate past = LocalDate.parse("2026-10-15");
    assertThat(at(MORNING).take(SOUTH, past)).isTrue();
    assertThat(new UsageTotals(tx).daily(SOUTH.id(), at(past), at(past.plusDays(1))))
        .extracting(UsageTotals.Daily::day)
        .containsOnly(past);
  }

  @Test
  void servers_taking_the_same_snapshot_at_once_record_it_once() throws Exception {
    LocalDate day = LocalDate.parse("2026-09-01");
    int servers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(servers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int i = 0; i < servers; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return at(MORNING).take(RACE, day);
                }));
      }
      start.countDown();
      int taken = 0;
      for (Future<Boolean> f : runs) {
        taken += f.get() ? 1 : 0;
      }
      assertThat(taken).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(UsageProbe.events(tx, RACE.id(), Meter.ACTIVE_SEATS, "snapshot:2026-09-01"))
        .isEqualTo("1/0");
    assertThat(UsageProbe.events(tx, RACE.id(), Meter.LEADS_STORED, "snapshot:2026-09-01"))
        .isEqualTo("1/0");
  }

  static Instant at(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
