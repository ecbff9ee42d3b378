package io.omnireach.billing;

import io.omnireach.billing.jpa.JpaTransactions;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The production persistence unit {@code billing}, run resource-local on a test data source: same
 * entities, same mapping file, same tenancy rule — only the transaction manager differs.
 */
public final class BillingJpa {

  private BillingJpa() {}

  public static EntityManagerFactory factory(DataSource dataSource) {
    Map<String, Object> props = new HashMap<>();
    props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    props.put("jakarta.persistence.jtaDataSource", "");
    props.put("jakarta.persistence.nonJtaDataSource", dataSource);
    return Persistence.createEntityManagerFactory("billing", props);
  }

  public static JpaTransactions transactions(EntityManagerFactory emf) {
    return new JpaTransactions(emf, JpaTransactions.resourceLocal());
  }
}
