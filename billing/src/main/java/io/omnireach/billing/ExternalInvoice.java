package io.omnireach.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * An invoice issued outside OmniReach (Stripe), as read back from its API: kept beside the
 * self-computed ones so finance sees one list.
 *
 * @param externalId the issuer's id (e.g. Stripe's {@code in_...}), unique
 * @param totalMinor the total in minor units (cents) of {@code currency} (ISO 4217, upper case)
 */
public record ExternalInvoice(
    String externalId,
    String number,
    LocalDate periodStart,
    LocalDate periodEnd,
    String currency,
    long totalMinor,
    InvoiceStatus status,
    String hostedUrl,
    String pdfUrl,
    List<Line> lines) {

  /** One line as the issuer shows it. */
  public record Line(String description, long quantity, long amountMinor) {}
}
