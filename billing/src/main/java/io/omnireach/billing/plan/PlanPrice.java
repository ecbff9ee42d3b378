package io.omnireach.billing.plan;

import io.omnireach.billing.jpa.Times;
import io.omnireach.usage.Meter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A plan's price in a wholesale list or a reseller's retail list ({@code platform.plan_prices});
 * usage prices per meter key in {@code plan_price_meters}. What it does not set is the list price.
 */
@Entity
@Table(name = "plan_prices", schema = "platform")
public class PlanPrice {

  /** Which list a price belongs to. */
  public enum Kind {
    /** What the platform charges a reseller, by the reseller's wholesale plan code. */
    WHOLESALE,
    /** What one reseller charges its tenants. */
    RETAIL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Column(name = "wholesale_code")
  private String wholesaleCode;

  @Column(name = "reseller_id")
  private Long resellerId;

  @Column(name = "plan_code")
  private String planCode;

  @Column(name = "base_fee_minor")
  private long baseFeeMinor;

  @Column(name = "seat_price_minor")
  private long seatPriceMinor;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "plan_price_meters",
      schema = "platform",
      joinColumns = @JoinColumn(name = "plan_price_id"))
  @MapKeyColumn(name = "meter")
  @Column(name = "price_per_1000_micros")
  private Map<String, Long> usage = new HashMap<>();

  protected PlanPrice() {}

  /** A reseller's retail price of a plan. */
  public static PlanPrice retail(long resellerId, String planCode) {
    PlanPrice p = new PlanPrice();
    p.kind = Kind.RETAIL;
    p.resellerId = resellerId;
    p.planCode = planCode;
    return p;
  }

  public String planCode() {
    return planCode;
  }

  public Instant updatedAt() {
    return Times.instant(updatedAt);
  }

  /** Replaces the prices; usage prices of meters not given keep the list price. */
  public void set(Prices prices, Map<Meter, Long> listUsage, String actor, Instant at) {
    baseFeeMinor = prices.baseFeeMinor();
    seatPriceMinor = prices.seatPriceMinor();
    usage.clear();
    prices
        .usagePer1000Micros()
        .forEach(
            (meter, price) -> {
              if (!price.equals(listUsage.get(meter))) {
                usage.put(meter.key(), price);
              }
            });
    updatedBy = actor;
    updatedAt = Times.utc(at);
  }

  /** These prices laid over the list prices. */
  public Prices over(Prices list) {
    Map<Meter, Long> byMeter = new EnumMap<>(Meter.class);
    usage.forEach((key, price) -> Meter.byKey(key).ifPresent(m -> byMeter.put(m, price)));
    return list.with(baseFeeMinor, seatPriceMinor, byMeter);
  }
}
