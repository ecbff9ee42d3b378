package io.omnireach.knowledge;

import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which {@link Embedder} a tenant's vectors are made with: queries and new rows must use the model
 * the stored vectors come from, which changes only when a re-embedding switches over.
 */
@FunctionalInterface
public interface Embedders {

  /** The tenant's active embedder, read on a connection bound to its schema. */
  Embedder active(Connection c, TenantRef tenant) throws SQLException;

  /** One model for every tenant (tests, the benchmark). */
  static Embedders fixed(Embedder embedder) {
    return (c, tenant) -> embedder;
  }
}
