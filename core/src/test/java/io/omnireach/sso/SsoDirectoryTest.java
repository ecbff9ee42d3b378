package io.omnireach.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.auth.Authenticator;
import io.omnireach.auth.LoginThrottle;
import io.omnireach.auth.SignInObserver;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.db.Transactions;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.testing.TestDatabase;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SsoDirectoryTest {

  static final String ISSUER = "https://sso.example.test/realms/acme";
  static TestDatabase db;
  static Transactions tx;
  static SsoDirectory sso;
  static UserDirectory users;
  static long acme;
  static long globex;

  @BeforeAll
  static void twoTenants() {
    db = TestDatabase.migrated();
    tx = db.transactions();
    sso = new SsoDirectory(tx, SecretBox.fromBase64(SecretBox.newKey()), Clock.systemUTC());
    users = new UserDirectory(tx);
    acme = tenant("acme");
    globex = tenant("globex");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static long tenant(String slug) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into tenants (slug, display_name, status) values (?, ?, 'ACTIVE')"
                      + " returning id")) {
            ps.setString(1, slug);
            ps.setString(2, slug.toUpperCase());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  static SsoSettingsUpdate update(String secret, Boolean ssoOnly) {
    return new SsoSettingsUpdate(
        null,
        ISSUER,
        "omnireach",
        secret,
        "groups",
        Map.of("omni-admins", "Admin", "sales", "sales"),
        "Viewer",
        ssoOnly);
  }

  @Test
  void settings_are_per_tenant_the_secret_is_sealed_and_kept_when_not_sent() {
    SsoSettings saved = sso.save(acme, update("top-secret", false));
    assertThat(saved.clientSecretSet()).isTrue();
    assertThat(saved.roleMapping()).containsEntry("sales", Role.SALES);
    String stored =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select client_secret_sealed from tenant_sso where tenant_id = ?")) {
                ps.setLong(1, acme);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
    assertThat(stored).doesNotContain("top-secret");
    sso.save(acme, update(null, null));
    assertThat(sso.clientSecret(acme)).isEqualTo("top-secret");
    assertThat(sso.get(globex)).isEmpty();
  }

  @Test
  void bad_settings_are_refused_naming_the_field() {
    assertThatThrownBy(() -> sso.save(globex, update(null, false)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("clientSecret"));
    assertThatThrownBy(
            () ->
                sso.save(
                    globex,
                    new SsoSettingsUpdate(null, "ftp://x", "c", "s", null, null, null, null)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("issuer"));
    assertThatThrownBy(
            () ->
                sso.save(
                    globex,
                    new SsoSettingsUpdate(
                        null, ISSUER, "c", "s", null, Map.of("ops", "Owner"), null, null)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("roleMapping.ops"));
  }

  @Test
  void first_sign_in_creates_the_member_later_ones_update_the_role() {
    long id = sso.provision(acme, ISSUER, "sub-1", "jit@sso.test", true, "Jit User", Role.SALES);
    assertThat(users.members(new io.omnireach.tenant.TenantRef(acme, "acme")))
        .anySatisfy(
            m -> {
              assertThat(m.userId()).isEqualTo(id);
              assertThat(m.role()).isEqualTo(Role.SALES);
            });
    assertThat(sso.provision(acme, ISSUER, "sub-1", "jit@sso.test", true, "Jit", Role.ADMIN))
        .isEqualTo(id);
    assertThat(users.memberships(id))
        .singleElement()
        .extracting(m -> m.role())
        .isEqualTo(Role.ADMIN);
    assertThat(sso.userOf(acme, ISSUER, "sub-1")).contains(id);
    assertThat(sso.userOf(globex, ISSUER, "sub-1")).isEmpty();
  }

  @Test
  void an_existing_account_is_linked_only_with_a_verified_email_and_never_an_operator() {
    long existing =
        tx.platform(
            c ->
                UserDirectory.createUser(
                    c, "known@sso.test", "Known", "a-long-passphrase", null, null));
    assertThatThrownBy(
            () -> sso.provision(acme, ISSUER, "sub-2", "known@sso.test", false, "K", Role.VIEWER))
        .hasMessageContaining("not verified");
    assertThat(sso.provision(acme, ISSUER, "sub-2", "KNOWN@sso.test", true, "K", Role.VIEWER))
        .isEqualTo(existing);
    tx.platform(
        c ->
            UserDirectory.createUser(
                c, "owner@sso.test", "Owner", "a-long-passphrase", Role.OWNER, null));
    assertThatThrownBy(
            () -> sso.provision(acme, ISSUER, "sub-3", "owner@sso.test", true, "O", Role.ADMIN))
        .hasMessageContaining("Operator accounts");
  }

  @Test
  void sso_only_refuses_password_sign_in_to_that_tenant() {
    long t = tenant("initech");
    tx.platform(
        c -> {
          long id =
              UserDirectory.createUser(c, "pw@initech.test", "Pw", "a-long-passphrase", null, null);
          UserDirectory.addMembership(c, id, t, Role.SALES);
          return id;
        });
    Clock clock = Clock.systemUTC();
    Authenticator authenticator =
        new Authenticator(
            users,
            new ActivityFeed(tx, clock),
            LoginThrottle.standard(clock),
            clock,
            SignInObserver.NONE,
            new ResellerDirectory(tx));
    assertThat(authenticator.authenticate("pw@initech.test", "a-long-passphrase", null, "1.2.3.4"))
        .isNotNull();
    sso.save(t, update("s", true));
    assertThatThrownBy(
            () ->
                authenticator.authenticate("pw@initech.test", "a-long-passphrase", null, "1.2.3.4"))
        .hasMessageContaining("single sign-on only");
    sso.save(t, update(null, false));
    assertThat(authenticator.authenticate("pw@initech.test", "a-long-passphrase", null, "1.2.3.4"))
        .isNotNull();
  }
}
