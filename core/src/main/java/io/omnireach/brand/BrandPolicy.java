package io.omnireach.brand;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a reseller decides about its tenants' branding: whether "Powered by OmniReach" shows (set by
 * the Owner as part of the reseller's plan; tenants never change it) and which fields a tenant may
 * override.
 */
public record BrandPolicy(boolean showPoweredBy, Set<BrandField> tenantOverridable) {

  /** Tenants with no reseller: the platform shows "Powered by" and lets them brand everything. */
  public static final BrandPolicy PLATFORM = new BrandPolicy(true, EnumSet.allOf(BrandField.class));

  /** What a new reseller starts with: tenants may set their logo and primary colour. */
  public static final BrandPolicy RESELLER_DEFAULT =
      new BrandPolicy(true, EnumSet.of(BrandField.LOGO, BrandField.PRIMARY_COLOR));

  public BrandPolicy {
    tenantOverridable = BrandFields.immutable(tenantOverridable);
  }

  public boolean allows(BrandField field) {
    return tenantOverridable.contains(field);
  }
}
