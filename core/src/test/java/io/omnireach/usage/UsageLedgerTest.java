package io.omnireach.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.db.Transactions;
import io.omnireach.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger counts each action once, commits with it, and reads back exactly — before, during and
 * after the roll-up.
 */
class UsageLedgerTest {

  static TestDatabase db;
  static Transactions tx;
  static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
  static final Instant NEXT_DAY = DAY.plusSeconds(86_400);

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    tx = db.transactions();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static void record(UsageEvent... events) {
    tx.platform(c -> UsageLedger.ON.recordAll(c, List.of(events)));
  }

  static int rollUpInBatches() {
    int n = 0;
    for (int k = new UsageRollup(tx).rollUp(150); k > 0; k = new UsageRollup(tx).rollUp(150)) {
      n += k;
    }
    return n;
  }

  @Test
  void the_same_action_recorded_twice_counts_once() {
    long tenant = 101;
    Instant at = DAY.plusSeconds(3600);
    record(UsageEvent.of(tenant, Meter.EMAILS_SENT, 1, "message:7", at));
    record(UsageEvent.of(tenant, Meter.EMAILS_SENT, 1, "message:7", at.plusSeconds(60)));
    record(UsageEvent.of(tenant, Meter.EMAILS_SENT, 1, "message:8", at));
    assertThat(new UsageTotals(tx).totals(tenant, DAY, NEXT_DAY).get(Meter.EMAILS_SENT).quantity())
        .isEqualTo(2);
  }

  @Test
  void an_action_that_rolls_back_leaves_no_usage() {
    long tenant = 102;
    assertThatThrownBy(
            () ->
                tx.platform(
                    c -> {
                      UsageLedger.ON.record(
                          c, UsageEvent.of(tenant, Meter.AI_CALLS, 1, "ai_call:1", DAY));
                      throw new IllegalStateException("the action failed");
                    }))
        .hasMessage("the action failed");
    assertThat(new UsageTotals(tx).totals(tenant, DAY, NEXT_DAY).get(Meter.AI_CALLS))
        .isEqualTo(UsageTotals.Total.ZERO);
  }

  @Test
  void totals_are_exact_before_and_after_the_roll_up_and_snapshots_bill_the_peak_day() {
    long tenant = 103;
    Instant third = NEXT_DAY.plusSeconds(86_400);
    record(
        new UsageEvent(
            tenant, Meter.AI_CALLS, 1, 1_500L, "ai_call:1", DAY.plusSeconds(10), null, null),
        new UsageEvent(
            tenant, Meter.AI_CALLS, 1, 2_500L, "ai_call:2", DAY.plusSeconds(7200), null, null),
        UsageEvent.of(tenant, Meter.ACTIVE_SEATS, 4, "snapshot:2026-11-02", DAY),
        UsageEvent.of(tenant, Meter.ACTIVE_SEATS, 6, "snapshot:2026-11-03", NEXT_DAY),
        UsageEvent.of(tenant, Meter.ACTIVE_SEATS, 5, "snapshot:2026-11-04", third));
    UsageTotals totals = new UsageTotals(tx);
    Instant end = third.plusSeconds(86_400);
    Map<Meter, UsageTotals.Total> before = totals.totals(tenant, DAY, end);
    assertThat(before.get(Meter.AI_CALLS)).isEqualTo(new UsageTotals.Total(2, 4_000));
    assertThat(before.get(Meter.ACTIVE_SEATS).quantity()).isEqualTo(6);

    new UsageRollup(tx).rollUpAll();
    assertThat(totals.totals(tenant, DAY, end)).isEqualTo(before);
    // a late event after the roll-up is added on read, and folded into the same hour later
    record(UsageEvent.of(tenant, Meter.AI_CALLS, 1, "ai_call:3", DAY.plusSeconds(20)));
    assertThat(totals.totals(tenant, DAY, end).get(Meter.AI_CALLS).quantity()).isEqualTo(3);
    new UsageRollup(tx).rollUpAll();
    assertThat(totals.totals(tenant, DAY, end).get(Meter.AI_CALLS).quantity()).isEqualTo(3);
    assertThat(totals.daily(tenant, DAY, end))
        .filteredOn(d -> d.meter() == Meter.ACTIVE_SEATS)
        .extracting(UsageTotals.Daily::quantity)
        .containsExactly(4L, 6L, 5L);
    // one tenant's usage is never another's
    assertThat(totals.totals(tenant + 1000, DAY, end).get(Meter.AI_CALLS))
        .isEqualTo(UsageTotals.Total.ZERO);
  }

  @Test
  void concurrent_roll_ups_fold_every_event_exactly_once() throws Exception {
    long tenant = 104;
    List<UsageEvent> events = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      events.add(
          UsageEvent.of(
              tenant, Meter.WORKFLOW_STEPS, 1, "node_run:" + i, DAY.plusSeconds(i * 30L)));
    }
    tx.platform(c -> UsageLedger.ON.recordAll(c, events));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(UsageLedgerTest::rollUpInBatches));
      }
      for (Future<Integer> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(
            new UsageTotals(tx).totals(tenant, DAY, NEXT_DAY).get(Meter.WORKFLOW_STEPS).quantity())
        .isEqualTo(2_000);
    long hourly =
        tx.platform(
            c -> {
              try (var ps =
                  c.prepareStatement(
                      "select coalesce(sum(quantity), 0) from usage_hourly where tenant_id = ?")) {
                ps.setLong(1, tenant);
                try (var rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    assertThat(hourly).as("every event folded into its hour exactly once").isEqualTo(2_000);
  }
}
