package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A block in the tenant's catalogue ({@code GET /api/v1/marketplace/blocks}).
 *
 * @param kind the block kind's wire name ({@code workflow}, {@code persona}, …)
 * @param rating the average of the tenants' stars, null while unrated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MarketplaceBlock(
    String id, String name, String kind, String version, Double rating, boolean installed) {}
