package io.omnireach.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
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

  /** Saves without discovery (SsoKeycloakIT covers it against a real provider). */
  static SsoSettings save(long tenantId, SsoSettingsUpdate update) {
    return sso.save(tenantId, update, issuer -> {});
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
    SsoSettings saved = save(acme, update("top-secret", false));
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
    save(acme, update(null, null));
    assertThat(sso.clientSecret(acme)).isEqualTo("top-secret");
    assertThat(sso.get(globex)).isEmpty();
  }

  @Test
  void bad_settings_are_refused_naming_the_field() {
    assertThatThrownBy(() -> save(globex, update(null, false)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("clientSecret"));
    assertThatThrownBy(
            () ->
                save(
                    globex,
                    new SsoSettingsUpdate(null, "ftp://x", "c", "s", null, null, null, null)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("issuer"));
    assertThatThrownBy(
            () ->
                save(
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

  /** The Authenticator refuses on it (its message is checked end to end in SsoKeycloakIT). */
  @Test
  void sso_only_turns_password_sign_in_off_for_that_tenant_only() {
    long t = tenant("initech");
    assertThat(users.passwordSignInAllowed(t)).isTrue();
    save(t, update("s", true));
    assertThat(users.passwordSignInAllowed(t)).isFalse();
    assertThat(users.passwordSignInAllowed(acme)).isTrue();
    save(t, new SsoSettingsUpdate(false, ISSUER, "omnireach", null, null, null, null, null));
    assertThat(users.passwordSignInAllowed(t)).isTrue(); // SSO switched off: passwords again
    save(t, update(null, false));
    assertThat(users.passwordSignInAllowed(t)).isTrue();
  }
}
