package io.omnireach.sso;

import io.omnireach.user.Role;
import java.time.Instant;
import java.util.Map;

/**
 * A tenant's SSO configuration as read back: the client secret is never returned, only whether one
 * is stored. {@code roleMapping} maps values of the {@code roleClaim} (e.g. group names) to tenant
 * roles; {@code defaultRole} applies when none maps.
 */
public record SsoSettings(
    boolean enabled,
    String issuer,
    String clientId,
    boolean clientSecretSet,
    String roleClaim,
    Map<String, Role> roleMapping,
    Role defaultRole,
    boolean ssoOnly,
    Instant updatedAt) {}
