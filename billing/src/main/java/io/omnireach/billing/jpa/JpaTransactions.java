package io.omnireach.billing.jpa;

import io.omnireach.db.SchemaBound;
import io.omnireach.tenant.TenantRef;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JPA side of {@link io.omnireach.db.Transactions}, with the same tenancy rule: every unit of
 * work runs in one transaction whose {@code search_path} is set with {@code SET LOCAL} to exactly
 * one schema — {@code platform}, or the tenant's — so nothing stays on a pooled connection. Billing
 * tables live in {@code platform} and are named with their schema; the rows a tenant owns there
 * (invoices, their lines, plan changes) carry {@code tenant_id}, which EclipseLink adds to every
 * statement of a tenant's entity manager (single-table multitenancy, declared in {@code
 * META-INF/billing-orm.xml}). An entity manager without a tenant cannot read those rows at all.
 *
 * <p>In the server the transaction is JTA (the persistence unit's data source is the app's); in
 * tests and tools it is resource-local. Either way one connection carries the whole unit of work.
 */
public final class JpaTransactions {

  /** The entity manager property EclipseLink reads the tenant discriminator from. */
  public static final String TENANT_PROPERTY = "omnireach.tenant-id";

  /** The entity manager property EclipseLink reads the reseller discriminator from. */
  public static final String RESELLER_PROPERTY = "omnireach.reseller-id";

  /** How a unit of work gets its transaction. */
  public interface Control {
    /** Runs {@code work} in a transaction of {@code em}: begun and ended here, or joined. */
    <T> T inTransaction(EntityManager em, Supplier<T> work);
  }

  private final EntityManagerFactory emf;
  private final Control control;

  public JpaTransactions(EntityManagerFactory emf, Control control) {
    this.emf = emf;
    this.control = control;
  }

  /** Work on platform rows that belong to no tenant (plans, price lists); search path platform. */
  public <T> T platform(JpaWork<T> work) {
    return run(Map.of(), () -> "platform", work);
  }

  /**
   * Work for one tenant: its schema is the search path (as in {@code Transactions.tenant}) and the
   * entity manager sees only that tenant's billing rows.
   */
  public <T> T tenant(TenantRef tenant, JpaWork<T> work) {
    return run(Map.of(TENANT_PROPERTY, tenant.id()), tenant, work);
  }

  /**
   * Work for one reseller on the rows it owns in {@code platform} (wholesale invoices): search path
   * platform, and the entity manager sees only that reseller's rows — the same single-table rule as
   * a tenant's, on {@code reseller_id}.
   */
  public <T> T reseller(long resellerId, JpaWork<T> work) {
    return run(Map.of(RESELLER_PROPERTY, resellerId), () -> "platform", work);
  }

  /**
   * A native SQL query. EclipseLink refuses native SQL in a unit with multitenant entities (it
   * cannot add the tenant criteria to it); each call here is one reviewed exception that names its
   * tenant itself or reads no tenant's rows.
   */
  public static Query nativeQuery(EntityManager em, String sql) {
    return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true);
  }

  private <T> T run(Map<String, Object> properties, SchemaBound schema, JpaWork<T> work) {
    EntityManager em = emf.createEntityManager(properties);
    try {
      return control.inTransaction(
          em,
          () -> {
            setLocalSearchPath(em, schema.schema());
            T result = work.run(em);
            em.flush(); // constraint violations surface here, inside the caller's try
            return result;
          });
    } finally {
      em.close();
    }
  }

  private static void setLocalSearchPath(EntityManager em, String schema) {
    // inside a transaction EclipseLink hands out the connection the whole unit of work uses
    Connection c = em.unwrap(Connection.class);
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL search_path TO " + schema); // [a-z0-9_] only, see SchemaBound
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set the search path to " + schema, e);
    }
  }

  /** Resource-local transactions (Java SE: tests, tools). */
  public static Control resourceLocal() {
    return new Control() {
      @Override
      public <T> T inTransaction(EntityManager em, Supplier<T> work) {
        EntityTransaction t = em.getTransaction();
        t.begin();
        try {
          T result = work.get();
          t.commit();
          return result;
        } catch (RuntimeException | Error e) {
          if (t.isActive()) {
            t.rollback();
          }
          throw e;
        }
      }
    };
  }

  /**
   * JTA in the server: begins a transaction, or joins the caller's (a batch chunk) and leaves its
   * end to the caller.
   */
  public static Control jta(UserTransaction ut) {
    return new Control() {
      @Override
      public <T> T inTransaction(EntityManager em, Supplier<T> work) {
        boolean began = false;
        try {
          if (ut.getStatus() == Status.STATUS_NO_TRANSACTION) {
            ut.begin();
            began = true;
          }
          em.joinTransaction();
          T result = work.get();
          if (began) {
            ut.commit();
          }
          return result;
        } catch (RuntimeException | Error e) {
          end(ut, began);
          throw e;
        } catch (Exception e) { // begin/commit: NotSupported, Rollback, Heuristic…, System
          end(ut, began);
          throw new IllegalStateException("Transaction failed: " + e.getMessage(), e);
        }
      }
    };
  }

  private static void end(UserTransaction ut, boolean began) {
    try {
      if (ut.getStatus() == Status.STATUS_NO_TRANSACTION) {
        return;
      }
      if (began) {
        ut.rollback();
      } else {
        ut.setRollbackOnly();
      }
    } catch (SystemException | IllegalStateException e) {
      // the transaction is already gone; the original failure is what matters
    }
  }
}
