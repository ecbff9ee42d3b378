package io.omnireach.tenant;

import java.time.Instant;

/**
 * What an operator's console shows per tenant.
 *
 * @param seatsUsed members plus open (unexpired, unaccepted) invitations, as the seat limit counts
 * @param lastActivityAt the last sign-in of any member, null when nobody has signed in
 * @param emailsSentThisMonth messages in the tenant's outbox that reached SENT since the start of
 *     the current calendar month (UTC)
 */
public record TenantOverview(
    Tenant tenant, String plan, int seatsUsed, Instant lastActivityAt, long emailsSentThisMonth) {}
