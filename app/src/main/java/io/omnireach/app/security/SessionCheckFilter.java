package io.omnireach.app.security;

import io.omnireach.app.rest.CurrentUser;
import io.omnireach.app.rest.Problem;
import io.omnireach.auth.Sessions;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a bearer token whose session was revoked after it was issued: the user was removed,
 * their role changed, the tenant was suspended, deleted or re-created under the same slug, or
 * {@code Sessions.revokeUser} ran. Runs before role checks, on every API request with a token.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 50)
public class SessionCheckFilter implements ContainerRequestFilter {

  @Inject Sessions sessions;
  @Inject CurrentUser currentUser;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)
        || jwt.getSubject() == null) {
      return;
    }
    Optional<String> revoked;
    try {
      revoked = sessions.whyRevoked(stamp(jwt));
    } catch (NumberFormatException | ClassCastException e) {
      revoked = Optional.of("This token is not one of ours.");
    }
    if (revoked.isPresent()) {
      request.abortWith(Problem.of(Response.Status.UNAUTHORIZED, revoked.get(), null).toResponse());
      return;
    }
    currentUser.use(jwt); // the resource reads the caller from this principal
  }

  static Sessions.Stamp stamp(JsonWebToken jwt) {
    Object tenantId = jwt.getClaim(Claims.TENANT_ID);
    Object epoch = jwt.getClaim(Claims.SESSION_EPOCH);
    return new Sessions.Stamp(
        Long.parseLong(jwt.getSubject()),
        tenantId == null ? null : number(tenantId),
        jwt.getClaim(Claims.TENANT),
        jwt.getGroups(),
        epoch == null ? 0 : number(epoch),
        jwt.getClaim(Claims.SSO_SESSION));
  }

  /** A numeric claim as a long, whichever JSON or Java number type the token library gave. */
  public static long number(Object claim) {
    if (claim instanceof Number n) {
      return n.longValue();
    }
    if (claim instanceof jakarta.json.JsonNumber n) {
      return n.longValue();
    }
    return Long.parseLong(claim.toString());
  }
}
