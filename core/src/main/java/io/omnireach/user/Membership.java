package io.omnireach.user;

import io.omnireach.tenant.Tenant;

/** One tenant a user belongs to, with their role there. */
public record Membership(Tenant tenant, Role role) {}
