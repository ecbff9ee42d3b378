package io.omnireach.user;

import java.time.Instant;

/** A user as seen from one tenant: the role they hold there. */
public record Member(
    long userId,
    String email,
    String displayName,
    Role role,
    Instant joinedAt,
    Instant lastLoginAt) {}
