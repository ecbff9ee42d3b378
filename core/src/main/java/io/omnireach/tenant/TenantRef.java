package io.omnireach.tenant;

import io.omnireach.db.SchemaBound;

/**
 * The tenant a unit of work runs for. Built only from an authenticated principal (JWT claims or the
 * Vaadin session), never from a request header or parameter alone.
 */
public record TenantRef(long id, String slug) implements SchemaBound {

  public TenantRef {
    TenantSchema.requireValidSlug(slug);
  }

  /** The PostgreSQL schema holding this tenant's data. */
  @Override
  public String schema() {
    return TenantSchema.schemaFor(slug);
  }
}
