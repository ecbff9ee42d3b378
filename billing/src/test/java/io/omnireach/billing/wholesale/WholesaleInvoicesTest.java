package io.omnireach.billing.wholesale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.omnireach.billing.BillingFixture;
import io.omnireach.billing.BillingJpa;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.MutableClock;
import io.omnireach.billing.finance.FinanceReport;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.billing.invoice.LineKind;
import io.omnireach.brand.BrandResolver;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholesaleInvoicesTest {

  static final YearMonth MARCH = YearMonth.of(2026, 3);
  static final Instant IN_MARCH = Instant.parse("2026-03-20T12:00:00Z");
  static final Instant IN_APRIL = Instant.parse("2026-04-01T01:00:00Z");

  static BillingFixture f;
  static MutableClock clock = new MutableClock(IN_MARCH);
  static long alpha;
  static long beta;
  static long empty;
  static TenantRef team;
  static TenantRef scale;
  static Invoices invoices;
  static WholesaleInvoices wholesale;

  @BeforeAll
  static void a_reseller_with_two_tenants_on_different_plans_with_overage() {
    f = new BillingFixture();
    alpha = f.reseller("alpha", "STANDARD"); // 30 % below list
    beta = f.reseller("beta", "WHITE_LABEL"); // 40 % below list
    empty = f.reseller("empty", "STANDARD");
    team = f.tenant("alpha-team", "TEAM", alpha);
    scale = f.tenant("alpha-scale", "SCALE", alpha);
    TenantRef b = f.tenant("beta-one", "TEAM", beta);
    f.tenant("direct", "TEAM", null); // billed by the platform directly: on no wholesale invoice
    // Team: 12,000 emails, 2,000 beyond the 10,000 included
    f.usage(team, Meter.EMAILS_SENT, 12_000, Instant.parse("2026-03-10T10:00:00Z"));
    // Scale: 600,000 workflow steps (100,000 beyond) and 30 seats at the peak (25 included)
    f.usage(scale, Meter.WORKFLOW_STEPS, 600_000, Instant.parse("2026-03-11T10:00:00Z"));
    f.usage(scale, Meter.ACTIVE_SEATS, 30, Instant.parse("2026-03-12T00:00:00Z"));
    f.usage(b, Meter.EMAILS_SENT, 100, Instant.parse("2026-03-12T00:00:00Z"));
    invoices = new Invoices(f.jpa, f.db.transactions(), clock);
    wholesale =
        new WholesaleInvoices(f.jpa, invoices, new BrandResolver(f.db.transactions()), clock);
  }

  @AfterAll
  static void drop() {
    f.close();
  }

  @Test
  @Order(1)
  void lines_per_tenant_and_meter_at_wholesale_prices_equal_the_finance_desks_wholesale_cost() {
    WholesaleInvoices.Computed c = wholesale.compute(alpha, MARCH);
    assertThat(c.tenants()).isEqualTo(2);
    assertThat(c.currency()).isEqualTo("USD");
    assertThat(c.wholesalePlan()).isEqualTo("STANDARD");
    assertThat(c.lines())
        .extracting(l -> l.tenantSlug() + " " + l.line().kind() + " " + l.line().amountMinor())
        .containsExactly(
            // by tenant name: "Alpha-scale Inc" before "Alpha-team Inc"
            "alpha-scale BASE_FEE 34930", // 499.00 × 0.7
            "alpha-scale SEATS 5250", // 5 × 15.00 × 0.7
            "alpha-scale USAGE 1050", // 100,000 steps at 0.15 × 0.7 per 1,000
            "alpha-team BASE_FEE 6930", // 99.00 × 0.7
            "alpha-team USAGE 140"); // 2,000 emails at 1.00 × 0.7 per 1,000
    assertThat(c.lines().get(2).line().meter()).isEqualTo(Meter.WORKFLOW_STEPS);
    assertThat(c.lines().get(2).line().billable()).isEqualTo(100_000);
    assertThat(c.lines().get(3).planCode()).isEqualTo("TEAM");
    assertThat(c.totalMinor()).isEqualTo(34930 + 5250 + 1050 + 6930 + 140);

    FinanceReport.Report desk = new FinanceReport(f.jpa, invoices, clock).report(alpha, MARCH);
    assertThat(c.totalMinor()).isEqualTo(desk.totals().wholesaleMinor());
  }

  @Test
  @Order(2)
  void the_running_month_is_a_draft_that_follows_usage_and_cannot_be_finalized_yet() {
    List<WholesaleInvoiceView> list = wholesale.list(alpha, alpha);
    assertThat(list).hasSize(1);
    WholesaleInvoiceView draft = list.get(0);
    assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(draft.number()).isNull();
    assertThat(draft.totalMinor()).isEqualTo(48300);
    f.usage(team, Meter.EMAILS_SENT, 1_000, Instant.parse("2026-03-19T10:00:00Z"));
    assertThat(wholesale.get(alpha, alpha, draft.id()).totalMinor()).isEqualTo(48300 + 70);
    assertThat(wholesale.list(alpha, alpha)).hasSize(1); // recomputed, not a second draft
    assertThatThrownBy(() -> wholesale.finalizeMonth(alpha, MARCH))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("once the month has ended");
    assertThatThrownBy(() -> wholesale.settle(alpha, draft.id(), InvoiceStatus.PAID))
        .hasMessageContaining("cannot be PAID yet");
  }

  @Test
  @Order(3)
  void the_finalizer_makes_one_numbered_invoice_per_reseller_and_period_however_often_it_runs()
      throws Exception {
    clock.now = IN_APRIL;
    EntityManagerFactory other = BillingJpa.factory(f.db.dataSource());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      WholesaleInvoices serverB =
          new WholesaleInvoices(
              BillingJpa.transactions(other),
              new Invoices(BillingJpa.transactions(other), f.db.transactions(), clock),
              new BrandResolver(f.db.transactions()),
              clock);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(wholesale::finalizeEnded));
        runs.add(pool.submit(serverB::finalizeEnded));
      }
      for (Future<Integer> r : runs) {
        r.get();
      }
    } finally {
      pool.shutdownNow();
      other.close();
    }
    assertThat(wholesale.finalizeEnded()).isZero(); // nothing left to do

    List<WholesaleInvoiceView> all = wholesale.finalizedForAll();
    // alpha and beta: one each; the reseller without tenants gets none
    assertThat(all)
        .extracting(WholesaleInvoiceView::resellerId)
        .containsExactlyInAnyOrder(alpha, beta);
    assertThat(all)
        .extracting(WholesaleInvoiceView::number)
        .containsExactlyInAnyOrder("ORW-2026-000001", "ORW-2026-000002");
    WholesaleInvoiceView a =
        all.stream().filter(w -> w.resellerId() == alpha).findFirst().orElseThrow();
    assertThat(a.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(a.totalMinor()).isEqualTo(48370);
    assertThat(a.tenants()).isEqualTo(2);
    assertThat(a.lines()).extracting(l -> l.line().kind()).contains(LineKind.SEATS);

    // finalized means frozen: late usage of March and another finalize change nothing
    f.usage(team, Meter.EMAILS_SENT, 5_000, Instant.parse("2026-03-31T23:00:00Z"));
    assertThat(wholesale.finalizeMonth(alpha, MARCH)).isEqualTo(a);
    assertThat(wholesale.get(null, alpha, a.id()).totalMinor()).isEqualTo(48370);
    assertThat(wholesale.list(null, empty)).isEmpty();
  }

  @Test
  @Order(4)
  void a_reseller_sees_only_its_own_invoices() {
    WholesaleInvoiceView a =
        wholesale.list(alpha, alpha).stream()
            .filter(w -> w.number() != null)
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> wholesale.list(beta, alpha))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);
    // beta's entity manager cannot see alpha's row even by its id
    assertThatThrownBy(() -> wholesale.get(beta, beta, a.id()))
        .hasMessageContaining("No wholesale invoice " + a.id());
    List<String> seenByBeta =
        f.jpa.reseller(
            beta,
            em ->
                em
                    .createQuery("select l from WholesaleLine l", WholesaleLine.class)
                    .getResultList()
                    .stream()
                    .map(l -> l.content().tenantSlug())
                    .distinct()
                    .toList());
    assertThat(seenByBeta).containsExactly("beta-one");
  }

  @Test
  @Order(5)
  void the_pdf_names_the_reseller_the_number_and_each_tenants_lines() throws Exception {
    WholesaleInvoiceView a =
        wholesale.list(null, alpha).stream()
            .filter(w -> w.number() != null)
            .findFirst()
            .orElseThrow();
    PdfReader reader = new PdfReader(wholesale.pdf(alpha, alpha, a.id()));
    try {
      String text = new PdfTextExtractor(reader).getTextFromPage(1);
      assertThat(text)
          .contains(a.number(), "Alpha Partners", "OPEN")
          .contains("alpha-team · Team plan, March 2026", "alpha-scale · Workflow steps");
    } finally {
      reader.close();
    }
    assertThat(WholesaleInvoices.fileName(a)).isEqualTo("wholesale-" + a.number() + ".pdf");
  }

  @Test
  @Order(6)
  void the_owner_marks_an_open_invoice_paid_once() {
    WholesaleInvoiceView a =
        wholesale.list(null, alpha).stream()
            .filter(w -> w.number() != null)
            .findFirst()
            .orElseThrow();
    assertThat(wholesale.settle(alpha, a.id(), InvoiceStatus.PAID).status())
        .isEqualTo(InvoiceStatus.PAID);
    assertThatThrownBy(() -> wholesale.settle(alpha, a.id(), InvoiceStatus.VOID))
        .hasMessageContaining("is PAID");
    assertThatThrownBy(() -> wholesale.settle(beta, a.id(), InvoiceStatus.VOID))
        .hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);
    assertThatThrownBy(() -> wholesale.settle(alpha, a.id(), InvoiceStatus.OPEN))
        .hasFieldOrPropertyWithValue("field", "status");
  }
}
