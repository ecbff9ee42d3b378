package io.omnireach.tenant;

import java.time.Instant;

/**
 * What an operator sees of a tenant at a glance: its plan, seats in use, when anyone last did
 * something in it, and its usage this calendar month (UTC).
 *
 * @param lastActivity null when nothing happened yet
 */
public record TenantFigures(
    Tenant tenant,
    String plan,
    int seatsUsed,
    Instant lastActivity,
    int messagesThisMonth,
    int aiCallsThisMonth) {}
