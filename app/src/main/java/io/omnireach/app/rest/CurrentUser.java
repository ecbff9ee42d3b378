package io.omnireach.app.rest;

import io.omnireach.app.security.Claims;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, from the verified token only: the tenant never comes from a header or parameter. */
@RequestScoped
public class CurrentUser {

  @Inject JsonWebToken jwt;

  public long userId() {
    return Long.parseLong(jwt.getSubject());
  }

  public String email() {
    return jwt.getClaim("upn");
  }

  public Set<String> roles() {
    return jwt.getGroups();
  }

  public boolean hasRole(String role) {
    return jwt.getGroups() != null && jwt.getGroups().contains(role);
  }

  /** The caller's tenant; 403 for an operator token that has none. */
  public TenantRef tenant() {
    String slug = jwt.getClaim(Claims.TENANT);
    Object id = jwt.getClaim(Claims.TENANT_ID);
    if (slug == null || id == null) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "This token is not bound to a tenant: sign in with a tenant to use this API.");
    }
    return new TenantRef(((Number) id).longValue(), slug);
  }

  /** The reseller an operator acts for, or null (Owner). */
  public Long resellerId() {
    Object id = jwt.getClaim(Claims.RESELLER_ID);
    return id == null ? null : ((Number) id).longValue();
  }
}
