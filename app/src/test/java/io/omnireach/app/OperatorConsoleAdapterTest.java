package io.omnireach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.billing.PlanSeatPolicy;
import io.omnireach.common.DomainException;
import io.omnireach.provisioning.Resellers;
import io.omnireach.provisioning.TenantProvisioning;
import io.omnireach.reseller.Reseller;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.testing.TestDatabase;
import io.omnireach.ui.console.OperatorConsole;
import io.omnireach.user.Invitations;
import io.omnireach.user.Role;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's port on a real database: what a reseller may reach, and what creation does. */
class OperatorConsoleAdapterTest {

  static TestDatabase db;
  static OperatorConsoleAdapter console;
  static AuthenticatedUser owner;
  static AuthenticatedUser north;
  static AuthenticatedUser south;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    console = new OperatorConsoleAdapter();
    console.provisioning = new TenantProvisioning(db.transactions());
    console.resellers = new Resellers(db.transactions());
    console.invitations =
        new Invitations(
            db.transactions(), Clock.systemUTC(), new PlanSeatPolicy(db.transactions()));
    Clock clock = Clock.systemUTC();
    console.sessions =
        new io.omnireach.auth.Sessions(
            db.transactions(),
            clock,
            new io.omnireach.auth.Authenticator(
                new io.omnireach.user.UserDirectory(db.transactions()),
                new io.omnireach.dashboard.ActivityFeed(db.transactions(), clock),
                io.omnireach.auth.LoginThrottle.standard(clock),
                clock,
                io.omnireach.auth.SignInObserver.NONE,
                new io.omnireach.reseller.ResellerDirectory(db.transactions()),
                new io.omnireach.audit.AuditLog(db.transactions())),
            java.time.Duration.ofDays(14),
            java.time.Duration.ofSeconds(5));
    owner = operator(1, "owner@test", Role.OWNER, null);
    Reseller n = console.createReseller(owner, draft("north", "ops@north.test"));
    Reseller s = console.createReseller(owner, draft("south", "ops@south.test"));
    north = operator(2, "ops@north.test", Role.RESELLER, n.id());
    south = operator(3, "ops@south.test", Role.RESELLER, s.id());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static OperatorConsole.ResellerDraft draft(String slug, String email) {
    return new OperatorConsole.ResellerDraft(
        "Reseller " + slug, slug, null, "Ops " + slug, email, "long-enough-password");
  }

  static AuthenticatedUser operator(long id, String email, Role role, Long resellerId) {
    return new AuthenticatedUser(id, email, "Operator", null, Set.of(role), resellerId);
  }

  static OperatorConsole.TenantDraft tenant(String slug, String plan, String adminEmail) {
    return new OperatorConsole.TenantDraft("Tenant " + slug, slug, plan, null, adminEmail);
  }

  @Test
  void a_reseller_creates_a_tenant_on_its_plan_and_its_first_admin_is_invited() {
    Tenant created = console.createTenant(north, tenant("north-one", "SCALE", "Boss@North.test"));
    assertThat(created.resellerId()).isEqualTo(north.resellerId());
    assertThat(created.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(console.invitations.list(created.ref()))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.email()).isEqualTo("boss@north.test");
              assertThat(i.role()).isEqualTo(Role.ADMIN);
            });
    assertThat(planOf(created)).isEqualTo("SCALE");
  }

  @Test
  void a_bad_plan_or_admin_email_leaves_no_half_made_tenant() {
    assertThatThrownBy(() -> console.createTenant(north, tenant("north-bad", "GOLD", "a@b.test")))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("Unknown plan");
    assertThatThrownBy(() -> console.createTenant(north, tenant("north-bad", "TEAM", "nope")))
        .isInstanceOf(DomainException.class);
    assertThat(new TenantDirectory(db.transactions()).bySlug("north-bad")).isEmpty();
  }

  @Test
  void a_reseller_cannot_suspend_resume_or_delete_another_resellers_tenant() {
    console.createTenant(north, tenant("north-two", "TEAM", "admin@north-two.test"));
    for (Runnable foreign :
        new Runnable[] {
          () -> console.suspend(south, "north-two"),
          () -> console.resume(south, "north-two"),
          () -> console.delete(south, "north-two")
        }) {
      assertThatThrownBy(foreign::run)
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }
    assertThat(console.suspend(north, "north-two").status()).isEqualTo(TenantStatus.SUSPENDED);
    assertThat(console.resume(owner, "north-two").status()).isEqualTo(TenantStatus.ACTIVE);
  }

  @Test
  void only_the_owner_manages_resellers_and_only_resellers_create_tenants() {
    assertThatThrownBy(() -> console.createReseller(north, draft("rogue", "rogue@test")))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    assertThatThrownBy(() -> console.suspendReseller(north, south.resellerId()))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> console.createTenant(owner, tenant("owner-own", "TEAM", "a@b.test")))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
  }

  private static String planOf(Tenant tenant) {
    return db.transactions()
        .platform(
            c -> {
              try (var ps = c.prepareStatement("select plan from tenants where id = ?")) {
                ps.setLong(1, tenant.id());
                try (var rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
  }
}
