package io.omnireach.billing.wholesale;

import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.invoice.Invoice;
import io.omnireach.billing.invoice.InvoiceView;
import io.omnireach.billing.invoice.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A wholesale invoice as REST and the UI show it (never the entity). */
public record WholesaleInvoiceView(
    long id,
    long resellerId,
    String resellerName,
    String number,
    LocalDate periodStart,
    LocalDate periodEnd,
    InvoiceStatus status,
    String wholesalePlan,
    String currency,
    long totalMinor,
    int tenants,
    Instant finalizedAt,
    Instant paidAt,
    Instant voidedAt,
    String stripeInvoiceId,
    String hostedUrl,
    List<WholesaleLine.Content> lines) {

  static WholesaleInvoiceView of(long resellerId, WholesaleInvoice i) {
    return new WholesaleInvoiceView(
        i.id(),
        resellerId,
        i.billTo(),
        i.number(),
        i.periodStart(),
        i.periodEnd(),
        i.status(),
        i.wholesalePlan(),
        i.currency(),
        i.totalMinor(),
        i.tenants(),
        i.finalizedAt(),
        i.paidAt(),
        i.voidedAt(),
        i.externalId(),
        i.hostedUrl(),
        i.lines().stream().map(WholesaleLine::content).toList());
  }

  /**
   * The shape the invoice PDF renders: issued by the platform, billed to the reseller, each line
   * named with its tenant.
   */
  public InvoiceView asInvoice() {
    List<Line> named =
        lines.stream()
            .map(
                c ->
                    new Line(
                        c.line().kind(),
                        c.tenantSlug() + " · " + c.line().description(),
                        c.line().meter(),
                        c.line().quantity(),
                        c.line().included(),
                        c.line().billable(),
                        c.line().unitPriceMinor(),
                        c.line().pricePer1000Micros(),
                        c.line().amountMinor()))
            .toList();
    return new InvoiceView(
        id,
        number,
        periodStart,
        periodEnd,
        totalMinor,
        currency,
        status,
        Invoice.Source.SELF,
        wholesalePlan,
        resellerName,
        WholesaleInvoices.ISSUER,
        null,
        finalizedAt,
        paidAt,
        hostedUrl,
        null,
        named);
  }
}
