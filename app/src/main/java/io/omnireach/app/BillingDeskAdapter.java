package io.omnireach.app;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.finance.FinanceReport;
import io.omnireach.billing.invoice.Invoice;
import io.omnireach.billing.invoice.InvoiceDocuments;
import io.omnireach.billing.invoice.InvoiceView;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.billing.plan.Money;
import io.omnireach.billing.plan.PlanOverview;
import io.omnireach.billing.stripe.StripeBilling;
import io.omnireach.billing.stripe.StripeDunning;
import io.omnireach.billing.wholesale.WholesaleInvoiceView;
import io.omnireach.billing.wholesale.WholesaleInvoices;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.billing.BillingDesk;
import io.omnireach.usage.Meter;
import io.omnireach.user.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The billing components' port over the billing module, with the same reach as the REST API: a
 * tenant's Admin or Finance member sees its plan and invoices, a Reseller its tenants' finance, the
 * Owner all.
 */
@ApplicationScoped
public class BillingDeskAdapter implements BillingDesk {

  @Inject PlanOverview plans;
  @Inject Invoices invoices;
  @Inject InvoiceDocuments documents;
  @Inject FinanceReport finance;
  @Inject WholesaleInvoices wholesale;
  @Inject StripeBilling stripe;
  @Inject StripeDunning dunning;

  @Override
  public PlanCard plan(AuthenticatedUser user) {
    PlanOverview.View v = plans.of(tenant(user));
    return new PlanCard(
        v.code(),
        v.name(),
        Money.format(v.baseFeeMinor(), v.currency()),
        Money.format(v.seatPriceMinor(), v.currency()),
        v.seatsUsed(),
        v.includedSeats(),
        v.seatLimit(),
        v.billedBy(),
        v.period(),
        v.resetsOn(),
        v.meters().stream()
            .map(
                m ->
                    new MeterLine(
                        m.meter().key(),
                        m.meter().label(),
                        m.used(),
                        m.included(),
                        m.softLimit(),
                        m.hardLimit(),
                        Money.unitPrice(m.pricePer1000Micros(), v.currency()),
                        Money.format(m.overageMinor(), v.currency()),
                        m.state().name(),
                        m.message()))
            .toList(),
        v.warnings());
  }

  @Override
  public List<InvoiceRow> invoices(AuthenticatedUser user) {
    return invoices.list(tenant(user)).stream().map(BillingDeskAdapter::row).toList();
  }

  private static InvoiceRow row(InvoiceView i) {
    return new InvoiceRow(
        i.id(),
        i.number(),
        i.periodStart(),
        i.periodEnd(),
        Money.format(i.totalMinor(), i.currency()),
        i.status().name(),
        i.source().name(),
        i.source() == Invoice.Source.STRIPE ? i.externalPdfUrl() : null);
  }

  @Override
  public byte[] invoicePdf(AuthenticatedUser user, long invoiceId) {
    return documents.pdf(tenant(user), invoiceId);
  }

  @Override
  public FinanceSheet finance(AuthenticatedUser operator, YearMonth month) {
    FinanceReport.Report r = finance.report(scope(operator), month);
    String c = r.currency().length() == 3 ? r.currency() : "USD";
    return new FinanceSheet(
        r.month(),
        c,
        r.tenants().stream()
            .map(
                t ->
                    new FinanceRow(
                        t.tenantId(),
                        t.slug(),
                        t.name(),
                        t.resellerName(),
                        t.plan(),
                        t.usage().getOrDefault(Meter.EMAILS_SENT, 0L),
                        tokens(t.usage()),
                        t.usage().getOrDefault(Meter.WORKFLOW_STEPS, 0L),
                        t.invoiceId(),
                        t.invoiceNumber(),
                        t.invoiceStatus().name(),
                        t.settleable(),
                        t.retailMinor(),
                        t.wholesaleMinor(),
                        t.marginMinor(),
                        Money.format(t.retailMinor(), t.currency()),
                        t.wholesaleMinor() == null
                            ? null
                            : Money.format(t.wholesaleMinor(), t.currency()),
                        t.marginMinor() == null
                            ? null
                            : Money.format(t.marginMinor(), t.currency())))
            .toList(),
        Money.format(r.totals().retailMinor(), c),
        Money.format(r.totals().wholesaleMinor(), c),
        Money.format(r.totals().marginMinor(), c),
        r.totals().usage().getOrDefault(Meter.EMAILS_SENT, 0L),
        tokens(r.totals().usage()));
  }

  @Override
  public String financeCsv(AuthenticatedUser operator, YearMonth month) {
    return FinanceReport.csv(finance.report(scope(operator), month));
  }

  @Override
  public void settle(AuthenticatedUser operator, long tenantId, long invoiceId, boolean paid) {
    invoices.settle(
        scope(operator), tenantId, invoiceId, paid ? InvoiceStatus.PAID : InvoiceStatus.VOID);
  }

  @Override
  public List<WholesaleRow> wholesaleInvoices(AuthenticatedUser operator) {
    Long scope = scope(operator);
    List<WholesaleInvoiceView> list =
        scope == null ? wholesale.finalizedForAll() : wholesale.list(scope, scope);
    return list.stream()
        .map(
            w ->
                new WholesaleRow(
                    w.id(),
                    w.resellerId(),
                    w.resellerName(),
                    w.number(),
                    YearMonth.from(w.periodStart()),
                    w.tenants(),
                    Money.format(w.totalMinor(), w.currency()),
                    w.status().name(),
                    scope == null
                        && w.status() == InvoiceStatus.OPEN
                        && w.stripeInvoiceId() == null,
                    w.hostedUrl()))
        .toList();
  }

  @Override
  public byte[] wholesalePdf(AuthenticatedUser operator, long resellerId, long invoiceId) {
    return wholesale.pdf(scope(operator), resellerId, invoiceId);
  }

  @Override
  public void settleWholesale(
      AuthenticatedUser owner, long resellerId, long invoiceId, boolean paid) {
    if (!owner.has(Role.OWNER)) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "Only the platform's Owner records wholesale payments.");
    }
    wholesale.settle(resellerId, invoiceId, paid ? InvoiceStatus.PAID : InvoiceStatus.VOID);
  }

  @Override
  public List<OverdueReseller> overdueResellers(AuthenticatedUser operator) {
    if (!operator.has(Role.OWNER) || !stripe.enabled()) {
      return List.of();
    }
    return dunning.overdueResellers().stream()
        .map(
            o ->
                new OverdueReseller(
                    o.resellerId(),
                    o.name(),
                    o.standing().invoiceNumber(),
                    o.standing().amountDue(),
                    o.standing().since().atZone(ZoneOffset.UTC).toLocalDate()))
        .toList();
  }

  private static long tokens(Map<Meter, Long> usage) {
    return usage.getOrDefault(Meter.AI_INPUT_TOKENS, 0L)
        + usage.getOrDefault(Meter.AI_OUTPUT_TOKENS, 0L);
  }

  private static TenantRef tenant(AuthenticatedUser user) {
    if (user.tenant() == null || !(user.has(Role.ADMIN) || user.has(Role.FINANCE))) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "Billing is for a workspace's Admins and Finance.");
    }
    return user.tenant().ref();
  }

  private static Long scope(AuthenticatedUser operator) {
    if (operator.has(Role.OWNER)) {
      return null;
    }
    if (operator.has(Role.RESELLER) && operator.resellerId() != null) {
      return operator.resellerId();
    }
    throw new DomainException(
        DomainException.Kind.FORBIDDEN, "The finance desk is for resellers and the owner.");
  }
}
