package io.omnireach.user;

import java.time.Instant;

/**
 * A user as seen from one tenant: the role they hold there. {@code customRoleId} and {@code
 * customRoleName} are set when the role is {@link Role#MEMBER} (a custom role).
 */
public record Member(
    long userId,
    String email,
    String displayName,
    Role role,
    Instant joinedAt,
    Instant lastLoginAt,
    Long customRoleId,
    String customRoleName) {

  public Member(
      long userId,
      String email,
      String displayName,
      Role role,
      Instant joinedAt,
      Instant lastLoginAt) {
    this(userId, email, displayName, role, joinedAt, lastLoginAt, null, null);
  }

  /** The role's name as people see it: "Sales", or the custom role's name. */
  public String roleName() {
    return customRoleName != null ? customRoleName : role.label();
  }
}
