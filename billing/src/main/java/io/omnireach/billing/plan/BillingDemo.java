package io.omnireach.billing.plan;

import io.omnireach.billing.jpa.JpaTransactions;
import java.util.List;
import java.util.Map;

/**
 * The demo reseller's retail price list (dev mode): it sells Team and Scale above list price, so
 * the finance desk shows a margin over its STANDARD wholesale list. Only when it has set none.
 */
public final class BillingDemo {

  private final JpaTransactions jpa;
  private final ResellerPrices prices;

  public BillingDemo(JpaTransactions jpa, ResellerPrices prices) {
    this.jpa = jpa;
    this.prices = prices;
  }

  /** Returns true when the prices were set now. */
  public boolean load() {
    Long reseller =
        jpa.platform(
            em -> {
              List<?> ids =
                  JpaTransactions.nativeQuery(
                          em,
                          "select r.id from platform.resellers r where r.slug = 'demo' and not"
                              + " exists (select 1 from platform.plan_prices p"
                              + " where p.reseller_id = r.id)")
                      .getResultList();
              return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
            });
    if (reseller == null) {
      return false;
    }
    prices.setRetail(
        reseller,
        List.of(
            new ResellerPrices.RetailInput("FREE", 0L, 0L, Map.of()),
            new ResellerPrices.RetailInput(
                "TEAM",
                12900L,
                2400L,
                Map.of("emails_sent", 1_200_000L, "sms_segments", 9_000_000L)),
            new ResellerPrices.RetailInput(
                "SCALE", 59900L, 1900L, Map.of("emails_sent", 1_000_000L))),
        "seed");
    return true;
  }
}
