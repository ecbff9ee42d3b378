package io.omnireach.billing;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.SeatPolicy;

/** Seats limited by the tenant's plan. */
public final class PlanSeatPolicy implements SeatPolicy {

  private final Transactions tx;

  public PlanSeatPolicy(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public void requireSeat(TenantRef tenant, int seatsTaken) {
    Plan.of(tx, tenant).requireSeat(seatsTaken);
  }
}
