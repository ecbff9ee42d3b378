package io.omnireach.sso;

import java.util.Map;

/**
 * A change to a tenant's SSO settings. A null {@code clientSecret} keeps the stored one; null
 * flags, claim, mapping and default role keep theirs (or take the defaults on the first save).
 */
public record SsoSettingsUpdate(
    Boolean enabled,
    String issuer,
    String clientId,
    String clientSecret,
    String roleClaim,
    Map<String, String> roleMapping,
    String defaultRole,
    Boolean ssoOnly) {}
