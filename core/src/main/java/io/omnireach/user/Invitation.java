package io.omnireach.user;

import java.time.Instant;

/** An open or accepted invitation to join a tenant with a role. */
public record Invitation(
    long id, String email, Role role, Instant createdAt, Instant expiresAt, Instant acceptedAt) {

  public boolean isPending(Instant now) {
    return acceptedAt == null && expiresAt.isAfter(now);
  }
}
