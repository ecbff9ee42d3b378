package io.omnireach.app.security;

import io.omnireach.app.rest.Problem;
import io.omnireach.user.EffectivePermissions;
import io.omnireach.user.Requires;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enforces {@link Requires}: 403 (problem+json naming the permission) unless the caller's stored
 * membership in the token's tenant grants it. Runs after the session check.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class PermissionFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject EffectivePermissions permissions;

  @Override
  public void filter(ContainerRequestContext request) {
    Requires required = required(resource.getResourceMethod(), resource.getResourceClass());
    if (required == null) {
      return;
    }
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)
        || jwt.getSubject() == null) {
      request.abortWith(
          Problem.of(Response.Status.UNAUTHORIZED, "Sign in: send a valid bearer token.", null)
              .toResponse());
      return;
    }
    Object tenantId = jwt.getClaim(Claims.TENANT_ID);
    boolean allowed =
        tenantId != null
            && permissions.allows(
                SessionCheckFilter.number(tenantId),
                Long.parseLong(jwt.getSubject()),
                required.value());
    if (!allowed) {
      request.abortWith(
          Problem.of(
                  Response.Status.FORBIDDEN,
                  "Your role does not allow this: it needs the permission '"
                      + required.value().code()
                      + "'.",
                  null)
              .toResponse());
    }
  }

  /** The permission an endpoint needs: the method's, else its class's, else none. */
  public static Requires required(Method method, Class<?> type) {
    Requires onMethod = method == null ? null : method.getAnnotation(Requires.class);
    return onMethod != null ? onMethod : type == null ? null : type.getAnnotation(Requires.class);
  }
}
