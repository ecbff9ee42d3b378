package io.omnireach.customdomain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.omnireach.channel.HostPolicy;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.FakeDnsZone;
import io.omnireach.testing.TestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Custom domains on the real PostgreSQL, verified through the real JNDI DNS client against a fake
 * zone on loopback, and over real HTTP against a loopback server standing in for the host.
 */
class CustomDomainsTest {

  static TestDatabase db;
  static FakeDnsZone zone;
  static HttpServer web;
  static CustomDomains domains;
  static TenantHosts hosts;
  static TenantRef acme;
  static TenantRef globex;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.migrated();
    acme = tenant("acme", "ACTIVE");
    globex = tenant("globex", "ACTIVE");
    zone = new FakeDnsZone(0);
    // the host's web server: answers the well-known path with what the test puts there
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    web.createContext(
        "/.well-known/omnireach-domain/",
        exchange -> {
          String token =
              exchange.getRequestURI().getPath().replace("/.well-known/omnireach-domain/", "");
          boolean known =
              domains.isTokenOf(
                  HostNames.fromHeader(exchange.getRequestHeaders().getFirst("Host")), token);
          byte[] body = (known ? token : "not here").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(known ? 200 : 404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    web.start();
    DnsResolver dns = new JndiDnsResolver(zone.address());
    DomainSettings settings =
        new DomainSettings("app.omnireach.example", "omnireach.example", Set.of());
    domains =
        new CustomDomains(
            db.transactions(),
            Clock.systemUTC(),
            settings,
            dns,
            new HttpTokenProbe(dns, new HostPolicy(true), web.getAddress().getPort()));
    hosts = new TenantHosts(domains, new TenantDirectory(db.transactions()));
  }

  @AfterAll
  static void stop() {
    web.stop(0);
    zone.close();
    db.close();
  }

  static TenantRef tenant(String slug, String status) {
    return db.transactions()
        .platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into tenants (slug, display_name, status) values (?, ?, ?)"
                          + " returning id")) {
                ps.setString(1, slug);
                ps.setString(2, slug + " Inc");
                ps.setString(3, status);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return new TenantRef(rs.getLong(1), slug);
                }
              }
            });
  }

  @Test
  void a_new_domain_is_pending_and_lists_the_cname_and_the_txt_record_to_create() {
    CustomDomain d = domains.add(acme, "Sales.Acme-Records.example", null, "admin@acme");
    assertThat(d.host()).isEqualTo("sales.acme-records.example");
    assertThat(d.status()).isEqualTo(DomainStatus.PENDING);
    assertThat(d.method()).isEqualTo(VerificationMethod.DNS_TXT);
    assertThat(d.token()).matches("[0-9a-f]{32}");
    assertThat(d.records())
        .containsExactly(
            new DnsRecord(
                "CNAME",
                "sales.acme-records.example",
                "app.omnireach.example",
                "Routes sales.acme-records.example to this platform"),
            new DnsRecord(
                "TXT",
                "_omnireach-challenge.sales.acme-records.example",
                d.token(),
                "Proves that you control sales.acme-records.example"));
    assertThat(domains.list(acme)).extracting(CustomDomain::host).contains(d.host());
    assertThat(domains.list(globex)).extracting(CustomDomain::host).doesNotContain(d.host());
  }

  @Test
  void the_txt_record_with_the_token_verifies_the_domain_and_then_selects_the_tenant() {
    CustomDomain d = domains.add(acme, "app.acme-txt.example", VerificationMethod.DNS_TXT, "a");
    assertThat(hosts.tenantFor("app.acme-txt.example")).isEmpty();

    CustomDomain missing = domains.verify(acme, d.id(), "a");
    assertThat(missing.status()).isEqualTo(DomainStatus.FAILED);
    assertThat(missing.lastError())
        .isEqualTo(
            "No TXT record found at _omnireach-challenge.app.acme-txt.example yet (DNS changes"
                + " can take a while).");
    assertThat(missing.lastCheckedAt()).isNotNull();

    zone.txt("_omnireach-challenge.app.acme-txt.example", "someone else's token");
    assertThat(domains.verify(acme, d.id(), "a").lastError()).contains("does not hold");

    zone.txt("_omnireach-challenge.app.acme-txt.example", d.token());
    CustomDomain verified = domains.verify(acme, d.id(), "a");
    assertThat(verified.status()).isEqualTo(DomainStatus.VERIFIED);
    assertThat(verified.lastError()).isNull();
    assertThat(verified.verifiedAt()).isNotNull();
    assertThat(hosts.tenantFor("APP.acme-txt.example:443"))
        .get()
        .extracting(t -> t.slug())
        .isEqualTo("acme");
  }

  @Test
  void the_http_token_served_on_the_host_verifies_the_domain() {
    CustomDomain d = domains.add(acme, "www.acme-http.example", VerificationMethod.HTTP, "a");
    assertThat(d.records()).extracting(DnsRecord::type).containsExactly("CNAME");

    CustomDomain noAddress = domains.verify(acme, d.id(), "a");
    assertThat(noAddress.status()).isEqualTo(DomainStatus.FAILED);
    assertThat(noAddress.lastError()).contains("has no address in DNS");

    zone.cname("www.acme-http.example", "edge.acme-http.example");
    zone.address("edge.acme-http.example", InetAddress.getLoopbackAddress());
    CustomDomain verified = domains.verify(acme, d.id(), "a");
    assertThat(verified.lastError()).isNull();
    assertThat(verified.status()).isEqualTo(DomainStatus.VERIFIED);
  }

  @Test
  void the_http_method_refuses_loopback_when_the_operator_does_not_allow_private_hosts() {
    CustomDomain d = domains.add(acme, "intranet.acme-http.example", VerificationMethod.HTTP, "a");
    zone.address("intranet.acme-http.example", InetAddress.getLoopbackAddress());
    DnsResolver dns = new JndiDnsResolver(zone.address());
    CustomDomains strict =
        new CustomDomains(
            db.transactions(),
            Clock.systemUTC(),
            domains.settings(),
            dns,
            new HttpTokenProbe(dns, new HostPolicy(false), web.getAddress().getPort()));
    CustomDomain refused = strict.verify(acme, d.id(), "a");
    assertThat(refused.status()).isEqualTo(DomainStatus.FAILED);
    assertThat(refused.lastError()).contains("may not call");
  }

  @Test
  void another_tenant_cannot_see_verify_or_remove_a_domain_it_does_not_own() {
    CustomDomain d = domains.add(acme, "crm.acme-own.example", null, "a");
    for (Runnable call :
        new Runnable[] {
          () -> domains.get(globex, d.id()),
          () -> domains.verify(globex, d.id(), "g"),
          () -> domains.delete(globex, d.id(), "g")
        }) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }
    assertThat(domains.get(acme, d.id()).host()).isEqualTo("crm.acme-own.example");
  }

  @Test
  void a_host_verified_by_one_tenant_cannot_be_taken_over_by_another() {
    CustomDomain mine = domains.add(acme, "shared.acme-race.example", null, "a");
    CustomDomain theirs = domains.add(globex, "shared.acme-race.example", null, "g");
    zone.txt("_omnireach-challenge.shared.acme-race.example", mine.token());
    zone.txt("_omnireach-challenge.shared.acme-race.example", theirs.token());
    assertThat(domains.verify(acme, mine.id(), "a").status()).isEqualTo(DomainStatus.VERIFIED);
    CustomDomain refused = domains.verify(globex, theirs.id(), "g");
    assertThat(refused.status()).isEqualTo(DomainStatus.FAILED);
    assertThat(refused.lastError())
        .isEqualTo("shared.acme-race.example is verified by another" + " workspace.");
    assertThat(hosts.tenantFor("shared.acme-race.example"))
        .get()
        .extracting(t -> t.slug())
        .isEqualTo("acme");
  }

  @Test
  void the_same_host_twice_in_one_tenant_and_the_platforms_own_hosts_are_refused() {
    domains.add(acme, "twice.acme.example", null, "a");
    assertThatThrownBy(() -> domains.add(acme, "TWICE.acme.example", null, "a"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    for (String own : new String[] {"app.omnireach.example", "globex.omnireach.example"}) {
      assertThatThrownBy(() -> domains.add(acme, own, null, "a"))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.getMessage()).contains("this platform's own host names"));
    }
  }

  @Test
  void a_removed_domain_no_longer_selects_its_tenant() {
    CustomDomain d = domains.add(acme, "gone.acme-del.example", null, "a");
    zone.txt("_omnireach-challenge.gone.acme-del.example", d.token());
    domains.verify(acme, d.id(), "a");
    assertThat(hosts.tenantFor("gone.acme-del.example")).isPresent();
    domains.delete(acme, d.id(), "a");
    assertThat(hosts.tenantFor("gone.acme-del.example")).isEmpty();
    assertThat(domains.list(acme)).extracting(CustomDomain::id).doesNotContain(d.id());
  }
}
