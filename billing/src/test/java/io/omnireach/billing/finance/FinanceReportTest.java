package io.omnireach.billing.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.billing.BillingFixture;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.MutableClock;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.billing.plan.ResellerPrices;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FinanceReportTest {

  static BillingFixture f;
  static MutableClock clock = new MutableClock(Instant.parse("2026-04-02T10:00:00Z"));
  static long alpha;
  static long beta;
  static FinanceReport report;
  static Invoices invoices;

  @BeforeAll
  static void two_resellers_with_tenants_and_usage() {
    f = new BillingFixture();
    alpha = f.reseller("alpha", "STANDARD");
    beta = f.reseller("beta", "WHITE_LABEL");
    new ResellerPrices(f.jpa, clock)
        .setRetail(
            alpha,
            List.of(
                new ResellerPrices.RetailInput(
                    "TEAM", 12900L, 2500L, Map.of("emails_sent", 1_500_000L))),
            "rex");
    TenantRef a1 = f.tenant("alpha-one", "TEAM", alpha);
    f.tenant("alpha-two", "FREE", alpha);
    f.tenant("beta-one", "SCALE", beta);
    f.tenant("direct", "TEAM", null);
    f.usage(a1, Meter.EMAILS_SENT, 12_000, Instant.parse("2026-03-10T10:00:00Z"));
    invoices = new Invoices(f.jpa, f.db.transactions(), clock);
    invoices.finalizeMonth(a1, YearMonth.of(2026, 3));
    report = new FinanceReport(f.jpa, invoices, clock);
  }

  @AfterAll
  static void drop() {
    f.close();
  }

  @Test
  void a_reseller_sees_its_tenants_retail_revenue_wholesale_cost_and_margin() {
    FinanceReport.Report r = report.report(alpha, YearMonth.of(2026, 3));
    assertThat(r.tenants())
        .extracting(FinanceReport.TenantRow::slug)
        .containsExactly("alpha-one", "alpha-two");
    FinanceReport.TenantRow one = r.tenants().get(0);
    // retail: 129.00 + 2,000 emails at 1.50 per 1,000; wholesale (30 % off list): 69.30 + 2,000 at
    // 0.70
    assertThat(one.retailMinor()).isEqualTo(12900 + 300);
    assertThat(one.wholesaleMinor()).isEqualTo(6930 + 140);
    assertThat(one.marginMinor()).isEqualTo(13200 - 7070);
    assertThat(one.invoiceStatus()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(one.invoiceNumber()).startsWith("ALPHA-2026-");
    assertThat(one.usage().get(Meter.EMAILS_SENT)).isEqualTo(12_000);
    FinanceReport.TenantRow two = r.tenants().get(1);
    assertThat(two.retailMinor()).isZero();
    assertThat(two.invoiceStatus()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(r.totals().retailMinor()).isEqualTo(13200);
    assertThat(r.totals().marginMinor()).isEqualTo(13200 - 7070);
    assertThat(FinanceReport.csv(r).lines())
        .hasSize(4)
        .first()
        .asString()
        .startsWith("month,tenant,name,reseller,plan,emails_sent,");
    assertThat(FinanceReport.csv(r).lines().toList().get(3))
        .startsWith("2026-03,TOTAL,")
        .endsWith(",USD,13200,7070,6130");
  }

  @Test
  void the_owner_sees_every_tenant_with_its_reseller_and_direct_tenants_have_no_wholesale() {
    FinanceReport.Report r = report.report(null, YearMonth.of(2026, 3));
    assertThat(r.tenants())
        .extracting(FinanceReport.TenantRow::slug)
        .containsExactlyInAnyOrder("alpha-one", "alpha-two", "beta-one", "direct");
    FinanceReport.TenantRow direct =
        r.tenants().stream().filter(t -> t.slug().equals("direct")).findFirst().orElseThrow();
    assertThat(direct.resellerName()).isNull();
    assertThat(direct.wholesaleMinor()).isNull();
    FinanceReport.TenantRow beta1 =
        r.tenants().stream().filter(t -> t.slug().equals("beta-one")).findFirst().orElseThrow();
    assertThat(beta1.resellerName()).isEqualTo("Beta Partners");
    assertThat(beta1.wholesaleMinor()).isEqualTo(49900 * 60 / 100);
  }

  @Test
  void a_month_that_has_not_begun_is_refused() {
    assertThatThrownBy(() -> report.report(alpha, YearMonth.of(2026, 5)))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("field", "month");
  }

  @Test
  void csv_cells_cannot_run_as_formulas() {
    assertThat(FinanceReport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
  }
}
