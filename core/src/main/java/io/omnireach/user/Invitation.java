package io.omnireach.user;

import java.time.Instant;

/**
 * An open or accepted invitation to join a tenant with a role; {@code customRoleId} is set when the
 * role is {@link Role#MEMBER} (a custom role).
 */
public record Invitation(
    long id,
    String email,
    Role role,
    Instant createdAt,
    Instant expiresAt,
    Instant acceptedAt,
    Long customRoleId) {

  public Invitation(
      long id, String email, Role role, Instant createdAt, Instant expiresAt, Instant acceptedAt) {
    this(id, email, role, createdAt, expiresAt, acceptedAt, null);
  }

  public boolean isPending(Instant now) {
    return acceptedAt == null && expiresAt.isAfter(now);
  }
}
