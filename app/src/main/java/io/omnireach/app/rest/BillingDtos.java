package io.omnireach.app.rest;

import io.omnireach.billing.finance.FinanceReport;
import io.omnireach.billing.invoice.Invoice;
import io.omnireach.billing.invoice.InvoiceView;
import io.omnireach.billing.invoice.Line;
import io.omnireach.billing.plan.PlanOverview;
import io.omnireach.billing.plan.Prices;
import io.omnireach.billing.plan.ResellerPrices;
import io.omnireach.usage.Meter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bodies of the plan, invoice, price and finance endpoints. Money is an integer in minor units
 * (cents) with its ISO currency; usage prices are micros of the major unit per 1,000 units.
 */
public final class BillingDtos {

  private BillingDtos() {}

  static String pdfUrl(InvoiceView i) {
    return i.source() == Invoice.Source.STRIPE && i.externalPdfUrl() != null
        ? i.externalPdfUrl()
        : "/api/v1/billing/invoices/" + i.id() + "/pdf";
  }

  @Schema(description = "An invoice in the list")
  public record InvoiceDto(
      long id,
      @Schema(description = "Null while DRAFT", example = "OR-2026-000042") String number,
      LocalDate periodStart,
      @Schema(description = "The last day of the period") LocalDate periodEnd,
      @Schema(description = "Minor units (cents)", example = "13971") long total,
      @Schema(example = "USD") String currency,
      @Schema(enumeration = {"DRAFT", "OPEN", "PAID", "VOID", "UNCOLLECTIBLE"}) String status,
      String pdfUrl,
      @Schema(enumeration = {"SELF", "STRIPE"}) String source) {

    static InvoiceDto of(InvoiceView i) {
      return new InvoiceDto(
          i.id(),
          i.number(),
          i.periodStart(),
          i.periodEnd(),
          i.totalMinor(),
          i.currency(),
          i.status().name(),
          BillingDtos.pdfUrl(i),
          i.source().name());
    }
  }

  public record LineDto(
      @Schema(
              enumeration = {
                "BASE_FEE",
                "PRORATION_CREDIT",
                "PRORATION_CHARGE",
                "SEATS",
                "USAGE",
                "EXTERNAL"
              })
          String kind,
      String description,
      @Schema(example = "emails_sent") String meter,
      long quantity,
      long included,
      long billable,
      @Schema(description = "Per billable unit, minor units (fees, seats)") Long unitPrice,
      @Schema(description = "Usage price per 1,000 units in micros") Long unitPricePer1000Micros,
      @Schema(description = "Minor units; negative for a credit") long amount) {

    static LineDto of(Line l) {
      return new LineDto(
          l.kind().name(),
          l.description(),
          l.meter() == null ? null : l.meter().key(),
          l.quantity(),
          l.included(),
          l.billable(),
          l.unitPriceMinor(),
          l.pricePer1000Micros(),
          l.amountMinor());
    }
  }

  @Schema(description = "An invoice with its lines")
  public record InvoiceDetailDto(
      long id,
      String number,
      LocalDate periodStart,
      LocalDate periodEnd,
      long total,
      String currency,
      String status,
      String pdfUrl,
      String source,
      String plan,
      String billTo,
      @Schema(description = "platform, reseller:<id> or stripe") String issuer,
      Instant finalizedAt,
      Instant paidAt,
      String hostedUrl,
      List<LineDto> lines) {

    static InvoiceDetailDto of(InvoiceView i) {
      return new InvoiceDetailDto(
          i.id(),
          i.number(),
          i.periodStart(),
          i.periodEnd(),
          i.totalMinor(),
          i.currency(),
          i.status().name(),
          BillingDtos.pdfUrl(i),
          i.source().name(),
          i.planCode(),
          i.billTo(),
          i.issuer(),
          i.finalizedAt(),
          i.paidAt(),
          i.hostedUrl(),
          i.lines().stream().map(LineDto::of).toList());
    }
  }

  public record MeterDto(
      String meter,
      String label,
      String unit,
      long used,
      long included,
      Long softLimit,
      Long hardLimit,
      long unitPricePer1000Micros,
      @Schema(description = "What usage beyond the included quantity costs so far, minor units")
          long overage,
      @Schema(enumeration = {"OK", "WARNING", "OVERAGE", "LIMIT_REACHED"}) String state,
      String message) {

    static MeterDto of(PlanOverview.MeterStatus m) {
      return new MeterDto(
          m.meter().key(),
          m.meter().label(),
          m.meter().unit(),
          m.used(),
          m.included(),
          m.softLimit(),
          m.hardLimit(),
          m.pricePer1000Micros(),
          m.overageMinor(),
          m.state().name(),
          m.message());
    }
  }

  public record SeatsDto(long used, int included, int limit, long price) {}

  @Schema(description = "The caller's plan this month, with usage against its limits")
  public record PlanDto(
      String plan,
      String name,
      String currency,
      long baseFee,
      SeatsDto seats,
      @Schema(description = "The reseller that bills the workspace; null: billed directly")
          String billedBy,
      String period,
      LocalDate resetsOn,
      List<MeterDto> meters,
      List<String> warnings) {

    static PlanDto of(PlanOverview.View v) {
      return new PlanDto(
          v.code(),
          v.name(),
          v.currency(),
          v.baseFeeMinor(),
          new SeatsDto(v.seatsUsed(), v.includedSeats(), v.seatLimit(), v.seatPriceMinor()),
          v.billedBy(),
          v.period().toString(),
          v.resetsOn(),
          v.meters().stream().map(MeterDto::of).toList(),
          v.warnings());
    }
  }

  public record PriceDto(long baseFee, long seatPrice, Map<String, Long> usagePer1000Micros) {

    static PriceDto of(Prices p) {
      return new PriceDto(p.baseFeeMinor(), p.seatPriceMinor(), usage(p.usagePer1000Micros()));
    }
  }

  static Map<String, Long> usage(Map<Meter, Long> byMeter) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Meter m : Meter.values()) {
      if (byMeter.containsKey(m)) {
        out.put(m.key(), byMeter.get(m));
      }
    }
    return out;
  }

  public record PlanPriceDto(
      String plan,
      String name,
      String currency,
      PriceDto list,
      @Schema(description = "What the platform charges the reseller (read-only)")
          PriceDto wholesale,
      @Schema(description = "What the reseller charges its tenants") PriceDto retail,
      @Schema(description = "Retail minus wholesale; negative below cost") PriceDto margin,
      Instant retailUpdatedAt) {

    static PlanPriceDto of(ResellerPrices.PlanLine l) {
      return new PlanPriceDto(
          l.plan(),
          l.name(),
          l.currency(),
          PriceDto.of(l.list()),
          PriceDto.of(l.wholesale()),
          PriceDto.of(l.retail()),
          new PriceDto(
              l.margin().baseFeeMinor(),
              l.margin().seatPriceMinor(),
              usage(l.margin().usagePer1000Micros())),
          l.retailUpdatedAt());
    }
  }

  public record PriceSheetDto(
      long resellerId, String resellerName, String wholesalePlan, List<PlanPriceDto> plans) {

    static PriceSheetDto of(ResellerPrices.Sheet s) {
      return new PriceSheetDto(
          s.resellerId(),
          s.resellerName(),
          s.wholesaleCode(),
          s.plans().stream().map(PlanPriceDto::of).toList());
    }
  }

  @Schema(description = "Retail prices of one plan; meters not named keep the list price")
  public record RetailPriceRequest(
      @Schema(example = "TEAM") String plan,
      @Schema(example = "12900") Long baseFee,
      @Schema(example = "2500") Long seatPrice,
      @Schema(example = "{\"emails_sent\":1500000}") Map<String, Long> usagePer1000Micros) {}

  public record PutPricesRequest(List<RetailPriceRequest> plans) {}

  public record FinanceRowDto(
      long tenantId,
      String slug,
      String name,
      String plan,
      Long resellerId,
      String reseller,
      Map<String, Long> usage,
      @Schema(description = "The finalized invoice; null while the month is a draft")
          Long invoiceId,
      String invoiceNumber,
      String invoiceStatus,
      @Schema(
              description =
                  "Whether the caller may mark the invoice paid or void: it is OPEN, hand-sent"
                      + " (not Stripe's) and the caller issued it")
          boolean settleable,
      @Schema(description = "What the tenant is billed (retail), minor units") long invoiceTotal,
      @Schema(description = "What the platform bills the reseller for it; null: billed directly")
          Long wholesaleCost,
      Long retailRevenue,
      Long margin,
      String currency) {

    static FinanceRowDto of(FinanceReport.TenantRow r) {
      return new FinanceRowDto(
          r.tenantId(),
          r.slug(),
          r.name(),
          r.plan(),
          r.resellerId(),
          r.resellerName(),
          BillingDtos.usage(r.usage()),
          r.invoiceId(),
          r.invoiceNumber(),
          r.invoiceStatus().name(),
          r.settleable(),
          r.retailMinor(),
          r.wholesaleMinor(),
          r.retailMinor(),
          r.marginMinor(),
          r.currency());
    }
  }

  public record FinanceTotalsDto(
      long invoiceTotal,
      long wholesaleCost,
      long retailRevenue,
      long margin,
      Map<String, Long> usage) {}

  public record FinanceDto(
      String month, String currency, List<FinanceRowDto> tenants, FinanceTotalsDto totals) {

    static FinanceDto of(FinanceReport.Report r) {
      return new FinanceDto(
          r.month().toString(),
          r.currency(),
          r.tenants().stream().map(FinanceRowDto::of).toList(),
          new FinanceTotalsDto(
              r.totals().retailMinor(),
              r.totals().wholesaleMinor(),
              r.totals().retailMinor(),
              r.totals().marginMinor(),
              usage(r.totals().usage())));
    }
  }
}
