package io.omnireach.billing.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plan as data ({@code platform.plans} and {@code plan_meters}): list prices, included seats and
 * per-meter terms. Read-only here: plans come from migrations.
 */
@Entity
@Table(name = "plans", schema = "platform")
public class PlanDefinition {

  @Id private String code;

  private String name;

  private String currency;

  @Column(name = "base_fee_minor")
  private long baseFeeMinor;

  @Column(name = "included_seats")
  private int includedSeats;

  @Column(name = "seat_price_minor")
  private long seatPriceMinor;

  @Column(name = "seat_limit")
  private int seatLimit;

  private int position;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "plan_meters",
      schema = "platform",
      joinColumns = @JoinColumn(name = "plan_code"))
  private List<MeterTermsRow> meters = new ArrayList<>();

  protected PlanDefinition() {}

  public String code() {
    return code;
  }

  public int position() {
    return position;
  }

  /** The plan's terms, detached from the persistence context. */
  public PlanTerms toTerms() {
    Map<io.omnireach.usage.Meter, MeterTerms> terms =
        meters.stream()
            .collect(
                Collectors.toMap(
                    MeterTermsRow::meter,
                    MeterTermsRow::toTerms,
                    (a, b) -> a,
                    () -> new java.util.EnumMap<>(io.omnireach.usage.Meter.class)));
    return new PlanTerms(
        code, name, currency, baseFeeMinor, includedSeats, seatPriceMinor, seatLimit, terms);
  }
}
