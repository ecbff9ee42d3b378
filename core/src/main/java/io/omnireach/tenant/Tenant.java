package io.omnireach.tenant;

import java.time.Instant;

/** A tenant with its white-label branding. */
public record Tenant(
    long id,
    String slug,
    String displayName,
    Long resellerId,
    TenantStatus status,
    Branding branding,
    Instant createdAt) {

  /**
   * The tenant's own logo and primary colour overrides (null: inherited from its reseller). What a
   * tenant actually shows comes from {@code io.omnireach.brand.BrandResolver}.
   */
  public record Branding(String logoUrl, String primaryColor) {}

  public TenantRef ref() {
    return new TenantRef(id, slug);
  }
}
