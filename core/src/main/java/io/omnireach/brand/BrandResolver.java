package io.omnireach.brand;

import io.omnireach.db.Transactions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides what a tenant (or a reseller's console) looks like: platform default,
 * then the reseller's brand, then the tenant's overrides, but only the fields the reseller lets its
 * tenants override.
 */
public final class BrandResolver {

  private final Brands brands;

  public BrandResolver(Transactions tx) {
    this(new Brands(tx));
  }

  public BrandResolver(Brands brands) {
    this.brands = brands;
  }

  /** What a tenant shows; 404 ({@code DomainException}) when the tenant does not exist. */
  public EffectiveBrand forTenant(long tenantId) {
    Brands.TenantLayers layers = brands.tenantLayers(tenantId);
    return resolve(layers.reseller(), layers.tenant());
  }

  /** What a tenant shows, by slug (login page); empty when no such tenant. */
  public Optional<EffectiveBrand> forTenantSlug(String slug) {
    return brands.tenantIdBySlug(slug).map(this::forTenant);
  }

  /** What a reseller's own console shows: its brand over the platform default. */
  public EffectiveBrand forReseller(long resellerId) {
    return resolve(Optional.of(brands.reseller(resellerId)), Brand.EMPTY);
  }

  /** The unbranded product (the Owner's console, unknown hosts). */
  public EffectiveBrand platform() {
    return resolve(Optional.empty(), Brand.EMPTY);
  }

  /** Pure resolution, also used by tests: later layers win where they set a field. */
  public static EffectiveBrand resolve(Optional<ResellerBrand> reseller, Brand tenant) {
    BrandPolicy policy = reseller.map(ResellerBrand::policy).orElse(BrandPolicy.PLATFORM);
    Brand resellerBrand = reseller.map(ResellerBrand::brand).orElse(Brand.EMPTY);
    Map<BrandField, String> values = new EnumMap<>(BrandField.class);
    Map<BrandField, BrandSource> sources = new EnumMap<>(BrandField.class);
    for (BrandField field : BrandField.values()) {
      String value = Brand.PLATFORM_DEFAULT.get(field);
      BrandSource source = BrandSource.PLATFORM;
      if (resellerBrand.get(field) != null) {
        value = resellerBrand.get(field);
        source = BrandSource.RESELLER;
      }
      if (policy.allows(field) && tenant.get(field) != null) {
        value = tenant.get(field);
        source = BrandSource.TENANT;
      }
      values.put(field, value);
      sources.put(field, source);
    }
    return new EffectiveBrand(
        Brand.of(values), sources, policy.showPoweredBy(), policy.tenantOverridable());
  }
}
