package io.omnireach.reseller;

import java.time.Instant;

/**
 * An operator of a branded instance who provisions tenants on it. {@code wholesalePlan} is a plan
 * code the Owner sells the reseller (billing for it comes with the billing issue).
 */
public record Reseller(
    long id,
    String slug,
    String name,
    ResellerStatus status,
    String wholesalePlan,
    Instant createdAt) {

  public boolean isActive() {
    return status == ResellerStatus.ACTIVE;
  }
}
