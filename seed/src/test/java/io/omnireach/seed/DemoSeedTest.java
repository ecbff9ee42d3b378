package io.omnireach.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Authenticator;
import io.omnireach.auth.LoginThrottle;
import io.omnireach.common.DomainException;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.provisioning.TenantProvisioning;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.testing.TestDatabase;
import io.omnireach.user.Invitations;
import io.omnireach.user.Role;
import io.omnireach.user.SeatPolicy;
import io.omnireach.user.UserDirectory;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo data loads twice without duplicates, and its users sign in as documented. */
class DemoSeedTest {

  static TestDatabase db;
  static Authenticator authenticator;
  static UserDirectory users;
  static final java.util.List<String> outcomes =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @BeforeAll
  static void seededTwice() {
    db = TestDatabase.create();
    new DemoSeed(db.transactions(), Clock.systemUTC()).load();
    new DemoSeed(db.transactions(), Clock.systemUTC()).load();
    users = new UserDirectory(db.transactions());
    authenticator =
        new Authenticator(
            users,
            new ActivityFeed(db.transactions(), Clock.systemUTC()),
            LoginThrottle.standard(Clock.systemUTC()),
            Clock.systemUTC(),
            outcomes::add,
            new ResellerDirectory(db.transactions()),
            new io.omnireach.audit.AuditLog(db.transactions()));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void seeding_twice_creates_each_tenant_and_member_once() {
    TenantDirectory tenants = new TenantDirectory(db.transactions());
    assertThat(tenants.list(null)).extracting(t -> t.slug()).containsExactly("acme", "globex");
    assertThat(users.members(tenants.bySlug("acme").orElseThrow().ref()))
        .extracting(m -> m.email() + "=" + m.role())
        .containsExactlyInAnyOrder(
            "admin@acme.demo=ADMIN",
            "sales@acme.demo=SALES",
            "viewer@acme.demo=VIEWER",
            "finance@acme.demo=FINANCE");
  }

  @Test
  void both_workflow_templates_are_seeded_once_as_drafts_using_the_demo_persona() {
    var acme = new TenantDirectory(db.transactions()).bySlug("acme").orElseThrow().ref();
    var workflows = new io.omnireach.workflow.Workflows(db.transactions(), Clock.systemUTC());
    assertThat(workflows.list(acme, true))
        .extracting(w -> w.name())
        .containsExactlyInAnyOrder("Cold outreach, 3 touches", "Inbound follow-up");
    var cold =
        workflows.list(acme, true).stream()
            .filter(w -> "cold-outreach-3-touches".equals(w.template()))
            .findFirst()
            .orElseThrow();
    assertThat(workflows.get(acme, cold.id()).draft().node("n2").orElseThrow().config())
        .containsKey("personaId");
  }

  @Test
  void five_hundred_demo_leads_are_seeded_once_valid_and_varied() {
    var acme = new TenantDirectory(db.transactions()).bySlug("acme").orElseThrow().ref();
    var leads = new io.omnireach.lead.LeadRepository(db.transactions(), Clock.systemUTC());
    assertThat(leads.count(acme, io.omnireach.lead.LeadQuery.all())).isEqualTo(500);
    assertThat(leads.distinctIndustries(acme)).hasSizeGreaterThanOrEqualTo(6);
    assertThat(leads.slice(acme, io.omnireach.lead.LeadQuery.all(), 0, 500))
        .extracting(io.omnireach.lead.Lead::timezone)
        .contains("Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles");
  }

  @Test
  void each_demo_user_signs_in_to_their_tenant_with_their_role() {
    AuthenticatedUser viewer =
        authenticator.authenticate("Viewer@Acme.demo ", DemoSeed.PASSWORD, null, "127.0.0.1");
    assertThat(viewer.tenant().slug()).isEqualTo("acme");
    assertThat(viewer.roles()).containsExactly(Role.VIEWER);
    assertThat(viewer.canWrite()).isFalse();
    AuthenticatedUser owner =
        authenticator.authenticate("owner@omnireach.demo", DemoSeed.PASSWORD, null, "127.0.0.1");
    assertThat(owner.tenant()).isNull();
    assertThat(owner.roles()).containsExactly(Role.OWNER);
  }

  @Test
  void wrong_passwords_unknown_users_and_foreign_tenants_are_refused_alike() {
    assertThatThrownBy(
            () -> authenticator.authenticate("admin@acme.demo", "wrong-password", null, "10.1.1.1"))
        .hasMessage("Email or password is incorrect.");
    assertThatThrownBy(
            () ->
                authenticator.authenticate("nobody@acme.demo", DemoSeed.PASSWORD, null, "10.1.1.2"))
        .hasMessage("Email or password is incorrect.");
    assertThatThrownBy(
            () ->
                authenticator.authenticate(
                    "admin@acme.demo", DemoSeed.PASSWORD, "globex", "10.1.1.3"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("not a member of tenant 'globex'");
    assertThat(outcomes).contains("bad_credentials", "refused");
  }

  @Test
  void a_suspended_tenant_cannot_sign_in_until_resumed() {
    TenantProvisioning provisioning = new TenantProvisioning(db.transactions());
    provisioning.suspend("globex", "test");
    try {
      assertThatThrownBy(
              () ->
                  authenticator.authenticate(
                      "admin@globex.demo", DemoSeed.PASSWORD, null, "10.1.1.4"))
          .hasMessageContaining("suspended");
    } finally {
      provisioning.resume("globex", "test");
    }
    assertThat(
            authenticator
                .authenticate("admin@globex.demo", DemoSeed.PASSWORD, null, "10.1.1.4")
                .tenant()
                .slug())
        .isEqualTo("globex");
  }

  @Test
  void an_invitation_is_accepted_once_and_respects_the_seat_policy() {
    var acme = new TenantDirectory(db.transactions()).bySlug("acme").orElseThrow().ref();
    Invitations invitations =
        new Invitations(db.transactions(), Clock.systemUTC(), SeatPolicy.UNLIMITED);
    Invitations.Created created =
        invitations.invite(acme, "New.Rep@Acme.test", Role.SALES, 1, "admin@acme.demo");
    assertThatThrownBy(
            () -> invitations.invite(acme, "new.rep@acme.test", Role.SALES, 1, "admin@acme.demo"))
        .hasMessageContaining("already has an open invitation");
    long userId = invitations.accept(created.token(), "Nora New", "a-long-password");
    assertThat(users.member(acme, userId).role()).isEqualTo(Role.SALES);
    assertThatThrownBy(() -> invitations.accept(created.token(), "Nora New", "a-long-password"))
        .hasMessageContaining("already been used");
    assertThatThrownBy(() -> invitations.accept("forged-token", "X", "a-long-password"))
        .hasMessageContaining("does not exist");

    Invitations full =
        new Invitations(
            db.transactions(),
            Clock.systemUTC(),
            (tenant, taken) -> {
              throw DomainException.conflict("email", "No seat left (" + taken + " taken).");
            });
    assertThatThrownBy(
            () -> full.invite(acme, "one.more@acme.test", Role.VIEWER, 1, "admin@acme.demo"))
        .hasMessageContaining("No seat left (5 taken)");
  }

  @Test
  void the_last_admin_cannot_be_demoted_or_removed() {
    var globex = new TenantDirectory(db.transactions()).bySlug("globex").orElseThrow().ref();
    long admin = users.members(globex).get(0).userId();
    assertThatThrownBy(() -> users.changeRole(globex, admin, Role.SALES, "test"))
        .hasMessageContaining("at least one Admin");
    assertThatThrownBy(() -> users.removeMember(globex, admin, "test"))
        .hasMessageContaining("at least one Admin");
  }

  @Test
  void the_demo_reseller_is_branded_and_acme_keeps_its_own_logo_and_colour() {
    var resolver = new io.omnireach.brand.BrandResolver(db.transactions());
    var acme = resolver.forTenantSlug("acme").orElseThrow();
    assertThat(acme.brand().productName()).isEqualTo("Demo Reach");
    assertThat(acme.brand().logoUrl()).isEqualTo("/brand/acme.svg");
    assertThat(acme.brand().primaryColor()).isEqualTo("#4f46e5");
    long resellerId =
        new TenantDirectory(db.transactions()).bySlug("acme").orElseThrow().resellerId();
    assertThat(resolver.forReseller(resellerId).brand().logoUrl())
        .matches("/brand-assets/[0-9a-f]{64}\\.svg");
  }
}
