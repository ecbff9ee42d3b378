package io.omnireach.brand;

/** A reseller's brand layer with the policy it sets for its tenants. */
public record ResellerBrand(long resellerId, Brand brand, BrandPolicy policy) {}
