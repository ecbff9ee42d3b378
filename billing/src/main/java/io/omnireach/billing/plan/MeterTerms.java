package io.omnireach.billing.plan;

/**
 * What a plan gives of one meter per calendar month.
 *
 * @param included the quantity the base fee covers
 * @param pricePer1000Micros the list price of 1,000 units beyond it, in micros of the currency's
 *     major unit (1 USD = 1,000,000 micros)
 * @param softLimitPercent the share of {@code included} at which people are warned
 * @param hardLimit the quantity at which sending stops, or null for none
 */
public record MeterTerms(
    long included, long pricePer1000Micros, int softLimitPercent, Long hardLimit) {

  /** The quantity at which people are warned, or null when nothing is included. */
  public Long softLimit() {
    return included == 0 ? null : included * softLimitPercent / 100;
  }
}
