package io.omnireach.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Transactions;
import io.omnireach.testing.TestDatabase;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import io.omnireach.usage.UsageRollup;
import io.omnireach.usage.UsageTotals;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The usage report: exact quantities per meter against what the tenant's plan includes (the
 * seat-plan fallback, {@link PlanAllowances}), per tenant only.
 */
class UsageReportsTest {

  static TestDatabase db;
  static Transactions tx;
  static UsageReports reports;
  static final UsagePeriod NOVEMBER = UsagePeriod.monthOf(LocalDate.parse("2026-11-01"));

  @BeforeAll
  static void a_team_tenant_and_a_free_tenant_with_usage() throws Exception {
    db = TestDatabase.migrated();
    tx = db.transactions();
    reports = new UsageReports(new UsageTotals(tx), new PlanAllowances(tx));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into platform.tenants (id, slug, display_name, status, plan) values"
              + " (1, 'team-co', 'Team', 'ACTIVE', 'TEAM'), (2, 'free-co', 'Free', 'ACTIVE', 'FREE')");
    }
    List<UsageEvent> events = new ArrayList<>();
    Instant nov3 = Instant.parse("2026-11-03T10:00:00Z");
    for (int i = 0; i < 8_100; i++) {
      events.add(UsageEvent.of(1, Meter.EMAILS_SENT, 1, "message:" + i, nov3.plusSeconds(i)));
    }
    events.add(UsageEvent.of(1, Meter.ACTIVE_SEATS, 4, "snapshot:2026-11-03", nov3));
    events.add(
        UsageEvent.of(1, Meter.ACTIVE_SEATS, 6, "snapshot:2026-11-04", nov3.plusSeconds(86_400)));
    // outside November: not in the report
    events.add(
        UsageEvent.of(
            1, Meter.EMAILS_SENT, 1, "message:october", Instant.parse("2026-10-31T23:59:59Z")));
    events.add(UsageEvent.of(2, Meter.EMAILS_SENT, 1, "message:free", nov3));
    tx.platform(c -> UsageLedger.ON.recordAll(c, events));
    new UsageRollup(tx).rollUp(5_000); // part rolled up, part pending: the report is exact anyway
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void each_meter_shows_its_quantity_against_the_plans_allowance_in_zero_amount_usd() {
    UsageReport r = reports.report(1, NOVEMBER);
    assertThat(r.meters()).extracting(UsageReport.Line::meter).containsExactly(Meter.values());
    UsageReport.Line emails = r.line(Meter.EMAILS_SENT);
    assertThat(emails.quantity()).isEqualTo(8_100);
    assertThat(emails.included()).isEqualTo(10_000);
    assertThat(emails.amountMinor()).isZero();
    assertThat(emails.currency()).isEqualTo("USD");
    assertThat(emails.warning()).as("81 %% of the allowance").isTrue();
    assertThat(emails.share()).isEqualTo(0.81);

    UsageReport.Line seats = r.line(Meter.ACTIVE_SEATS);
    assertThat(seats.quantity()).as("the peak day").isEqualTo(6);
    assertThat(seats.included()).isEqualTo(Plan.TEAM.seats());
    assertThat(seats.warning()).isFalse();
    assertThat(r.line(Meter.AI_CALLS).quantity()).isZero();

    assertThat(r.days())
        .filteredOn(d -> d.meter() == Meter.EMAILS_SENT)
        .extracting(d -> d.day() + "=" + d.quantity())
        .containsExactly("2026-11-03=8100");
  }

  @Test
  void a_tenant_sees_only_its_own_usage_under_its_own_plan() {
    UsageReport free = reports.report(2, NOVEMBER);
    assertThat(free.line(Meter.EMAILS_SENT).quantity()).isEqualTo(1);
    assertThat(free.line(Meter.EMAILS_SENT).included()).isEqualTo(500);
    assertThat(free.line(Meter.ACTIVE_SEATS).included()).isEqualTo(3);
  }

  @Test
  void counted_allowances_cover_each_calendar_month_the_range_touches() {
    UsageReport quarter =
        reports.report(
            1, new UsagePeriod(LocalDate.parse("2026-10-15"), LocalDate.parse("2026-12-02")));
    assertThat(quarter.line(Meter.EMAILS_SENT).quantity()).isEqualTo(8_101);
    assertThat(quarter.line(Meter.EMAILS_SENT).included()).isEqualTo(30_000);
    assertThat(quarter.line(Meter.ACTIVE_SEATS).included()).isEqualTo(25);
  }
}
