package io.omnireach.app.rest;

import io.omnireach.app.security.Claims;
import io.omnireach.app.security.SessionCheckFilter;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller, from the verified token only: the tenant never comes from a header or parameter. The
 * token is the request's principal as the security context holds it, handed over by {@link
 * SessionCheckFilter} once per request (read directly, not through the injected request-scoped
 * token bean on every claim); when no filter handed one over, the injected bean.
 */
@RequestScoped
public class CurrentUser {

  @Inject JsonWebToken injected;

  private JsonWebToken principal;

  /** The request's verified token, from the security context's principal. */
  public void use(JsonWebToken principal) {
    this.principal = principal;
  }

  private JsonWebToken jwt() {
    return principal != null ? principal : injected;
  }

  public long userId() {
    return Long.parseLong(jwt().getSubject());
  }

  public String email() {
    return jwt().getClaim("upn");
  }

  public Set<String> roles() {
    return jwt().getGroups();
  }

  public boolean hasRole(String role) {
    Set<String> groups = jwt().getGroups();
    return groups != null && groups.contains(role);
  }

  /** The caller's tenant; 403 for an operator token that has none. */
  public TenantRef tenant() {
    JsonWebToken jwt = jwt();
    String slug = jwt.getClaim(Claims.TENANT);
    Object id = jwt.getClaim(Claims.TENANT_ID);
    if (slug == null || id == null) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "This token is not bound to a tenant: sign in with a tenant to use this API.");
    }
    return new TenantRef(SessionCheckFilter.number(id), slug);
  }

  /** The reseller an operator acts for, or null (Owner). */
  public Long resellerId() {
    Object id = jwt().getClaim(Claims.RESELLER_ID);
    return id == null ? null : SessionCheckFilter.number(id);
  }
}
