package io.omnireach.app;

import io.omnireach.audit.AuditLog;
import io.omnireach.auth.Authenticator;
import io.omnireach.auth.Sessions;
import io.omnireach.common.SecretBox;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.db.Transactions;
import io.omnireach.sso.SsoDirectory;
import io.omnireach.sso.SsoSignIn;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.user.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires tenant single sign-on (OIDC) into CDI; client secrets are sealed with the master key. */
@ApplicationScoped
public class SsoServices {

  @Produces
  @Singleton
  SsoSignIn ssoSignIn(
      Transactions tx,
      SecretBox secrets,
      Clock clock,
      TenantDirectory tenants,
      UserDirectory users,
      Authenticator authenticator,
      Sessions sessions,
      ActivityFeed activity,
      AuditLog audit) {
    return new SsoSignIn(
        new SsoDirectory(tx, secrets, clock),
        tenants,
        users,
        authenticator,
        sessions,
        activity,
        audit,
        clock);
  }
}
