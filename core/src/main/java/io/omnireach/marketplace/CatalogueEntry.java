package io.omnireach.marketplace;

import java.util.List;

/**
 * One block as the marketplace lists it (its newest version).
 *
 * @param source {@code builtin}, {@code workspace} (published in the tenant), {@code reseller}
 *     (published by the tenant's reseller for its tenants) or {@code registry:<name>}
 * @param publisher {@code verified} (a key the tenant trusts), {@code unknown key} or {@code
 *     unsigned}
 * @param rating average stars over every tenant's rating, null when unrated
 * @param installedVersion the version the tenant installed, null when not installed
 */
public record CatalogueEntry(
    String id,
    String name,
    String kind,
    String version,
    String description,
    List<String> tags,
    String author,
    String source,
    String keyId,
    String publisher,
    Double rating,
    int ratingCount,
    boolean installed,
    String installedVersion,
    boolean updateAvailable,
    String icon,
    List<String> versions) {}
