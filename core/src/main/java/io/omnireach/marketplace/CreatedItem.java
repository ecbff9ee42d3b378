package io.omnireach.marketplace;

/**
 * One row an installed block created in the tenant.
 *
 * @param type {@code persona}, {@code workflow} or {@code policy}
 */
public record CreatedItem(String type, long id, String name) {}
