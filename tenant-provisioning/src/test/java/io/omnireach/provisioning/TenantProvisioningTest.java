package io.omnireach.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantProvisioningTest {

  static TestDatabase db;
  static TenantProvisioning provisioning;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    provisioning = new TenantProvisioning(db.transactions());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static NewTenant tenant(String slug, String adminEmail) {
    return new NewTenant(
        slug, "Tenant " + slug, null, "#0369A1", null, adminEmail, "First Admin", "long-enough-pw");
  }

  @Test
  void a_new_tenant_gets_its_schema_migrated_and_an_admin_then_becomes_active() throws Exception {
    Tenant t = provisioning.create(tenant("initech", "bill@initech.test"), "owner@test");
    assertThat(t.status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(t.branding().primaryColor()).isEqualTo("#0369a1");
    assertThat(query("select count(*) from tenant_initech.activity")).isEqualTo(0);
    assertThat(
            query(
                "select count(*) from platform.memberships m join platform.users u on u.id ="
                    + " m.user_id where u.email = 'bill@initech.test' and m.role = 'ADMIN'"))
        .isEqualTo(1);
    assertThat(new AuditLog(db.transactions()).recent("initech", 10))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("tenant.create"));
  }

  @Test
  void a_taken_slug_is_a_conflict_naming_the_slug() {
    provisioning.create(tenant("hooli", "gavin@hooli.test"), "owner@test");
    assertThatThrownBy(() -> provisioning.create(tenant("hooli", "other@hooli.test"), "owner@test"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("already taken")
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.CONFLICT);
  }

  @Test
  void bad_branding_is_refused_before_anything_is_created() {
    NewTenant badColour =
        new NewTenant(
            "umbrella", "Umbrella", null, "red", null, "a@umbrella.test", "A", "long-enough-pw");
    assertThatThrownBy(() -> provisioning.create(badColour, "owner@test"))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("primaryColor");
    NewTenant badLogo =
        new NewTenant(
            "umbrella",
            "Umbrella",
            "http://x.test/l.png",
            null,
            null,
            "a@umbrella.test",
            "A",
            "long-enough-pw");
    assertThatThrownBy(() -> provisioning.create(badLogo, "owner@test"))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("logoUrl");
    assertThat(new TenantDirectory(db.transactions()).bySlug("umbrella")).isEmpty();
  }

  @Test
  void a_failure_half_way_leaves_no_schema_and_frees_the_slug() throws Exception {
    assertThatThrownBy(() -> provisioning.create(tenant("vandelay", "not-an-email"), "owner@test"))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("email");
    assertThat(schemaExists("tenant_vandelay")).isFalse();
    assertThat(new TenantDirectory(db.transactions()).bySlug("vandelay")).isEmpty();
    assertThat(provisioning.create(tenant("vandelay", "art@vandelay.test"), "owner@test").status())
        .isEqualTo(TenantStatus.ACTIVE);
  }

  @Test
  void suspend_and_resume_change_the_status_and_are_audited() {
    provisioning.create(tenant("dunder", "michael@dunder.test"), "owner@test");
    assertThat(provisioning.suspend("dunder", "owner@test").status())
        .isEqualTo(TenantStatus.SUSPENDED);
    assertThat(provisioning.resume("dunder", "owner@test").status()).isEqualTo(TenantStatus.ACTIVE);
    assertThat(new AuditLog(db.transactions()).recent("dunder", 10))
        .extracting(e -> e.action())
        .contains("tenant.suspend", "tenant.resume");
  }

  @Test
  void deleting_drops_the_schema_and_memberships_but_keeps_the_audit_trail() throws Exception {
    provisioning.create(tenant("wonka", "willy@wonka.test"), "owner@test");
    provisioning.delete("wonka", "owner@test");
    assertThat(schemaExists("tenant_wonka")).isFalse();
    assertThat(new TenantDirectory(db.transactions()).bySlug("wonka")).isEmpty();
    assertThat(new AuditLog(db.transactions()).recent("wonka", 10))
        .extracting(e -> e.action())
        .contains("tenant.create", "tenant.delete");
  }

  @Test
  void without_the_citus_extension_provisioning_skips_distribution() throws Exception {
    assertThat(query("select count(*) from pg_extension where extname = 'citus'")).isZero();
    assertThat(provisioning.create(tenant("stark", "tony@stark.test"), "owner@test").status())
        .isEqualTo(TenantStatus.ACTIVE);
  }

  private static boolean schemaExists(String schema) throws SQLException {
    return query(
            "select count(*) from information_schema.schemata where schema_name = '" + schema + "'")
        == 1;
  }

  private static int query(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
