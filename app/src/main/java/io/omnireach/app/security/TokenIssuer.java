package io.omnireach.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Sessions;
import io.omnireach.user.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues RS256 access tokens in the MicroProfile JWT format (upn, groups) plus tenant claims. */
@ApplicationScoped
public class TokenIssuer {

  /** A signed token and its lifetime. */
  public record IssuedToken(String token, long expiresInSeconds) {}

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "omnireach.jwt.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "omnireach.jwt.audience")
  String audience;

  @Inject
  @ConfigProperty(name = "omnireach.jwt.ttl-seconds")
  long ttlSeconds;

  /** A token for a grant from {@code Sessions}: it carries the session epoch. */
  public IssuedToken issue(Sessions.Grant grant) {
    return issue(grant.user(), grant.epoch(), grant.ssoSession());
  }

  public IssuedToken issue(AuthenticatedUser user, long sessionEpoch) {
    return issue(user, sessionEpoch, null);
  }

  private IssuedToken issue(AuthenticatedUser user, long sessionEpoch, String ssoSession) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(Long.toString(user.userId()))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
            .claim("upn", user.email())
            .claim("name", user.displayName())
            .claim("groups", user.roles().stream().map(Role::label).sorted().toList())
            .claim(Claims.SESSION_EPOCH, sessionEpoch);
    if (user.tenant() != null) {
      claims.claim(Claims.TENANT, user.tenant().slug());
      claims.claim(Claims.TENANT_ID, user.tenant().id());
    }
    if (user.resellerId() != null) {
      claims.claim(Claims.RESELLER_ID, user.resellerId());
    }
    if (ssoSession != null) {
      claims.claim(Claims.SSO_SESSION, ssoSession);
    }
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID("omnireach")
                  .build(),
              claims.build());
      jwt.sign(new RSASSASigner(JwtKeys.get().privateKey()));
      return new IssuedToken(jwt.serialize(), ttlSeconds);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign token", e);
    }
  }
}
