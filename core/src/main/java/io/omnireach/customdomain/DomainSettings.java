package io.omnireach.customdomain;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform's own host names.
 *
 * @param cnameTarget where tenants point their custom domain (the platform's public host)
 * @param baseDomain when set, {@code <slug>.<baseDomain>} selects the tenant {@code slug}; null
 *     when the platform has no wildcard domain
 * @param platformHosts hosts that belong to no tenant (the public host, localhost, the base domain
 *     itself): the login page there is the platform's, and a {@code ?tenant=} hint may brand it
 */
public record DomainSettings(String cnameTarget, String baseDomain, Set<String> platformHosts) {

  public DomainSettings {
    cnameTarget = cnameTarget.toLowerCase(Locale.ROOT);
    baseDomain =
        baseDomain == null || baseDomain.isBlank()
            ? null
            : HostNames.customDomain("baseDomain", baseDomain);
    Set<String> hosts = new TreeSet<>();
    hosts.add("localhost");
    hosts.add(cnameTarget);
    if (baseDomain != null) {
      hosts.add(baseDomain);
    }
    platformHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
    platformHosts = Set.copyOf(hosts);
  }

  /** A platform host, or a name under the base domain: never a tenant's custom domain. */
  public boolean reserved(String host) {
    return platformHosts.contains(host) || (baseDomain != null && host.endsWith("." + baseDomain));
  }
}
