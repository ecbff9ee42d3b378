package io.omnireach.app.rest;

import io.omnireach.billing.UsageReport;
import io.omnireach.usage.UsageTotals;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of {@code /billing} (JSON, camelCase). */
public final class BillingUsageDtos {

  private BillingUsageDtos() {}

  @Schema(
      name = "MeterUsage",
      description =
          "One meter in the period: counted meters add up their events, snapshot meters"
              + " (active_seats, leads_stored) take the period's peak day. amount is what the"
              + " usage beyond included costs, in minor units (cents) of currency.")
  public record MeterDto(
      @Schema(example = "emails_sent") String meter,
      @Schema(example = "Emails sent") String label,
      @Schema(example = "8100") long quantity,
      @Schema(example = "10000") long included,
      @Schema(example = "email") String unit,
      @Schema(example = "0") long amount,
      @Schema(example = "USD", description = "ISO 4217") String currency) {

    static MeterDto of(UsageReport.Line l) {
      return new MeterDto(
          l.meter().key(),
          l.meter().label(),
          l.quantity(),
          l.included(),
          l.meter().unit(),
          l.amountMinor(),
          l.currency());
    }
  }

  @Schema(name = "UsageDay", description = "One meter's usage on one UTC day")
  public record DayDto(
      @Schema(example = "2026-11-03") LocalDate day,
      @Schema(example = "emails_sent") String meter,
      @Schema(example = "120") long quantity) {

    static DayDto of(UsageTotals.Daily d) {
      return new DayDto(d.day(), d.meter().key(), d.quantity());
    }
  }

  @Schema(
      name = "Usage",
      description =
          "The caller's tenant's usage from 'from' to 'to' (UTC days, both included), every meter"
              + " in a fixed order, and the days with usage, oldest first")
  public record UsageDto(
      @Schema(example = "2026-11-01") LocalDate from,
      @Schema(example = "2026-11-30") LocalDate to,
      List<MeterDto> meters,
      List<DayDto> days) {

    static UsageDto of(UsageReport r) {
      return new UsageDto(
          r.period().from(),
          r.period().to(),
          r.meters().stream().map(MeterDto::of).toList(),
          r.days().stream().map(DayDto::of).toList());
    }
  }
}
