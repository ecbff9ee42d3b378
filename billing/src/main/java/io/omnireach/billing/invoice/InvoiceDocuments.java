package io.omnireach.billing.invoice;

import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.tenant.TenantRef;

/** A tenant's invoice as PDF, in the brand of whoever issues it (its reseller, or the platform). */
public final class InvoiceDocuments {

  private final Invoices invoices;
  private final BrandResolver brands;

  public InvoiceDocuments(Invoices invoices, BrandResolver brands) {
    this.invoices = invoices;
    this.brands = brands;
  }

  public byte[] pdf(TenantRef tenant, long invoiceId) {
    InvoiceView invoice = invoices.get(tenant, invoiceId);
    EffectiveBrand brand =
        invoice.resellerId() == null ? brands.platform() : brands.forReseller(invoice.resellerId());
    return InvoicePdf.render(invoice, brand.brand());
  }

  /** The file name people get: {@code invoice-OR-2026-000042.pdf}. */
  public static String fileName(InvoiceView invoice) {
    return "invoice-" + InvoicePdf.title(invoice).replace(' ', '-') + ".pdf";
  }
}
