package io.omnireach.customdomain;

import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that turns a request's host into a tenant (login page and app). Only a VERIFIED
 * custom domain, or {@code <slug>.<base domain>} when the operator set a base domain, selects an
 * active tenant; any other host selects none, and the page stays unbranded.
 *
 * <p>Callers pass the {@code Host} header. {@code X-Forwarded-Host} is deliberately not read here:
 * anyone can send it. Behind a trusted proxy, the caller may pass that proxy's forwarded host
 * instead.
 */
public final class TenantHosts {

  private static final Pattern SLUG = Pattern.compile("[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,29}");

  private final CustomDomains domains;
  private final TenantDirectory tenants;
  private final DomainSettings settings;

  public TenantHosts(CustomDomains domains, TenantDirectory tenants) {
    this.domains = domains;
    this.tenants = tenants;
    this.settings = domains.settings();
  }

  /** The active tenant that {@code hostHeader} (a Host header, port allowed) belongs to. */
  public Optional<Tenant> tenantFor(String hostHeader) {
    String host = HostNames.fromHeader(hostHeader);
    if (host == null || settings.platformHosts().contains(host)) {
      return Optional.empty();
    }
    Optional<String> slug;
    String base = settings.baseDomain();
    if (base != null && host.endsWith("." + base)) {
      String label = host.substring(0, host.length() - base.length() - 1);
      slug = SLUG.matcher(label).matches() ? Optional.of(label) : Optional.empty();
    } else {
      slug = domains.verifiedTenantSlug(host);
    }
    return slug.flatMap(tenants::bySlug).filter(t -> t.status() == TenantStatus.ACTIVE);
  }

  /**
   * Whether the host is one of the platform's own (its public host, the base domain, localhost):
   * only there may a {@code ?tenant=} link choose the tenant, because no tenant owns the page.
   */
  public boolean isPlatformHost(String hostHeader) {
    String host = HostNames.fromHeader(hostHeader);
    return host != null && settings.platformHosts().contains(host);
  }
}
