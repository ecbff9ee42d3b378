package io.omnireach.user;

import java.time.Instant;

/** A person who can sign in; {@code platformRole} is set only for the operator (Owner/Reseller). */
public record UserAccount(
    long id,
    String email,
    String displayName,
    Role platformRole,
    Long resellerId,
    Instant createdAt,
    Instant lastLoginAt) {}
