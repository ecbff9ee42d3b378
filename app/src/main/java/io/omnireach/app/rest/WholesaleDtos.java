package io.omnireach.app.rest;

import io.omnireach.billing.wholesale.WholesaleInvoiceView;
import io.omnireach.billing.wholesale.WholesaleLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bodies of the wholesale invoice endpoints (money in minor units, like the other billing ones).
 */
public final class WholesaleDtos {

  private WholesaleDtos() {}

  static String pdfUrl(WholesaleInvoiceView w) {
    return "/api/v1/finance/resellers/" + w.resellerId() + "/invoices/" + w.id() + ".pdf";
  }

  @Schema(description = "A wholesale invoice: what the platform bills a reseller for a month")
  public record WholesaleInvoiceDto(
      long id,
      long resellerId,
      @Schema(example = "Demo Reseller") String reseller,
      @Schema(description = "Null while DRAFT", example = "ORW-2026-000003") String number,
      LocalDate periodStart,
      @Schema(description = "The last day of the period") LocalDate periodEnd,
      @Schema(enumeration = {"DRAFT", "OPEN", "PAID", "VOID"}) String status,
      @Schema(description = "The reseller's wholesale price list", example = "STANDARD")
          String wholesalePlan,
      @Schema(description = "Minor units (cents)", example = "48370") long total,
      @Schema(example = "USD") String currency,
      @Schema(description = "How many tenants it bills", example = "2") int tenants,
      String pdfUrl,
      @Schema(description = "The Stripe invoice it was sent as (Stripe on), else null")
          String stripeInvoiceId,
      @Schema(description = "Stripe's payment page (Stripe on), else null") String hostedUrl,
      Instant finalizedAt,
      Instant paidAt) {

    static WholesaleInvoiceDto of(WholesaleInvoiceView w) {
      return new WholesaleInvoiceDto(
          w.id(),
          w.resellerId(),
          w.resellerName(),
          w.number(),
          w.periodStart(),
          w.periodEnd(),
          w.status().name(),
          w.wholesalePlan(),
          w.totalMinor(),
          w.currency(),
          w.tenants(),
          WholesaleDtos.pdfUrl(w),
          w.stripeInvoiceId(),
          w.hostedUrl(),
          w.finalizedAt(),
          w.paidAt());
    }
  }

  @Schema(description = "One line: one tenant's fee, seats or meter at wholesale prices")
  public record WholesaleLineDto(
      long tenantId,
      @Schema(example = "acme") String tenant,
      @Schema(example = "TEAM") String plan,
      @Schema(enumeration = {"BASE_FEE", "PRORATION_CREDIT", "PRORATION_CHARGE", "SEATS", "USAGE"})
          String kind,
      String description,
      @Schema(example = "emails_sent") String meter,
      long quantity,
      long included,
      long billable,
      @Schema(description = "Per billable unit, minor units (fees, seats)") Long unitPrice,
      @Schema(description = "Usage price per 1,000 units in micros") Long unitPricePer1000Micros,
      @Schema(description = "Minor units; negative for a credit") long amount) {

    static WholesaleLineDto of(WholesaleLine.Content c) {
      return new WholesaleLineDto(
          c.tenantId(),
          c.tenantSlug(),
          c.planCode(),
          c.line().kind().name(),
          c.line().description(),
          c.line().meter() == null ? null : c.line().meter().key(),
          c.line().quantity(),
          c.line().included(),
          c.line().billable(),
          c.line().unitPriceMinor(),
          c.line().pricePer1000Micros(),
          c.line().amountMinor());
    }
  }

  @Schema(description = "A wholesale invoice with its lines per tenant")
  public record WholesaleInvoiceDetailDto(
      WholesaleInvoiceDto invoice, List<WholesaleLineDto> lines) {

    static WholesaleInvoiceDetailDto of(WholesaleInvoiceView w) {
      return new WholesaleInvoiceDetailDto(
          WholesaleInvoiceDto.of(w), w.lines().stream().map(WholesaleLineDto::of).toList());
    }
  }
}
