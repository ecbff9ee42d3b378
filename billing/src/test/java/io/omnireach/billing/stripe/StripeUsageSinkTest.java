package io.omnireach.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.testing.StripeFake;
import io.omnireach.testing.TestDatabase;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageReport;
import io.omnireach.usage.UsageReportSink.Outcome;
import io.omnireach.usage.UsageReportSink.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Usage reports become meter events of the tenant's customer, once per report identifier. */
class StripeUsageSinkTest {

  static TestDatabase db;
  static StripeFake stripe;
  static StripeCustomers customers;
  static StripeUsageSink sink;

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated();
    stripe = StripeFake.start();
    StripeGateway gateway =
        new StripeGateway(new StripeSettings("sk_test_sink", null, stripe.baseUrl(), null));
    customers = new StripeCustomers(db.transactions(), gateway);
    sink = new StripeUsageSink(customers, gateway);
  }

  @AfterAll
  static void stop() {
    stripe.close();
    db.close();
  }

  static Result send(UsageReport report) {
    return db.transactions().platform(c -> sink.send(c, report));
  }

  @Test
  void a_report_is_one_meter_event_and_sending_it_again_counts_once() {
    long tenant = BillingFixture.tenant(db, "sink-one", "Sink One");
    sink.prepare(Set.of(tenant));
    String customer = customers.find(Account.tenant(tenant)).orElseThrow();
    UsageReport report = new UsageReport(41, tenant, Meter.EMAILS_SENT, 12, Instant.now());
    assertThat(send(report)).isEqualTo(Result.SENT);
    assertThat(send(report)).isEqualTo(Result.SENT); // after a crash before it was marked
    assertThat(stripe.meterTotal(customer, "emails_sent")).isEqualTo(12);
    assertThat(stripe.meterEvents())
        .filteredOn(e -> e.customerId().equals(customer))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.identifier()).isEqualTo("omnireach-usage-41");
              assertThat(e.timestamp()).isEqualTo(report.occurredAt().getEpochSecond());
            });
  }

  @Test
  void without_a_customer_a_report_waits_and_an_empty_one_needs_no_call() {
    long tenant = BillingFixture.tenant(db, "sink-two", "Sink Two");
    int before = stripe.meterRequests();
    // only this tenant's reports wait: the job goes on with the other tenants'
    assertThat(send(new UsageReport(42, tenant, Meter.AI_CALLS, 3, Instant.now())).outcome())
        .isEqualTo(Outcome.ACCOUNT_NOT_READY);
    assertThat(send(new UsageReport(43, tenant, Meter.AI_OUTPUT_TOKENS, 0, Instant.now())))
        .isEqualTo(Result.SENT);
    assertThat(stripe.meterRequests()).isEqualTo(before);
  }

  @Test
  void a_deleted_tenants_report_is_rejected_not_left_waiting_forever() {
    Result gone = send(new UsageReport(46, 999_998L, Meter.EMAILS_SENT, 5, Instant.now()));
    assertThat(gone.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(gone.detail()).isEqualTo("tenant 999998 no longer exists");
  }

  @Test
  void a_refused_report_is_rejected_and_an_outage_asks_for_a_retry() {
    long tenant = BillingFixture.tenant(db, "sink-three", "Sink Three");
    sink.prepare(Set.of(tenant));
    Result old =
        send(
            new UsageReport(
                44, tenant, Meter.EMAILS_SENT, 1, Instant.now().minus(Duration.ofDays(40))));
    assertThat(old.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(old.detail()).contains("35 days");
    stripe.failMeterEvents(3);
    assertThat(send(new UsageReport(45, tenant, Meter.EMAILS_SENT, 1, Instant.now())).outcome())
        .isEqualTo(Outcome.RETRY);
  }

  @Test
  void preparing_an_unknown_tenant_creates_nothing_and_does_not_stop_the_others() {
    long tenant = BillingFixture.tenant(db, "sink-four", "Sink Four");
    sink.prepare(Set.of(999_999L, tenant));
    assertThat(customers.find(Account.tenant(tenant))).isPresent();
    assertThat(customers.find(Account.tenant(999_999L))).isEmpty();
  }
}
