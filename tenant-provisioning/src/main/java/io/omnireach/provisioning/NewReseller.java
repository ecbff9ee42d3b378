package io.omnireach.provisioning;

import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandPolicy;

/**
 * What it takes to open a reseller: identity, wholesale plan (a plan code; null for the default
 * STANDARD), its brand and brand policy (null for none / the default) and its first user, who signs
 * in with the Reseller role.
 */
public record NewReseller(
    String slug,
    String name,
    String wholesalePlan,
    Brand brand,
    BrandPolicy policy,
    String userEmail,
    String userName,
    String userPassword) {}
