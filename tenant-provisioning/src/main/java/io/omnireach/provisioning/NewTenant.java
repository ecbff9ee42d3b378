package io.omnireach.provisioning;

/** What it takes to open a tenant: identity, branding and its first admin. */
public record NewTenant(
    String slug,
    String displayName,
    String logoUrl,
    String primaryColor,
    Long resellerId,
    String adminEmail,
    String adminName,
    String adminPassword) {}
