package io.omnireach.billing.plan;

import io.omnireach.usage.Meter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/** One row of {@code plan_meters}: what a plan includes of a meter, its list price and limits. */
@Embeddable
public class MeterTermsRow {

  @Convert(converter = MeterConverter.class)
  private Meter meter;

  private long included;

  @Column(name = "price_per_1000_micros")
  private long pricePer1000Micros;

  @Column(name = "soft_limit_percent")
  private int softLimitPercent;

  @Column(name = "hard_limit")
  private Long hardLimit;

  protected MeterTermsRow() {}

  MeterTerms toTerms() {
    return new MeterTerms(included, pricePer1000Micros, softLimitPercent, hardLimit);
  }

  Meter meter() {
    return meter;
  }
}
