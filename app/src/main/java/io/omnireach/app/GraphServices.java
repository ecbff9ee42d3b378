package io.omnireach.app;

import io.omnireach.account.Accounts;
import io.omnireach.db.Transactions;
import io.omnireach.graph.RelationshipGraph;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires core's accounts and relationship graph. */
@ApplicationScoped
public class GraphServices {

  @Produces
  @Singleton
  Accounts accounts(Transactions tx) {
    return new Accounts(tx);
  }

  @Produces
  @Singleton
  RelationshipGraph relationshipGraph(Transactions tx, Clock clock) {
    return new RelationshipGraph(tx, clock);
  }
}
