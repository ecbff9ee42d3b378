package io.omnireach.app;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.billing.Plan;
import io.omnireach.common.DomainException;
import io.omnireach.provisioning.NewTenant;
import io.omnireach.provisioning.TenantProvisioning;
import io.omnireach.tenant.Tenant;
import io.omnireach.ui.console.OperatorConsole;
import io.omnireach.user.Invitations;
import io.omnireach.user.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The operator console's port implemented over tenant provisioning, billing plans and invitations —
 * the same services the REST API uses, with the same rule: a Reseller reaches only its own tenants,
 * anything else is "not found".
 */
@ApplicationScoped
public class OperatorConsoleAdapter implements OperatorConsole {

  @Inject TenantProvisioning provisioning;
  @Inject Invitations invitations;

  @Override
  public List<PlanOption> plans() {
    return Arrays.stream(Plan.values())
        .map(p -> new PlanOption(p.name(), p.label(), p.seats()))
        .toList();
  }

  @Override
  public Tenant createTenant(AuthenticatedUser operator, TenantDraft draft) {
    Long reseller = requireReseller(operator);
    Tenant tenant =
        provisioning.create(
            new NewTenant(
                draft.slug(), draft.name(), null, draft.primaryColor(), reseller, null, null, null),
            operator.email());
    invitations.invite(
        tenant.ref(), draft.adminEmail(), Role.ADMIN, operator.userId(), operator.email());
    return tenant;
  }

  @Override
  public Tenant suspend(AuthenticatedUser operator, String slug) {
    visible(operator, slug);
    return provisioning.suspend(slug, operator.email());
  }

  @Override
  public Tenant resume(AuthenticatedUser operator, String slug) {
    visible(operator, slug);
    return provisioning.resume(slug, operator.email());
  }

  @Override
  public void delete(AuthenticatedUser operator, String slug) {
    visible(operator, slug);
    provisioning.delete(slug, operator.email());
  }

  /** Tenants are created by resellers (the Owner creates resellers). */
  private static Long requireReseller(AuthenticatedUser operator) {
    if (operator.resellerId() == null) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "Only a reseller account can create tenants.");
    }
    return operator.resellerId();
  }

  private Tenant visible(AuthenticatedUser operator, String slug) {
    Tenant tenant = provisioning.require(slug);
    if (!operator.has(Role.OWNER)
        && (operator.resellerId() == null
            || !Objects.equals(operator.resellerId(), tenant.resellerId()))) {
      throw DomainException.notFound("No tenant '" + slug + "'.");
    }
    return tenant;
  }
}
