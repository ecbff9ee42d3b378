package io.omnireach.billing.invoice;

import io.omnireach.billing.InvoiceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An invoice as REST and the UI show it (never the entity). */
public record InvoiceView(
    long id,
    String number,
    LocalDate periodStart,
    LocalDate periodEnd,
    long totalMinor,
    String currency,
    InvoiceStatus status,
    Invoice.Source source,
    String planCode,
    String billTo,
    String issuer,
    Long resellerId,
    Instant finalizedAt,
    Instant paidAt,
    String hostedUrl,
    String externalPdfUrl,
    List<Line> lines) {

  static InvoiceView of(Invoice i) {
    return new InvoiceView(
        i.id(),
        i.number(),
        i.periodStart(),
        i.periodEnd(),
        i.totalMinor(),
        i.currency(),
        i.status(),
        i.source(),
        i.planCode(),
        i.billTo(),
        i.issuer(),
        i.resellerId(),
        i.finalizedAt(),
        i.paidAt(),
        i.hostedUrl(),
        i.pdfUrl(),
        i.lines());
  }
}
