package io.omnireach.customdomain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.channel.HostPolicy;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.testing.FakeDnsZone;
import io.omnireach.testing.TestDatabase;
import java.sql.Statement;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which request hosts select a tenant: never a spoofed first label, never an unverified host. */
class TenantHostsTest {

  static TestDatabase db;
  static FakeDnsZone zone;
  static CustomDomains domains;
  static TenantHosts withBase;
  static TenantHosts withoutBase;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.migrated();
    db.transactions()
        .platform(
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute(
                    "insert into tenants (slug, display_name, status) values"
                        + " ('acme', 'Acme', 'ACTIVE'), ('paused', 'Paused', 'SUSPENDED')");
              }
              return null;
            });
    zone = new FakeDnsZone(0);
    DnsResolver dns = new JndiDnsResolver(zone.address());
    TenantDirectory tenants = new TenantDirectory(db.transactions());
    domains = domains(new DomainSettings("app.omnireach.example", "omnireach.example", Set.of()));
    withBase = new TenantHosts(domains, tenants);
    withoutBase =
        new TenantHosts(
            domains(new DomainSettings("app.omnireach.example", null, Set.of())), tenants);
  }

  static CustomDomains domains(DomainSettings settings) {
    DnsResolver dns = new JndiDnsResolver(zone.address());
    return new CustomDomains(
        db.transactions(),
        Clock.systemUTC(),
        settings,
        dns,
        new HttpTokenProbe(dns, new HostPolicy(true), 80));
  }

  @AfterAll
  static void stop() {
    zone.close();
    db.close();
  }

  @Test
  void the_first_label_of_an_unknown_host_selects_no_tenant() {
    assertThat(withBase.tenantFor("acme.evil.example")).isEmpty();
    assertThat(withoutBase.tenantFor("acme.evil.example")).isEmpty();
    assertThat(withoutBase.tenantFor("acme.omnireach.example")).isEmpty();
  }

  @Test
  void a_slug_under_the_base_domain_selects_its_active_tenant_only() {
    assertThat(withBase.tenantFor("ACME.omnireach.example:443")).map(Tenant::slug).hasValue("acme");
    assertThat(withBase.tenantFor("paused.omnireach.example")).isEmpty();
    assertThat(withBase.tenantFor("nobody.omnireach.example")).isEmpty();
    assertThat(withBase.tenantFor("x.acme.omnireach.example")).isEmpty();
    assertThat(withBase.tenantFor("acme.omnireach.example.evil.example")).isEmpty();
  }

  @Test
  void the_platforms_own_hosts_select_no_tenant_and_are_where_a_tenant_hint_may_brand() {
    assertThat(withBase.tenantFor("app.omnireach.example")).isEmpty();
    assertThat(withBase.isPlatformHost("app.omnireach.example")).isTrue();
    assertThat(withBase.isPlatformHost("localhost:9080")).isTrue();
    assertThat(withBase.isPlatformHost("omnireach.example")).isTrue();
    assertThat(withBase.isPlatformHost("acme.omnireach.example")).isFalse();
    assertThat(withBase.isPlatformHost("acme.evil.example")).isFalse();
    assertThat(withBase.isPlatformHost(null)).isFalse();
  }

  @Test
  void only_a_verified_custom_domain_selects_its_tenant() {
    CustomDomain d =
        domains.add(
            new io.omnireach.tenant.TenantRef(tenantId("acme"), "acme"),
            "login.acme-corp.example",
            null,
            "a");
    assertThat(withBase.tenantFor("login.acme-corp.example")).isEmpty();
    zone.txt(CustomDomain.challengeName(d.host()), d.token());
    domains.verify(new io.omnireach.tenant.TenantRef(tenantId("acme"), "acme"), d.id(), "a");
    assertThat(withBase.tenantFor("login.acme-corp.example")).map(Tenant::slug).hasValue("acme");
    assertThat(withoutBase.tenantFor("login.acme-corp.example."))
        .map(Tenant::slug)
        .hasValue("acme");
    assertThat(withBase.tenantFor("evil.login.acme-corp.example")).isEmpty();
  }

  static long tenantId(String slug) {
    return new TenantDirectory(db.transactions()).bySlug(slug).orElseThrow().id();
  }
}
