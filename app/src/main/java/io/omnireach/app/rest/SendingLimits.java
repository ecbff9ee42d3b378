package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.usage.Meter;
import io.omnireach.usage.SendingGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refuses a send that billing would hold back anyway (a plan's hard limit, a pause for an unpaid
 * invoice) with 409 and the same reason the relay writes on held messages — never silently.
 */
@ApplicationScoped
public class SendingLimits {

  @Inject Transactions tx;
  @Inject SendingGate gate;

  public void requireRoom(long tenantId, Meter meter) {
    SendingGate.Allowance allowance = tx.platform(c -> gate.allowance(c, tenantId, meter));
    if (allowance.remaining() <= 0) {
      throw DomainException.conflict(null, allowance.reason());
    }
  }
}
