package io.omnireach.ui.billing;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageExport;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * What the billing view needs from billing (a module the UI must not depend on). Every method takes
 * the signed-in user and answers for their tenant only, and only to Admins and Finance.
 */
public interface BillingUsage {

  /**
   * One meter in the period.
   *
   * @param quantity counted meters: the sum; snapshot meters: the peak day
   * @param included what the plan includes in the period (0: nothing)
   * @param amountMinor what the usage beyond {@code included} costs, in minor units of currency
   * @param warning at or past the plan's warning level (80 % unless the plan says otherwise)
   */
  record MeterUsage(
      Meter meter,
      long quantity,
      long included,
      long amountMinor,
      String currency,
      boolean warning) {

    /** Share of the allowance used (0 when nothing is included). */
    public double share() {
      return included <= 0 ? 0 : (double) quantity / included;
    }
  }

  /** One meter's usage on one UTC day. */
  record DayUsage(LocalDate day, Meter meter, long quantity) {}

  /** The tenant's usage from {@code from} to {@code to} (UTC days, both included). */
  record Usage(LocalDate from, LocalDate to, List<MeterUsage> meters, List<DayUsage> days) {

    public MeterUsage meter(Meter meter) {
      return meters.stream().filter(m -> m.meter() == meter).findFirst().orElseThrow();
    }
  }

  /**
   * @throws io.omnireach.common.DomainException for a bad range or a user without access
   */
  Usage usage(AuthenticatedUser user, LocalDate from, LocalDate to);

  /** Writes the CSV export of the period (the same file as {@code GET /billing/usage.csv}). */
  void exportCsv(
      AuthenticatedUser user, LocalDate from, LocalDate to, UsageExport.By by, OutputStream out);
}
