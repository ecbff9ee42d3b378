package io.omnireach.billing.stripe;

import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import io.omnireach.billing.ExternalInvoice;
import io.omnireach.billing.InvoiceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** A Stripe invoice as OmniReach keeps it: number, period, lines, totals, status, URLs. */
final class ExternalInvoices {

  private ExternalInvoices() {}

  /**
   * @param lines the invoice's lines (all of them: an event carries only the first page)
   */
  static ExternalInvoice of(Invoice in, List<InvoiceLineItem> lines) {
    return new ExternalInvoice(
        in.getId(),
        in.getNumber(),
        day(in.getPeriodStart()),
        day(in.getPeriodEnd()),
        in.getCurrency() == null ? null : in.getCurrency().toUpperCase(Locale.ROOT),
        in.getTotal() == null ? 0 : in.getTotal(),
        status(in.getStatus()),
        in.getHostedInvoiceUrl(),
        in.getInvoicePdf(),
        lines.stream()
            .map(
                l ->
                    new ExternalInvoice.Line(
                        l.getDescription(),
                        l.getQuantity() == null ? 0 : l.getQuantity(),
                        l.getAmount() == null ? 0 : l.getAmount()))
            .toList());
  }

  /** Stripe's status words are ours; an unknown one (a newer API) counts as still open. */
  static InvoiceStatus status(String stripe) {
    if (stripe == null) {
      return InvoiceStatus.DRAFT;
    }
    try {
      return InvoiceStatus.valueOf(stripe.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return InvoiceStatus.OPEN;
    }
  }

  private static LocalDate day(Long epochSecond) {
    return epochSecond == null
        ? null
        : Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
