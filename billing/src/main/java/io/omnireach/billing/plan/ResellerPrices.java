package io.omnireach.billing.plan;

import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.common.DomainException;
import io.omnireach.usage.Meter;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A reseller's price sheet: per plan the list price, the wholesale price the platform charges the
 * reseller (read-only for the reseller), the retail price the reseller charges its tenants, and the
 * margin between them. The reseller sets retail prices; what it leaves out stays at list.
 */
public final class ResellerPrices {

  /** Retail minus wholesale, per price; negative when the reseller sells below its cost. */
  public record Margin(
      long baseFeeMinor, long seatPriceMinor, Map<Meter, Long> usagePer1000Micros) {}

  /** One plan on the sheet. */
  public record PlanLine(
      String plan,
      String name,
      String currency,
      Prices list,
      Prices wholesale,
      Prices retail,
      Margin margin,
      Instant retailUpdatedAt) {}

  public record Sheet(
      long resellerId, String resellerName, String wholesaleCode, List<PlanLine> plans) {}

  /** New retail prices of one plan; usage prices of meters not named stay at the list price. */
  public record RetailInput(
      String plan, Long baseFeeMinor, Long seatPriceMinor, Map<String, Long> usagePer1000Micros) {}

  private final JpaTransactions jpa;
  private final Clock clock;

  public ResellerPrices(JpaTransactions jpa, Clock clock) {
    this.jpa = jpa;
    this.clock = clock;
  }

  public Sheet sheet(long resellerId) {
    return jpa.platform(em -> sheet(em, resellerId));
  }

  /** Sets the retail prices of the plans given (all checked before anything is stored). */
  public Sheet setRetail(long resellerId, List<RetailInput> inputs, String actor) {
    if (inputs == null || inputs.isEmpty()) {
      throw DomainException.invalid("plans", "Give the retail prices of at least one plan.");
    }
    return jpa.platform(
        em -> {
          reseller(em, resellerId);
          Map<String, PlanTerms> plans = PriceBook.planMap(em);
          List<Prices> checked = new ArrayList<>();
          for (int i = 0; i < inputs.size(); i++) {
            checked.add(check(inputs.get(i), plans, "plans[" + i + "]"));
          }
          Instant now = clock.instant();
          for (int i = 0; i < inputs.size(); i++) {
            PlanTerms plan =
                plans.get(inputs.get(i).plan().trim().toUpperCase(java.util.Locale.ROOT));
            PlanPrice row =
                em.createQuery(
                        "select p from PlanPrice p where p.kind = :kind and p.resellerId = :r"
                            + " and p.planCode = :plan",
                        PlanPrice.class)
                    .setParameter("kind", PlanPrice.Kind.RETAIL)
                    .setParameter("r", resellerId)
                    .setParameter("plan", plan.code())
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (row == null) {
              row = PlanPrice.retail(resellerId, plan.code());
              em.persist(row);
            }
            row.set(checked.get(i), plan.listPrices().usagePer1000Micros(), actor, now);
          }
          em.flush();
          return sheet(em, resellerId);
        });
  }

  private static Prices check(RetailInput in, Map<String, PlanTerms> plans, String at) {
    if (in == null || in.plan() == null || in.plan().isBlank()) {
      throw DomainException.invalid(at + ".plan", "Name the plan (one of " + plans.keySet() + ").");
    }
    PlanTerms plan = plans.get(in.plan().trim().toUpperCase(java.util.Locale.ROOT));
    if (plan == null) {
      throw DomainException.invalid(
          at + ".plan", "Unknown plan '" + in.plan() + "': one of " + plans.keySet() + ".");
    }
    if (in.baseFeeMinor() == null || in.baseFeeMinor() < 0) {
      throw DomainException.invalid(
          at + ".baseFeeMinor", "The base fee is required, in minor units (cents), 0 or more.");
    }
    if (in.seatPriceMinor() == null || in.seatPriceMinor() < 0) {
      throw DomainException.invalid(
          at + ".seatPriceMinor", "The seat price is required, in minor units (cents), 0 or more.");
    }
    if (in.baseFeeMinor() > 100_000_000 || in.seatPriceMinor() > 100_000_000) {
      throw DomainException.invalid(at, "Prices above 1,000,000.00 a month are refused.");
    }
    Map<Meter, Long> usage = new EnumMap<>(Meter.class);
    if (in.usagePer1000Micros() != null) {
      for (Map.Entry<String, Long> e : in.usagePer1000Micros().entrySet()) {
        Meter meter =
            Meter.byKey(e.getKey())
                .filter(m -> m != Meter.ACTIVE_SEATS)
                .orElseThrow(
                    () ->
                        DomainException.invalid(
                            at + ".usagePer1000Micros",
                            "Unknown meter '"
                                + e.getKey()
                                + "' (seats are priced by seatPriceMinor)."));
        if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 1_000_000_000_000L) {
          throw DomainException.invalid(
              at + ".usagePer1000Micros." + e.getKey(),
              "A usage price is micros per 1,000 units, from 0 to 1,000,000,000,000.");
        }
        usage.put(meter, e.getValue());
      }
    }
    return plan.listPrices().with(in.baseFeeMinor(), in.seatPriceMinor(), usage);
  }

  private static Sheet sheet(EntityManager em, long resellerId) {
    Object[] r = reseller(em, resellerId);
    String wholesaleCode = (String) r[1];
    List<PlanLine> lines = new ArrayList<>();
    for (PlanTerms plan : PriceBook.plans(em)) {
      Prices wholesale = PriceBook.wholesale(em, wholesaleCode, plan);
      Prices retail = PriceBook.retail(em, resellerId, plan);
      Instant updated =
          em.createQuery(
                  "select p from PlanPrice p where p.kind = :kind and p.resellerId = :r"
                      + " and p.planCode = :plan",
                  PlanPrice.class)
              .setParameter("kind", PlanPrice.Kind.RETAIL)
              .setParameter("r", resellerId)
              .setParameter("plan", plan.code())
              .getResultStream()
              .findFirst()
              .map(PlanPrice::updatedAt)
              .orElse(null);
      Map<Meter, Long> usageMargin = new EnumMap<>(Meter.class);
      for (Meter m : plan.meters().keySet()) {
        usageMargin.put(m, retail.usagePrice(m) - wholesale.usagePrice(m));
      }
      lines.add(
          new PlanLine(
              plan.code(),
              plan.name(),
              plan.currency(),
              plan.listPrices(),
              wholesale,
              retail,
              new Margin(
                  retail.baseFeeMinor() - wholesale.baseFeeMinor(),
                  retail.seatPriceMinor() - wholesale.seatPriceMinor(),
                  usageMargin),
              updated));
    }
    return new Sheet(resellerId, (String) r[0], wholesaleCode, lines);
  }

  /** name, wholesale plan code; 404 when there is no such reseller. */
  private static Object[] reseller(EntityManager em, long resellerId) {
    List<?> rows =
        JpaTransactions.nativeQuery(
                em, "select name, wholesale_plan from platform.resellers where id = ?")
            .setParameter(1, resellerId)
            .getResultList();
    if (rows.isEmpty()) {
      throw DomainException.notFound("No reseller " + resellerId + ".");
    }
    return (Object[]) rows.get(0);
  }
}
