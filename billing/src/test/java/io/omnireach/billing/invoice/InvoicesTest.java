package io.omnireach.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.billing.BillingFixture;
import io.omnireach.billing.BillingJpa;
import io.omnireach.billing.ExternalInvoice;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.MutableClock;
import io.omnireach.billing.plan.PlanChanges;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-made invoices on PostgreSQL: drafts from the usage ledger, finalizing, numbers, statuses.
 */
class InvoicesTest {

  static BillingFixture f;
  static final YearMonth MARCH = YearMonth.of(2026, 3);
  static final Instant IN_MARCH = Instant.parse("2026-03-20T10:00:00Z");
  static final Instant IN_APRIL = Instant.parse("2026-04-02T08:00:00Z");
  static MutableClock clock = new MutableClock(IN_MARCH);
  static Invoices invoices;

  @BeforeAll
  static void database() {
    f = new BillingFixture();
    invoices = new Invoices(f.jpa, f.db.transactions(), clock);
  }

  @AfterAll
  static void drop() {
    f.close();
  }

  @Test
  void the_draft_follows_the_usage_ledger_and_the_finalized_invoice_is_numbered_and_frozen() {
    TenantRef t = f.tenant("initech", "TEAM", null);
    clock.now = IN_MARCH;
    f.usage(t, Meter.EMAILS_SENT, 9_000, Instant.parse("2026-03-05T09:00:00Z"));
    InvoiceView first = invoices.draft(t, MARCH);
    assertThat(first.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(first.number()).isNull();
    assertThat(first.lines())
        .extracting(Line::kind)
        .containsExactly(LineKind.BASE_FEE, LineKind.USAGE);
    assertThat(first.totalMinor()).isEqualTo(9900); // 9,000 of 10,000 included

    f.usage(t, Meter.EMAILS_SENT, 3_500, Instant.parse("2026-03-19T09:00:00Z"));
    f.usage(t, Meter.EMAILS_SENT, 100, Instant.parse("2026-04-01T00:00:00Z")); // April
    InvoiceView recomputed = invoices.draft(t, MARCH);
    assertThat(recomputed.id()).isEqualTo(first.id());
    Line emails = recomputed.lines().get(1);
    assertThat(emails.quantity()).isEqualTo(12_500);
    assertThat(emails.billable()).isEqualTo(2_500);
    assertThat(emails.amountMinor()).isEqualTo(250);
    assertThat(recomputed.totalMinor()).isEqualTo(9900 + 250);

    assertThatThrownBy(() -> invoices.finalizeMonth(t, MARCH))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("once the month has ended");

    clock.now = IN_APRIL;
    InvoiceView open = invoices.finalizeMonth(t, MARCH);
    assertThat(open.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(open.number()).matches("OR-2026-\\d{6}");
    assertThat(open.periodStart()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(open.periodEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(open.totalMinor()).isEqualTo(9900 + 250);

    // usage recorded late for March changes nothing any more
    f.usage(t, Meter.EMAILS_SENT, 5_000, Instant.parse("2026-03-31T23:59:00Z"));
    assertThat(invoices.finalizeMonth(t, MARCH)).isEqualTo(open);
    assertThat(invoices.draft(t, MARCH)).isEqualTo(open);
    assertThatThrownBy(
            () ->
                sql(
                    "update platform.invoice_lines set amount_minor = 0 where invoice_id = "
                        + open.id()))
        .hasMessageContaining("is finalized");

    // the platform issued it (a direct tenant): the Owner records the bank transfer
    assertThat(invoices.settle(null, t.id(), open.id(), InvoiceStatus.PAID).status())
        .isEqualTo(InvoiceStatus.PAID);
    assertThatThrownBy(() -> invoices.settle(null, t.id(), open.id(), InvoiceStatus.VOID))
        .hasMessageContaining("is PAID");
  }

  @Test
  void a_plan_change_is_prorated_on_the_month_it_happened_in() throws Exception {
    TenantRef t = f.tenant("hooli", "TEAM", null);
    try (Connection c = f.db.dataSource().getConnection()) {
      PlanChanges.record(c, t.id(), "TEAM", "SCALE", Instant.parse("2026-03-11T00:00:00Z"), "test");
      sql("update platform.tenants set plan = 'SCALE' where id = " + t.id());
    }
    clock.now = IN_MARCH;
    InvoiceView march = invoices.draft(t, MARCH);
    assertThat(march.planCode()).isEqualTo("SCALE");
    assertThat(march.lines())
        .extracting(Line::kind, Line::amountMinor)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(LineKind.BASE_FEE, 9900L),
            org.assertj.core.groups.Tuple.tuple(LineKind.PRORATION_CREDIT, -6706L),
            org.assertj.core.groups.Tuple.tuple(LineKind.PRORATION_CHARGE, 33803L));
    InvoiceView april = invoices.draft(t, YearMonth.of(2026, 4));
    assertThat(april.lines().get(0).description()).isEqualTo("Scale plan, April 2026");
    assertThat(april.lines()).extracting(Line::kind).doesNotContain(LineKind.PRORATION_CREDIT);
  }

  @Test
  void a_resellers_tenant_is_invoiced_by_the_reseller_at_its_retail_prices() throws Exception {
    long reseller = f.reseller("vandelay", "STANDARD");
    sql(
        "insert into platform.plan_prices (kind, reseller_id, plan_code, base_fee_minor,"
            + " seat_price_minor) values ('RETAIL', "
            + reseller
            + ", 'TEAM', 12900, 2500)");
    TenantRef t = f.tenant("kramerica", "TEAM", reseller);
    clock.now = IN_APRIL;
    InvoiceView v = invoices.finalizeMonth(t, MARCH);
    assertThat(v.number()).matches("VANDELAY-2026-000001");
    assertThat(v.issuer()).isEqualTo("reseller:" + reseller);
    assertThat(v.lines().get(0).amountMinor()).isEqualTo(12900);
  }

  @Test
  void only_the_issuing_reseller_settles_its_tenants_invoice() {
    long reseller = f.reseller("globex-partners", "STANDARD");
    long other = f.reseller("soylent-partners", "STANDARD");
    TenantRef t = f.tenant("globex-client", "TEAM", reseller);
    clock.now = IN_MARCH;
    InvoiceView draft = invoices.draft(t, MARCH);
    assertThatThrownBy(() -> invoices.settle(reseller, t.id(), draft.id(), InvoiceStatus.PAID))
        .hasMessageContaining("finalized first");
    clock.now = IN_APRIL;
    InvoiceView open = invoices.finalizeMonth(t, MARCH);

    // another reseller does not even see the tenant; the Owner did not issue it
    assertThatThrownBy(() -> invoices.settle(other, t.id(), open.id(), InvoiceStatus.PAID))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThatThrownBy(() -> invoices.settle(null, t.id(), open.id(), InvoiceStatus.PAID))
        .hasMessageContaining("issued by the tenant's reseller");
    assertThatThrownBy(() -> invoices.settle(reseller, t.id(), open.id(), InvoiceStatus.OPEN))
        .hasMessageContaining("PAID or VOID");

    InvoiceView voided = invoices.settle(reseller, t.id(), open.id(), InvoiceStatus.VOID);
    assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
    assertThat(voided.number()).isEqualTo(open.number());
  }

  @Test
  void a_stripe_invoice_is_settled_in_stripe_not_by_hand() {
    TenantRef t = f.tenant("stripe-settled", "TEAM", null);
    invoices.recordExternal(
        t.id(),
        new ExternalInvoice(
            "in_settle",
            "S-0001",
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 31),
            "USD",
            9900,
            InvoiceStatus.OPEN,
            null,
            null,
            List.of(new ExternalInvoice.Line("Team plan", 1, 9900))));
    long id =
        invoices.list(t).stream()
            .filter(i -> i.source() == Invoice.Source.STRIPE)
            .findFirst()
            .orElseThrow()
            .id();
    assertThatThrownBy(() -> invoices.settle(null, t.id(), id, InvoiceStatus.PAID))
        .hasMessageContaining("comes from STRIPE");
  }

  @Test
  void two_servers_finalizing_at_once_take_gap_free_numbers_per_issuer() throws Exception {
    long reseller = f.reseller("pied-piper", "WHITE_LABEL");
    List<TenantRef> tenants = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tenants.add(f.tenant("pp-client-" + i, "TEAM", reseller));
    }
    clock.now = IN_APRIL;
    EntityManagerFactory other = BillingJpa.factory(f.db.dataSource());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Invoices serverA = invoices;
      Invoices serverB = new Invoices(BillingJpa.transactions(other), f.db.transactions(), clock);
      List<Future<InvoiceView>> done = new ArrayList<>();
      for (TenantRef t : tenants) {
        // both servers finalize every tenant: each month is finalized once, with one number
        done.add(pool.submit(() -> serverA.finalizeMonth(t, MARCH)));
        done.add(pool.submit(() -> serverB.finalizeMonth(t, MARCH)));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<InvoiceView> d : done) {
        numbers.add(d.get().number());
      }
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        expected.add(String.format("PIEDPIPE-2026-%06d", i));
      }
      assertThat(numbers.stream().distinct().sorted().toList()).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
      other.close();
    }
  }

  @Test
  void a_stripe_invoice_is_recorded_beside_and_its_status_never_goes_back() {
    TenantRef t = f.tenant("stripey", "TEAM", null);
    ExternalInvoice open =
        new ExternalInvoice(
            "in_1Abc",
            "A1B2C3-0001",
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 31),
            "USD",
            10150,
            InvoiceStatus.OPEN,
            "https://invoice.stripe.test/i/1",
            "https://invoice.stripe.test/i/1.pdf",
            List.of(
                new ExternalInvoice.Line("Team plan", 1, 9900),
                new ExternalInvoice.Line("Emails", 2500, 250)));
    invoices.recordExternal(t.id(), open);
    invoices.recordExternal(t.id(), withStatus(open, InvoiceStatus.PAID));
    invoices.recordExternal(t.id(), open); // late, repeated "finalized" event
    clock.now = IN_MARCH;
    InvoiceView stripe =
        invoices.list(t).stream()
            .filter(i -> i.source() == Invoice.Source.STRIPE)
            .findFirst()
            .orElseThrow();
    assertThat(stripe.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(stripe.number()).isEqualTo("A1B2C3-0001");
    assertThat(stripe.externalPdfUrl()).isEqualTo("https://invoice.stripe.test/i/1.pdf");
    assertThat(stripe.lines()).extracting(Line::amountMinor).containsExactly(9900L, 250L);
  }

  @Test
  void finalize_ended_finalizes_last_month_of_every_tenant_that_existed_then() {
    TenantRef t = f.tenant("sterling", "FREE", null);
    clock.now = IN_APRIL;
    invoices.finalizeEnded();
    InvoiceView march =
        invoices.list(t).stream()
            .filter(i -> i.periodStart().equals(LocalDate.of(2026, 3, 1)))
            .findFirst()
            .orElseThrow();
    assertThat(march.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(march.totalMinor()).isZero();
    assertThat(invoices.finalizeEnded()).isZero(); // nothing left to do
  }

  private static ExternalInvoice withStatus(ExternalInvoice i, InvoiceStatus s) {
    return new ExternalInvoice(
        i.externalId(),
        i.number(),
        i.periodStart(),
        i.periodEnd(),
        i.currency(),
        i.totalMinor(),
        s,
        i.hostedUrl(),
        i.pdfUrl(),
        i.lines());
  }

  private static void sql(String sql) throws Exception {
    try (Connection c = f.db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
