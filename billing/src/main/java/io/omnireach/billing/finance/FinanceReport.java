package io.omnireach.billing.finance;

import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.invoice.Invoice;
import io.omnireach.billing.invoice.InvoiceView;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.billing.plan.PriceBook;
import io.omnireach.billing.plan.TenantBilling;
import io.omnireach.common.DomainException;
import io.omnireach.usage.Meter;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reseller's finance desk for a month: per tenant its usage, its invoice total (what the
 * reseller bills, at retail prices), the wholesale cost (what the platform bills the reseller for
 * it) and the margin between them, with totals. A reseller sees its own tenants; the Owner sees all
 * tenants with their reseller (tenants billed by the platform directly have no wholesale cost).
 */
public final class FinanceReport {

  /**
   * One tenant's month.
   *
   * @param invoiceId the finalized invoice, null while the month is a draft
   * @param settleable whether the viewer may record that invoice as paid or void: it is OPEN,
   *     hand-sent (not Stripe's) and the viewer issued it
   */
  public record TenantRow(
      long tenantId,
      String slug,
      String name,
      String plan,
      Long resellerId,
      String resellerName,
      Map<Meter, Long> usage,
      Long invoiceId,
      String invoiceNumber,
      InvoiceStatus invoiceStatus,
      boolean settleable,
      long retailMinor,
      Long wholesaleMinor,
      Long marginMinor,
      String currency) {}

  /** Sums over the rows (wholesale and margin over the tenants that have one). */
  public record Totals(
      long retailMinor, long wholesaleMinor, long marginMinor, Map<Meter, Long> usage) {}

  public record Report(YearMonth month, String currency, List<TenantRow> tenants, Totals totals) {}

  private final JpaTransactions jpa;
  private final Invoices invoices;
  private final Clock clock;

  public FinanceReport(JpaTransactions jpa, Invoices invoices, Clock clock) {
    this.jpa = jpa;
    this.invoices = invoices;
    this.clock = clock;
  }

  /**
   * @param resellerId the reseller whose tenants to show, or null for all (the Owner)
   * @param month a month up to the current one (UTC)
   */
  public Report report(Long resellerId, YearMonth month) {
    YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    if (month.isAfter(now)) {
      throw DomainException.invalid("month", "The month " + month + " has not begun yet.");
    }
    List<TenantBilling> tenants = jpa.platform(em -> PriceBook.tenants(em, resellerId));
    List<TenantRow> rows = new ArrayList<>();
    long retail = 0;
    long wholesale = 0;
    long margin = 0;
    Map<Meter, Long> usage = new EnumMap<>(Meter.class);
    String currency = null;
    String issuer = resellerId == null ? "platform" : "reseller:" + resellerId;
    java.time.Instant monthEnd =
        month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (TenantBilling t : tenants) {
      if (!t.createdAt().isBefore(monthEnd)) {
        continue; // did not exist in that month
      }
      Invoices.Priced p = invoices.price(t, month);
      // a finalized invoice is what was billed; otherwise what the month comes to so far
      InvoiceView stored = p.stored().filter(i -> i.status() != InvoiceStatus.DRAFT).orElse(null);
      long billed = stored != null ? stored.totalMinor() : p.retail().totalMinor();
      Long cost = p.wholesale() == null ? null : p.wholesale().totalMinor();
      Long diff = cost == null ? null : billed - cost;
      rows.add(
          new TenantRow(
              t.tenantId(),
              t.slug(),
              t.displayName(),
              t.planCode(),
              t.resellerId(),
              t.resellerName(),
              p.usage(),
              stored == null ? null : stored.id(),
              stored == null ? null : stored.number(),
              stored == null ? InvoiceStatus.DRAFT : stored.status(),
              stored != null
                  && stored.status() == InvoiceStatus.OPEN
                  && stored.source() == Invoice.Source.SELF
                  && issuer.equals(stored.issuer()),
              billed,
              cost,
              diff,
              p.retail().currency()));
      retail += billed;
      wholesale += cost == null ? 0 : cost;
      margin += diff == null ? 0 : diff;
      p.usage().forEach((m, q) -> usage.merge(m, q, Long::sum));
      if (currency == null) {
        currency = p.retail().currency();
      } else if (!currency.equals(p.retail().currency())) {
        currency = "MIXED"; // plans in several currencies: totals are per row only
      }
    }
    return new Report(
        month,
        currency == null ? "USD" : currency,
        rows,
        new Totals(retail, wholesale, margin, usage));
  }

  /** The report as CSV (amounts in minor units; a formula-safe name column). */
  public static String csv(Report r) {
    StringBuilder s = new StringBuilder();
    s.append("month,tenant,name,reseller,plan,");
    for (Meter m : Meter.values()) {
      s.append(m.key()).append(',');
    }
    s.append("invoice_number,invoice_status,currency,retail_minor,wholesale_minor,margin_minor\n");
    for (TenantRow t : r.tenants()) {
      s.append(r.month()).append(',').append(t.slug()).append(',').append(cell(t.name()));
      s.append(',').append(cell(t.resellerName() == null ? "" : t.resellerName()));
      s.append(',').append(t.plan()).append(',');
      for (Meter m : Meter.values()) {
        s.append(t.usage().getOrDefault(m, 0L)).append(',');
      }
      s.append(t.invoiceNumber() == null ? "" : t.invoiceNumber()).append(',');
      s.append(t.invoiceStatus()).append(',').append(t.currency()).append(',');
      s.append(t.retailMinor()).append(',');
      s.append(t.wholesaleMinor() == null ? "" : t.wholesaleMinor()).append(',');
      s.append(t.marginMinor() == null ? "" : t.marginMinor()).append('\n');
    }
    s.append(r.month()).append(",TOTAL,,,,");
    for (Meter m : Meter.values()) {
      s.append(r.totals().usage().getOrDefault(m, 0L)).append(',');
    }
    s.append(",,").append(r.currency()).append(',').append(r.totals().retailMinor());
    s.append(',').append(r.totals().wholesaleMinor()).append(',');
    s.append(r.totals().marginMinor()).append('\n');
    return s.toString();
  }

  /** Quoted, with cells that a spreadsheet would run as a formula defused. */
  static String cell(String v) {
    String safe = v.isEmpty() || "=+-@\t\r".indexOf(v.charAt(0)) < 0 ? v : "'" + v;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
