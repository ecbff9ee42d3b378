package io.omnireach.app;

import io.omnireach.auth.Authenticator;
import io.omnireach.auth.InvitationAcceptance;
import io.omnireach.auth.LoginThrottle;
import io.omnireach.auth.Sessions;
import io.omnireach.auth.TrustedProxies;
import io.omnireach.db.Transactions;
import io.omnireach.user.CustomRoles;
import io.omnireach.user.EffectivePermissions;
import io.omnireach.user.Invitations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires sessions (revocation checks, refresh tokens), the real client address and the guarded
 * invitation accept into CDI.
 *
 * <p>Configuration: {@code omnireach.jwt.refresh-ttl-seconds} (refresh token lifetime, default 14
 * days), {@code omnireach.sessions.cache-seconds} (how long a session's checked state is reused;
 * also the longest a change made on another replica takes to be seen, default 5), {@code
 * omnireach.trusted-proxies} (CIDRs whose X-Forwarded-For is believed; default none).
 */
@ApplicationScoped
public class SessionServices {

  @Produces
  @Singleton
  Sessions sessions(
      Transactions tx,
      Clock clock,
      Authenticator authenticator,
      @ConfigProperty(name = "omnireach.jwt.refresh-ttl-seconds", defaultValue = "1209600")
          long refreshTtl,
      @ConfigProperty(name = "omnireach.sessions.cache-seconds", defaultValue = "5")
          long cacheSeconds) {
    return new Sessions(
        tx, clock, authenticator, Duration.ofSeconds(refreshTtl), Duration.ofSeconds(cacheSeconds));
  }

  /** The one permission check (REST filter and UI); cached as briefly as session state. */
  @Produces
  @Singleton
  EffectivePermissions effectivePermissions(
      Transactions tx,
      Clock clock,
      @ConfigProperty(name = "omnireach.sessions.cache-seconds", defaultValue = "5")
          long cacheSeconds) {
    return new EffectivePermissions(tx, clock, Duration.ofSeconds(cacheSeconds));
  }

  @Produces
  @Singleton
  CustomRoles customRoles(Transactions tx, EffectivePermissions permissions) {
    return new CustomRoles(tx, permissions);
  }

  @Produces
  @Singleton
  TrustedProxies trustedProxies(
      @ConfigProperty(name = "omnireach.trusted-proxies") Optional<String> spec) {
    return TrustedProxies.parse(spec.orElse(""));
  }

  @Produces
  @Singleton
  InvitationAcceptance invitationAcceptance(
      Transactions tx, Invitations invitations, LoginThrottle throttle) {
    return new InvitationAcceptance(tx, invitations, throttle);
  }
}
