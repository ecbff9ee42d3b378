package io.omnireach.ui.console;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.reseller.Reseller;
import io.omnireach.tenant.Tenant;
import java.util.List;

/**
 * What the console needs from tenant provisioning and billing (modules the UI must not depend on).
 * Every method takes the signed-in operator and answers only within their reach: a Reseller acts on
 * its own tenants only, an unknown or foreign slug is "not found".
 */
public interface OperatorConsole {

  /** A plan a tenant can be put on. */
  record PlanOption(String id, String label, int seats) {}

  /** What the create-tenant wizard collected. */
  record TenantDraft(
      String name, String slug, String plan, String primaryColor, String adminEmail) {}

  /** What the Owner's create-reseller dialog collected, with the reseller's first user. */
  record ResellerDraft(
      String name,
      String slug,
      String wholesalePlan,
      String userName,
      String userEmail,
      String userPassword) {}

  List<PlanOption> plans();

  /**
   * Creates the tenant on the operator's reseller, puts it on the plan and invites its first admin
   * (the invitation mail goes out from the invitation service).
   */
  Tenant createTenant(AuthenticatedUser operator, TenantDraft draft);

  Tenant suspend(AuthenticatedUser operator, String slug);

  Tenant resume(AuthenticatedUser operator, String slug);

  /** Erases the tenant; the audit trail stays. */
  void delete(AuthenticatedUser operator, String slug);

  /** Opens a reseller with its first user (Owner only). */
  Reseller createReseller(AuthenticatedUser owner, ResellerDraft draft);

  /** Its users and its tenants' users can no longer sign in (Owner only). */
  Reseller suspendReseller(AuthenticatedUser owner, long resellerId);

  Reseller resumeReseller(AuthenticatedUser owner, long resellerId);

  /** Moves the reseller to another wholesale plan code (Owner only). */
  Reseller changeWholesalePlan(AuthenticatedUser owner, long resellerId, String plan);
}
