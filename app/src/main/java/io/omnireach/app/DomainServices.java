package io.omnireach.app;

import io.omnireach.channel.HostPolicy;
import io.omnireach.customdomain.CustomDomains;
import io.omnireach.customdomain.DnsResolver;
import io.omnireach.customdomain.DomainSettings;
import io.omnireach.customdomain.HttpTokenProbe;
import io.omnireach.customdomain.JndiDnsResolver;
import io.omnireach.customdomain.TenantHosts;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires custom domains into CDI.
 *
 * <p>Configuration: {@code omnireach.base-domain} ({@code <slug>.<base>} selects a tenant; unset:
 * only verified custom domains do), {@code omnireach.domains.cname-target} (where tenants point
 * their CNAME; default: the host of {@code omnireach.public-url}), {@code
 * omnireach.domains.platform-hosts} (more hosts of the platform itself, comma-separated), {@code
 * omnireach.domains.dns-server} ({@code host:port} the TXT look-ups ask; default: the system's name
 * servers) and {@code omnireach.domains.http-port} (port of the HTTP token check, default 80). The
 * HTTP check calls only hosts the {@link HostPolicy} allows.
 */
@ApplicationScoped
public class DomainServices {

  @Produces
  @Singleton
  DomainSettings domainSettings(
      @ConfigProperty(name = "omnireach.public-url", defaultValue = "http://localhost:9080")
          String publicUrl,
      @ConfigProperty(name = "omnireach.base-domain") Optional<String> baseDomain,
      @ConfigProperty(name = "omnireach.domains.cname-target") Optional<String> cnameTarget,
      @ConfigProperty(name = "omnireach.domains.platform-hosts") Optional<List<String>> others) {
    String publicHost = URI.create(publicUrl).getHost();
    Set<String> platformHosts = new HashSet<>(others.orElse(List.of()));
    platformHosts.add(publicHost);
    return new DomainSettings(
        cnameTarget.orElse(publicHost), baseDomain.orElse(null), platformHosts);
  }

  @Produces
  @Singleton
  DnsResolver dnsResolver(
      @ConfigProperty(name = "omnireach.domains.dns-server") Optional<String> server) {
    return new JndiDnsResolver(server.orElse(null));
  }

  @Produces
  @Singleton
  CustomDomains customDomains(
      Transactions tx,
      Clock clock,
      DomainSettings settings,
      DnsResolver dns,
      HostPolicy hosts,
      @ConfigProperty(name = "omnireach.domains.http-port", defaultValue = "80") int httpPort) {
    return new CustomDomains(tx, clock, settings, dns, new HttpTokenProbe(dns, hosts, httpPort));
  }

  @Produces
  @Singleton
  TenantHosts tenantHosts(CustomDomains domains, TenantDirectory tenants) {
    return new TenantHosts(domains, tenants);
  }
}
