package io.omnireach.tenant;

/**
 * The tenant a unit of work runs for. Built only from an authenticated principal (JWT claims or
 * the Vaadin session), never from a request header or parameter alone.
 */
public record TenantRef(long id, String slug) {

  public TenantRef {
    TenantSchema.requireValidSlug(slug);
  }

  /** The PostgreSQL schema holding this tenant's data. */
  public String schema() {
    return TenantSchema.schemaFor(slug);
  }
}
