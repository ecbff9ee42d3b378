package io.omnireach.billing.jpa;

import jakarta.persistence.EntityManager;

/**
 * A piece of work run with an entity manager inside one transaction (see {@link JpaTransactions}).
 */
@FunctionalInterface
public interface JpaWork<T> {
  T run(EntityManager em);
}
