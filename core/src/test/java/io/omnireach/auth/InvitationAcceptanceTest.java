package io.omnireach.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.user.Invitations;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The invitation form checks an existing account's password, so it shares the sign-in throttle. */
class InvitationAcceptanceTest {

  static TestDatabase db;
  static Transactions tx;
  static TenantRef acme;
  static final LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock();
  static final LoginThrottle throttle = LoginThrottle.standard(clock);
  static Invitations invitations;
  static InvitationAcceptance acceptance;
  static Authenticator authenticator;
  static long inviter;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    tx = db.transactions();
    long id =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status) values ('acme', 'Acme',"
                              + " 'ACTIVE') returning id");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
    acme = new TenantRef(id, "acme");
    invitations = new Invitations(tx, clock, (tenant, taken) -> {});
    acceptance = new InvitationAcceptance(tx, invitations, throttle);
    UserDirectory users = new UserDirectory(tx);
    authenticator =
        new Authenticator(
            users,
            new ActivityFeed(tx, clock),
            throttle,
            clock,
            SignInObserver.NONE,
            new io.omnireach.reseller.ResellerDirectory(tx),
            new io.omnireach.audit.AuditLog(tx));
    inviter =
        tx.platform(
            c -> {
              UserDirectory.createUser(
                  c, "victim@elsewhere.test", "Victim", "the-real-passphrase", Role.OWNER, null);
              return UserDirectory.createUser(
                  c, "attacker@acme.test", "Attacker", "attackers-passphrase", null, null);
            });
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void guessing_an_existing_accounts_password_through_an_invitation_is_throttled_like_sign_in() {
    String token =
        invitations.invite(acme, "victim@elsewhere.test", Role.SALES, inviter, "attacker").token();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> acceptance.accept(token, "V", "guess-number-x", "203.0.113.5"))
          .extracting(e -> ((DomainException) e).kind())
          .isEqualTo(DomainException.Kind.UNAUTHORIZED);
    }
    // Even the right password is not checked now, here or at the sign-in.
    assertThatThrownBy(() -> acceptance.accept(token, "V", "the-real-passphrase", "203.0.113.5"))
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
    assertThatThrownBy(
            () ->
                authenticator.authenticate(
                    "victim@elsewhere.test", "the-real-passphrase", null, "203.0.113.5"))
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);

    clock.advance(Duration.ofMinutes(16));
    long userId = acceptance.accept(token, "V", "the-real-passphrase", "203.0.113.5");
    assertThat(userId).isPositive();
  }
}
