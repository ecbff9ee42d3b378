package io.omnireach.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionsTest {

  static TestDatabase db;
  static Transactions tx;
  static UserDirectory users;
  static Authenticator authenticator;
  static Sessions sessions;
  static long tenantId;
  static TenantRef tenant;

  @BeforeAll
  static void oneTenant() {
    db = TestDatabase.migrated();
    tx = db.transactions();
    users = new UserDirectory(tx);
    Clock clock = Clock.systemUTC();
    authenticator =
        new Authenticator(
            users,
            new ActivityFeed(tx, clock),
            LoginThrottle.standard(clock),
            clock,
            SignInObserver.NONE,
            new io.omnireach.reseller.ResellerDirectory(tx),
            new io.omnireach.audit.AuditLog(tx));
    // A long cache: the tests also show that local changes drop it at once.
    sessions = new Sessions(tx, clock, authenticator, Duration.ofDays(14), Duration.ofMinutes(5));
    tenantId =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into tenants (slug, display_name, status) values ('acme', 'Acme',"
                          + " 'ACTIVE') returning id")) {
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    tenant = new TenantRef(tenantId, "acme");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static long member(String email, Role role) {
    return tx.platform(
        c -> {
          long id = UserDirectory.createUser(c, email, "Someone", "a-long-passphrase", null, null);
          UserDirectory.addMembership(c, id, tenantId, role);
          return id;
        });
  }

  @Test
  void a_fresh_session_stands_and_a_revoked_user_loses_it_and_its_refresh_tokens() {
    long id = member("rev@acme.test", Role.SALES);
    Sessions.Grant grant = sessions.open(authenticator.switchTenant(id, "acme"));
    Sessions.Stamp stamp = Sessions.Stamp.of(grant.user(), grant.epoch());
    assertThat(sessions.whyRevoked(stamp)).isEmpty();

    sessions.revokeUser(id);

    assertThat(sessions.whyRevoked(stamp)).isPresent();
    assertThatThrownBy(() -> sessions.refresh(grant.refreshToken()))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.UNAUTHORIZED);
    Sessions.Grant again = sessions.open(authenticator.switchTenant(id, "acme"));
    assertThat(sessions.whyRevoked(Sessions.Stamp.of(again.user(), again.epoch()))).isEmpty();
  }

  @Test
  void a_role_change_or_removal_ends_the_session_once_the_change_is_announced() {
    long admin = member("boss@acme.test", Role.ADMIN);
    long id = member("role@acme.test", Role.ADMIN);
    Sessions.Grant grant = sessions.open(authenticator.switchTenant(id, "acme"));
    Sessions.Stamp stamp = Sessions.Stamp.of(grant.user(), grant.epoch());
    assertThat(sessions.whyRevoked(stamp)).isEmpty(); // now cached

    users.changeRole(tenant, id, Role.VIEWER, "boss@acme.test");
    sessions.userChanged(id);
    assertThat(sessions.whyRevoked(stamp)).get().asString().contains("role");

    // Refreshing gives the new role, not the old one.
    Sessions.Grant refreshed = sessions.refresh(grant.refreshToken());
    assertThat(refreshed.user().roles()).containsExactly(Role.VIEWER);

    users.removeMember(tenant, id, "boss@acme.test");
    sessions.userChanged(id);
    assertThat(sessions.whyRevoked(Sessions.Stamp.of(refreshed.user(), refreshed.epoch())))
        .get()
        .asString()
        .contains("no longer a member");
    assertThatThrownBy(() -> sessions.refresh(refreshed.refreshToken()))
        .isInstanceOf(DomainException.class);
    assertThat(admin).isPositive();
  }

  @Test
  void a_refresh_token_rotates_and_reusing_an_old_one_revokes_the_whole_family() {
    long id = member("rot@acme.test", Role.SALES);
    Sessions.Grant first = sessions.open(authenticator.switchTenant(id, "acme"));
    Sessions.Grant second = sessions.refresh(first.refreshToken());
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());

    assertThatThrownBy(() -> sessions.refresh(first.refreshToken()))
        .hasMessageContaining("already used");
    // The thief's replay also killed the legitimate successor.
    assertThatThrownBy(() -> sessions.refresh(second.refreshToken()))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void logout_revokes_the_presented_refresh_token_only() {
    long id = member("out@acme.test", Role.SALES);
    Sessions.Grant laptop = sessions.open(authenticator.switchTenant(id, "acme"));
    Sessions.Grant phone = sessions.open(authenticator.switchTenant(id, "acme"));
    sessions.logout(laptop.refreshToken());
    assertThatThrownBy(() -> sessions.refresh(laptop.refreshToken()))
        .isInstanceOf(DomainException.class);
    assertThat(sessions.refresh(phone.refreshToken()).user().userId()).isEqualTo(id);
    sessions.logout("never-issued"); // ignored
  }

  @Test
  void a_token_bound_to_a_deleted_tenant_does_not_carry_over_to_a_new_tenant_with_its_slug() {
    long id = member("slug@acme.test", Role.SALES);
    Sessions.Grant grant = sessions.open(authenticator.switchTenant(id, "acme"));
    // Same slug, other (new) tenant id in the token: refused.
    Sessions.Stamp forgedId =
        new Sessions.Stamp(id, tenantId + 1000, "acme", Set.of("Sales"), grant.epoch());
    assertThat(sessions.whyRevoked(forgedId)).isPresent();
    assertThat(sessions.whyRevoked(Sessions.Stamp.of(grant.user(), grant.epoch()))).isEmpty();
  }

  @Test
  void ending_one_identity_provider_session_ends_only_the_sign_ins_that_came_from_it() {
    long id = member("sso@acme.test", Role.SALES);
    String laptop = Sessions.ssoSession(tenantId, "https://idp.test/realms/acme", "sid-laptop");
    String phone = Sessions.ssoSession(tenantId, "https://idp.test/realms/acme", "sid-phone");
    assertThat(laptop).isNotEqualTo(phone).doesNotContain("sid-laptop");
    Sessions.Grant onLaptop = sessions.open(authenticator.switchTenant(id, "acme"), laptop);
    Sessions.Grant onPhone = sessions.open(authenticator.switchTenant(id, "acme"), phone);
    Sessions.Grant byPassword = sessions.open(authenticator.switchTenant(id, "acme"));
    Sessions.Stamp laptopUi = Sessions.Stamp.of(onLaptop.user(), onLaptop.epoch(), laptop);
    assertThat(sessions.whyRevoked(laptopUi)).isEmpty(); // now remembered as live

    sessions.endSsoSession(laptop);

    assertThat(sessions.whyRevoked(laptopUi)).get().asString().contains("identity provider");
    assertThatThrownBy(() -> sessions.refresh(onLaptop.refreshToken()))
        .isInstanceOf(DomainException.class);
    // the phone's sign-in, its refreshed tokens and the password sign-in stand
    Sessions.Grant phoneRefreshed = sessions.refresh(onPhone.refreshToken());
    assertThat(phoneRefreshed.ssoSession()).isEqualTo(phone);
    assertThat(
            sessions.whyRevoked(
                Sessions.Stamp.of(phoneRefreshed.user(), phoneRefreshed.epoch(), phone)))
        .isEmpty();
    assertThat(sessions.whyRevoked(Sessions.Stamp.of(byPassword.user(), byPassword.epoch())))
        .isEmpty();
    assertThat(sessions.refresh(byPassword.refreshToken()).ssoSession()).isNull();
    // another replica (no local memory of it) sees the ended session too
    Sessions other =
        new Sessions(
            tx, Clock.systemUTC(), authenticator, Duration.ofDays(14), Duration.ofMinutes(5));
    assertThat(other.whyRevoked(laptopUi)).isPresent();
  }
}
