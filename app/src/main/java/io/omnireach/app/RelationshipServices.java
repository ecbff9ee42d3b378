package io.omnireach.app;

import io.omnireach.db.Transactions;
import io.omnireach.relationship.RelationshipScores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the relationship score's reader of core. */
@ApplicationScoped
public class RelationshipServices {

  @Produces
  @Singleton
  RelationshipScores relationshipScores(Transactions tx) {
    return new RelationshipScores(tx);
  }
}
