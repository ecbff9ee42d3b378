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

  /** Branding applied through Lumo CSS custom properties and the header. */
  public record Branding(String logoUrl, String primaryColor) {}

  public TenantRef ref() {
    return new TenantRef(id, slug);
  }
}
