package io.omnireach.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.db.Transactions;
import io.omnireach.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
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
 * The usage report queue: every counted event lands in exactly one report, reports are claimed by
 * one sender at a time, and a sender that dies before its commit leaves them to be sent again.
 */
class UsageReportsTest {

  static TestDatabase db;
  static Transactions tx;
  static final UsageReports reports = new UsageReports();
  static final Instant NOW = Instant.now();

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    tx = db.transactions();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static void record(long tenant, Meter meter, long quantity, String key, Instant at) {
    tx.platform(c -> UsageLedger.ON.record(c, UsageEvent.of(tenant, meter, quantity, key, at)));
  }

  static long sql(String query, long tenant) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setLong(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int groupOnce(int limit) {
    return tx.platform(c -> reports.group(c, limit, NOW));
  }

  static List<UsageReport> claimAll() {
    return tx.platform(c -> reports.claim(c, 0, 1000, NOW));
  }

  static java.util.Set<Long> pendingTenants() {
    return tx.platform(c -> reports.pendingTenants(c, NOW));
  }

  static int groupAll() {
    int n = 0;
    for (int k = tx.platform(c -> reports.group(c, 7, NOW));
        k > 0;
        k = tx.platform(c -> reports.group(c, 7, NOW))) {
      n += k;
    }
    return n;
  }

  @Test
  void events_become_one_report_per_tenant_meter_and_hour_and_each_event_is_in_exactly_one() {
    long a = 201;
    long b = 202;
    Instant hour1 = NOW.minus(Duration.ofHours(3));
    Instant hour2 = NOW.minus(Duration.ofHours(1));
    for (int i = 0; i < 10; i++) {
      record(a, Meter.EMAILS_SENT, 1, "message:" + i, hour1);
      record(a, Meter.EMAILS_SENT, 1, "message:x" + i, hour2);
      record(b, Meter.EMAILS_SENT, 1, "message:" + i, hour1);
    }
    record(a, Meter.AI_INPUT_TOKENS, 1200, "ai_call:1", hour2);
    record(a, Meter.AI_INPUT_TOKENS, 800, "ai_call:2", hour2);
    record(a, Meter.ACTIVE_SEATS, 4, "seats:day", hour2); // a snapshot: reported too
    record(a, Meter.EMAILS_SENT, 1, "message:ancient", NOW.minus(Duration.ofDays(40)));

    assertThat(groupAll()).isEqualTo(33); // in batches of 7: reports are split, never doubled
    assertThat(groupOnce(100)).isZero();

    String sum =
        "select coalesce(sum(quantity), 0) from usage_reports where tenant_id = ? and meter = ";
    assertThat(sql(sum + "'emails_sent'", a)).isEqualTo(20);
    assertThat(sql(sum + "'emails_sent'", b)).isEqualTo(10);
    assertThat(sql(sum + "'ai_input_tokens'", a)).isEqualTo(2000);
    assertThat(sql(sum + "'active_seats'", a)).isEqualTo(4);
    assertThat(
            sql(
                "select count(*) from usage_events e join usage_reports r on r.id = e.report_id"
                    + " where e.tenant_id = ? and (r.tenant_id <> e.tenant_id"
                    + " or r.meter <> e.meter"
                    + " or r.hour <> date_trunc('hour', e.occurred_at, 'UTC'))",
                a))
        .as("an event is in the report of its own tenant, meter and hour")
        .isZero();
    assertThat(
            sql("select count(*) from usage_events where tenant_id = ? and report_id is null", a))
        .as("the 40-day-old event stays unreported")
        .isEqualTo(1);
    // each report's quantity is the sum of the events marked with it
    assertThat(
            sql(
                "select count(*) from usage_reports r where tenant_id = ? and quantity <>"
                    + " (select sum(quantity) from usage_events e where e.report_id = r.id)",
                a))
        .isZero();
  }

  @Test
  void a_snapshot_is_reported_as_its_months_peak_so_far_so_that_stripes_last_value_is_the_peak() {
    long tenant = 290;
    java.time.YearMonth month = java.time.YearMonth.from(NOW.atZone(java.time.ZoneOffset.UTC));
    Instant first = month.atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    List<Instant> days = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      Instant day = first.plus(Duration.ofDays(d)).plusSeconds(60);
      if (day.isBefore(NOW)) {
        days.add(day);
      }
    }
    List<Long> expected = new ArrayList<>();
    Instant lastMonth = first.minusSeconds(60);
    if (lastMonth.isAfter(NOW.minus(UsageReports.MAX_AGE))) {
      // last month's last day had more: it does not count in this month
      record(tenant, Meter.LEADS_STORED, 900, "snapshot:prev", lastMonth);
      expected.add(900L);
    }
    long[] values = {500, 700, 600, 650};
    long[] peaks = {500, 700, 700, 700};
    for (int d = 0; d < days.size(); d++) {
      record(tenant, Meter.LEADS_STORED, values[d], "snapshot:" + d, days.get(d));
      expected.add(peaks[d]);
    }
    groupAll();
    List<Long> reported =
        claimAll().stream()
            .filter(r -> r.tenantId() == tenant)
            .sorted(java.util.Comparator.comparing(UsageReport::occurredAt))
            .map(UsageReport::quantity)
            .toList();
    assertThat(reported).isEqualTo(expected);
  }

  @Test
  void two_servers_grouping_at_once_never_put_an_event_in_two_reports() throws Exception {
    long tenant = 203;
    List<UsageEvent> steps = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      steps.add(
          UsageEvent.of(tenant, Meter.WORKFLOW_STEPS, 1, "node_run:" + i, NOW.minusSeconds(i)));
    }
    tx.platform(c -> UsageLedger.ON.recordAll(c, steps));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        workers.add(
            pool.submit(
                () -> {
                  int n = 0;
                  for (int k = tx.platform(c -> reports.group(c, 50, NOW));
                      k > 0;
                      k = tx.platform(c -> reports.group(c, 50, NOW))) {
                    n += k;
                  }
                  return n;
                }));
      }
      int total = 0;
      for (Future<Integer> f : workers) {
        total += f.get();
      }
      assertThat(total).isEqualTo(2000);
    } finally {
      pool.shutdown();
    }
    assertThat(
            sql(
                "select sum(quantity) from usage_reports where tenant_id = ?"
                    + " and meter = 'workflow_steps'",
                tenant))
        .isEqualTo(2000);
  }

  @Test
  void a_grouping_that_rolls_back_leaves_its_events_unreported() {
    long tenant = 204;
    record(tenant, Meter.AI_CALLS, 1, "ai_call:r1", NOW);
    assertThatThrownBy(
            () ->
                tx.platform(
                    c -> {
                      reports.group(c, 100, NOW);
                      throw new IllegalStateException("crash before commit");
                    }))
        .hasMessage("crash before commit");
    assertThat(sql("select count(*) from usage_reports where tenant_id = ?", tenant)).isZero();
    groupAll();
    assertThat(sql("select count(*) from usage_reports where tenant_id = ?", tenant)).isEqualTo(1);
  }

  @Test
  void a_claimed_report_is_locked_until_sent_and_a_crash_before_the_commit_frees_it()
      throws Exception {
    long tenant = 205;
    record(tenant, Meter.SMS_SEGMENTS, 3, "sms:1", NOW);
    groupAll();
    List<UsageReport> mine =
        tx.platform(c -> reports.claim(c, 0, 1000, NOW)).stream()
            .filter(r -> r.tenantId() == tenant)
            .toList();
    assertThat(mine)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.meter()).isEqualTo(Meter.SMS_SEGMENTS);
              assertThat(r.quantity()).isEqualTo(3);
              assertThat(r.identifier()).isEqualTo("omnireach-usage-" + r.id());
            });
    long id = mine.get(0).id();

    // a sender holds the claim; another sees nothing of it until the first one's transaction ends
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> holder =
        pool.submit(
            () ->
                tx.platform(
                    c -> {
                      assertThat(reports.claim(c, 0, 1000, NOW))
                          .extracting(UsageReport::id)
                          .contains(id);
                      claimed.countDown();
                      awaitUninterruptibly(release);
                      throw new IllegalStateException("killed after the send, before the commit");
                    }));
    claimed.await();
    assertThat(claimAll()).extracting(UsageReport::id).doesNotContain(id);
    release.countDown();
    assertThatThrownBy(holder::get).hasRootCauseMessage("killed after the send, before the commit");
    pool.shutdown();

    // still PENDING: the next sender sends it again (same identifier) and marks it
    tx.platform(
        c -> {
          List<UsageReport> again = reports.claim(c, 0, 1000, NOW);
          assertThat(again).extracting(UsageReport::id).contains(id);
          reports.sent(c, List.of(id), NOW);
          return null;
        });
    assertThat(claimAll()).extracting(UsageReport::id).doesNotContain(id);
    assertThat(
            sql(
                "select count(*) from usage_reports where tenant_id = ? and status = 'SENT'",
                tenant))
        .isEqualTo(1);
  }

  @Test
  void claiming_again_in_the_same_transaction_after_the_last_id_gets_the_next_reports_only() {
    long tenant = 207;
    for (int h = 1; h <= 3; h++) {
      record(tenant, Meter.EMAILS_SENT, 1, "message:h" + h, NOW.minus(Duration.ofHours(h)));
    }
    groupAll();
    tx.platform(
        c -> {
          List<UsageReport> first = reports.claim(c, 0, 1000, NOW);
          List<Long> mine =
              first.stream().filter(r -> r.tenantId() == tenant).map(UsageReport::id).toList();
          assertThat(mine).hasSize(3);
          long last = first.get(first.size() - 1).id();
          assertThat(reports.claim(c, last, 1000, NOW)).isEmpty();
          assertThat(reports.claim(c, mine.get(0), 1000, NOW))
              .extracting(UsageReport::id)
              .containsSubsequence(mine.get(1), mine.get(2));
          return null;
        });
  }

  @Test
  void a_refused_report_is_kept_failed_with_its_reason_and_a_retry_stays_pending() {
    long tenant = 206;
    record(tenant, Meter.EMAILS_SENT, 1, "message:f1", NOW.minus(Duration.ofHours(2)));
    record(tenant, Meter.EMAILS_SENT, 1, "message:f2", NOW);
    groupAll();
    assertThat(pendingTenants()).contains(tenant);
    List<UsageReport> two =
        tx.platform(c -> reports.claim(c, 0, 1000, NOW)).stream()
            .filter(r -> r.tenantId() == tenant)
            .toList();
    assertThat(two).hasSize(2);
    tx.platform(
        c -> {
          reports.failed(c, two.get(0).id(), "Stripe refused: timestamp too old");
          reports.retryLater(c, two.get(1).id(), "Stripe unavailable");
          return null;
        });
    assertThat(claimAll())
        .extracting(UsageReport::id)
        .contains(two.get(1).id())
        .doesNotContain(two.get(0).id());
    assertThat(
            sql(
                "select count(*) from usage_reports where tenant_id = ? and status = 'FAILED'"
                    + " and last_error like 'Stripe refused%' and attempts = 1",
                tenant))
        .isEqualTo(1);
  }
}
