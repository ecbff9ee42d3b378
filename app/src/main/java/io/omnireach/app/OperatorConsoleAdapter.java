package io.omnireach.app;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Sessions;
import io.omnireach.billing.Plan;
import io.omnireach.common.DomainException;
import io.omnireach.common.Emails;
import io.omnireach.provisioning.NewReseller;
import io.omnireach.provisioning.NewTenant;
import io.omnireach.provisioning.Resellers;
import io.omnireach.provisioning.TenantProvisioning;
import io.omnireach.reseller.Reseller;
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
  @Inject Resellers resellers;
  @Inject Invitations invitations;
  @Inject Sessions sessions;

  @Override
  public List<PlanOption> plans() {
    return Arrays.stream(Plan.values())
        .map(p -> new PlanOption(p.name(), p.label(), p.seats()))
        .toList();
  }

  @Override
  public Tenant createTenant(AuthenticatedUser operator, TenantDraft draft) {
    Long reseller = requireReseller(operator);
    // checked before anything is stored, so a bad plan or email leaves no half-made tenant
    Plan plan = plan(draft.plan());
    String adminEmail = Emails.normalise("adminEmail", draft.adminEmail());
    Tenant tenant =
        provisioning.create(
            new NewTenant(
                draft.slug(), draft.name(), null, draft.primaryColor(), reseller, null, null, null),
            operator.email());
    tenant = provisioning.startOn(tenant.slug(), plan.name(), operator.email());
    invitations.invite(tenant.ref(), adminEmail, Role.ADMIN, operator.userId(), operator.email());
    return tenant;
  }

  @Override
  public Tenant suspend(AuthenticatedUser operator, String slug) {
    visible(operator, slug);
    Tenant suspended = provisioning.suspend(slug, operator.email());
    sessions.tenantChanged(slug); // its users' sessions end on their next request
    return suspended;
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
    sessions.tenantChanged(slug);
  }

  @Override
  public Reseller createReseller(AuthenticatedUser owner, ResellerDraft draft) {
    requireOwner(owner);
    return resellers.create(
        new NewReseller(
            draft.slug(),
            draft.name(),
            draft.wholesalePlan(),
            null,
            null,
            draft.userEmail(),
            draft.userName(),
            draft.userPassword()),
        owner.email());
  }

  @Override
  public Reseller suspendReseller(AuthenticatedUser owner, long resellerId) {
    requireOwner(owner);
    Reseller suspended = resellers.suspend(resellerId, owner.email());
    sessions.everythingChanged(); // its users' and its tenants' sessions end on the next request
    return suspended;
  }

  @Override
  public Reseller resumeReseller(AuthenticatedUser owner, long resellerId) {
    requireOwner(owner);
    return resellers.resume(resellerId, owner.email());
  }

  @Override
  public Reseller changeWholesalePlan(AuthenticatedUser owner, long resellerId, String plan) {
    requireOwner(owner);
    return resellers.update(resellerId, null, plan, owner.email());
  }

  private static Plan plan(String code) {
    return Arrays.stream(Plan.values())
        .filter(p -> p.name().equals(code))
        .findFirst()
        .orElseThrow(() -> DomainException.invalid("plan", "Unknown plan '" + code + "'."));
  }

  private static void requireOwner(AuthenticatedUser user) {
    if (!user.has(Role.OWNER)) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "Only the platform owner manages resellers.");
    }
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
