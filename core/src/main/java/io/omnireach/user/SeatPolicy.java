package io.omnireach.user;

import io.omnireach.tenant.TenantRef;

/**
 * Decides whether a tenant may take one more seat (a member or an open invitation). Billing
 * implements it from the tenant's plan; core only asks.
 */
@FunctionalInterface
public interface SeatPolicy {

  /** Throws a CONFLICT {@link io.omnireach.common.DomainException} when no seat is left. */
  void requireSeat(TenantRef tenant, int seatsTaken);

  SeatPolicy UNLIMITED = (tenant, taken) -> {};
}
