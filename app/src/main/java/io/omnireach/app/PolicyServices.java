package io.omnireach.app;

import io.omnireach.db.Transactions;
import io.omnireach.policy.Policies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the policy engine's repository into CDI (REST resources and the Vaadin view share it). */
@ApplicationScoped
public class PolicyServices {

  @Produces
  @Singleton
  Policies policies(Transactions tx, Clock clock) {
    return new Policies(tx, clock);
  }
}
