package io.omnireach.app.rest;

import io.omnireach.sso.SsoSettings;
import io.omnireach.sso.SsoSignIn;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the SSO endpoints. */
public final class SsoDtos {

  private SsoDtos() {}

  /** A tenant's SSO settings; the client secret is write-only. */
  public record SsoSettingsDto(
      @Schema(example = "true") boolean configured,
      @Schema(example = "true") boolean enabled,
      @Schema(example = "https://sso.acme.example/realms/acme") String issuer,
      @Schema(example = "omnireach") String clientId,
      @Schema(example = "true") boolean clientSecretSet,
      @Schema(example = "groups") String roleClaim,
      @Schema(example = "{\"omni-admins\":\"Admin\",\"sales\":\"Sales\"}")
          Map<String, String> roleMapping,
      @Schema(example = "Viewer") String defaultRole,
      @Schema(example = "false") boolean ssoOnly,
      @Schema(example = "http://localhost:9080/api/v1/sso/callback") String redirectUri,
      @Schema(example = "http://localhost:9080/api/v1/sso/backchannel-logout/acme")
          String backChannelLogoutUri,
      Instant updatedAt) {

    static SsoSettingsDto of(SsoSettings s, String redirectUri, String logoutUri) {
      if (s == null) {
        return new SsoSettingsDto(
            false,
            false,
            null,
            null,
            false,
            "groups",
            Map.of(),
            "Viewer",
            false,
            redirectUri,
            logoutUri,
            null);
      }
      Map<String, String> mapping = new LinkedHashMap<>();
      s.roleMapping().forEach((k, v) -> mapping.put(k, v.label()));
      return new SsoSettingsDto(
          true,
          s.enabled(),
          s.issuer(),
          s.clientId(),
          s.clientSecretSet(),
          s.roleClaim(),
          mapping,
          s.defaultRole().label(),
          s.ssoOnly(),
          redirectUri,
          logoutUri,
          s.updatedAt());
    }
  }

  /** A change; omitted fields keep their value, a null clientSecret keeps the stored one. */
  public record SsoSettingsRequest(
      @Schema(example = "true") Boolean enabled,
      @Schema(example = "https://sso.acme.example/realms/acme") String issuer,
      @Schema(example = "omnireach") String clientId,
      @Schema(example = "s3cr3t-from-keycloak", description = "write-only") String clientSecret,
      @Schema(example = "groups") String roleClaim,
      @Schema(example = "{\"omni-admins\":\"Admin\",\"sales\":\"Sales\"}")
          Map<String, String> roleMapping,
      @Schema(example = "Viewer") String defaultRole,
      @Schema(example = "false") Boolean ssoOnly) {}

  public record DiscoveryRequest(
      @Schema(example = "https://sso.acme.example/realms/acme") String issuer) {}

  public record DiscoveryDto(
      String issuer,
      String authorizationEndpoint,
      String tokenEndpoint,
      String jwksUri,
      boolean backChannelLogout) {
    static DiscoveryDto of(SsoSignIn.Discovery d) {
      return new DiscoveryDto(
          d.issuer(),
          String.valueOf(d.authorizationEndpoint()),
          String.valueOf(d.tokenEndpoint()),
          String.valueOf(d.jwksUri()),
          d.backChannelLogout());
    }
  }
}
