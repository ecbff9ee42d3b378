package io.omnireach.billing.plan;

import io.omnireach.tenant.TenantRef;
import java.time.Instant;

/**
 * Who a tenant is for billing: its plan, and the reseller that bills it (null: the platform bills
 * it directly at list prices) with that reseller's wholesale price list code.
 */
public record TenantBilling(
    long tenantId,
    String slug,
    String displayName,
    String planCode,
    Long resellerId,
    String resellerName,
    String resellerSlug,
    String wholesaleCode,
    Instant createdAt) {

  public TenantRef ref() {
    return new TenantRef(tenantId, slug);
  }

  /** The invoice issuer key: {@code platform} or {@code reseller:<id>}. */
  public String issuer() {
    return resellerId == null ? "platform" : "reseller:" + resellerId;
  }
}
