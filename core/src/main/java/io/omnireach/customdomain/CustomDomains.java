package io.omnireach.customdomain;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's custom domains (platform table {@code custom_domains}): add, list, verify, remove.
 * Every call is scoped to the caller's tenant, so another tenant's domain is "not found".
 */
public final class CustomDomains {

  /** Enough for a brand's app, API and marketing hosts, few enough to stay a list. */
  static final int MAX_PER_TENANT = 20;

  private static final String COLUMNS =
      "id, tenant_id, host, method, token, status, last_checked_at, last_error, verified_at,"
          + " created_at";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions tx;
  private final Clock clock;
  private final DomainSettings settings;
  private final DnsResolver dns;
  private final HttpTokenProbe http;

  public CustomDomains(
      Transactions tx, Clock clock, DomainSettings settings, DnsResolver dns, HttpTokenProbe http) {
    this.tx = tx;
    this.clock = clock;
    this.settings = settings;
    this.dns = dns;
    this.http = http;
  }

  public DomainSettings settings() {
    return settings;
  }

  public CustomDomain add(
      TenantRef tenant, String hostInput, VerificationMethod method, String actor) {
    String host = HostNames.customDomain("host", hostInput);
    if (settings.reserved(host)) {
      throw DomainException.invalid(
          "host", "'" + host + "' is one of this platform's own host names.");
    }
    VerificationMethod how = method == null ? VerificationMethod.DNS_TXT : method;
    String token = HexFormat.of().formatHex(randomBytes());
    return tx.platform(
        c -> {
          if (count(c, tenant) >= MAX_PER_TENANT) {
            throw DomainException.invalid(
                "host", "A workspace has at most " + MAX_PER_TENANT + " custom domains.");
          }
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into custom_domains (tenant_id, host, method, token, created_by)"
                      + " values (?, ?, ?, ?, ?) returning id")) {
            ps.setLong(1, tenant.id());
            ps.setString(2, host);
            ps.setString(3, how.name());
            ps.setString(4, token);
            ps.setString(5, actor);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
              throw DomainException.conflict("host", host + " is already in this workspace.");
            }
            throw e;
          }
          AuditLog.record(c, actor, tenant.slug(), "domain.add", host, how.name());
          return find(c, tenant, id).orElseThrow();
        });
  }

  public List<CustomDomain> list(TenantRef tenant) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select " + COLUMNS + " from custom_domains where tenant_id = ? order by host")) {
            ps.setLong(1, tenant.id());
            List<CustomDomain> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(map(rs));
              }
            }
            return result;
          }
        });
  }

  public CustomDomain get(TenantRef tenant, long id) {
    return tx.platform(c -> find(c, tenant, id)).orElseThrow(() -> notFound(id));
  }

  public void delete(TenantRef tenant, long id, String actor) {
    tx.platform(
        c -> {
          CustomDomain domain = find(c, tenant, id).orElseThrow(() -> notFound(id));
          try (PreparedStatement ps =
              c.prepareStatement("delete from custom_domains where id = ? and tenant_id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, tenant.id());
            ps.executeUpdate();
          }
          AuditLog.record(c, actor, tenant.slug(), "domain.remove", domain.host(), null);
          return null;
        });
  }

  /**
   * Looks for the proof now (DNS or HTTP, outside any transaction) and records the outcome: {@code
   * VERIFIED}, or {@code FAILED} with the reason in {@code lastError}. A host another workspace
   * already holds verified stays with that workspace.
   */
  public CustomDomain verify(TenantRef tenant, long id, String actor) {
    CustomDomain domain = get(tenant, id);
    String error = check(domain);
    Instant now = clock.instant();
    return tx.platform(
        c -> {
          String outcome = error;
          if (outcome == null && verifiedElsewhere(c, domain)) {
            outcome = domain.host() + " is verified by another workspace.";
          }
          DomainStatus status = outcome == null ? DomainStatus.VERIFIED : DomainStatus.FAILED;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update custom_domains set status = ?, last_checked_at = ?, last_error = ?,"
                      + " verified_at = case when ? then coalesce(verified_at, ?) end"
                      + " where id = ? and tenant_id = ?")) {
            ps.setString(1, status.name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, outcome);
            ps.setBoolean(4, status == DomainStatus.VERIFIED);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setLong(6, id);
            ps.setLong(7, tenant.id());
            if (ps.executeUpdate() == 0) {
              throw notFound(id); // removed while we looked
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "domain.verify", domain.host(), status.name());
          return find(c, tenant, id).orElseThrow();
        });
  }

  /** The slug of the tenant whose VERIFIED domain {@code host} is (lower case, no port). */
  public Optional<String> verifiedTenantSlug(String host) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select t.slug from custom_domains d join tenants t on t.id = d.tenant_id"
                      + " where d.host = ? and d.status = 'VERIFIED'")) {
            ps.setString(1, host);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Whether {@code token} is the token of a domain added for {@code host} (HTTP method). */
  public boolean isTokenOf(String host, String token) {
    if (host == null || token == null || !token.matches("[0-9a-f]{32}")) {
      return false;
    }
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select 1 from custom_domains where host = ? and token = ?")) {
            ps.setString(1, host);
            ps.setString(2, token);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** The records the tenant creates: the CNAME always, the TXT record for the DNS method. */
  public List<DnsRecord> records(String host, VerificationMethod method, String token) {
    List<DnsRecord> records = new ArrayList<>();
    records.add(
        new DnsRecord(
            "CNAME", host, settings.cnameTarget(), "Routes " + host + " to this platform"));
    if (method == VerificationMethod.DNS_TXT) {
      records.add(
          new DnsRecord(
              "TXT", CustomDomain.challengeName(host), token, "Proves that you control " + host));
    }
    return records;
  }

  /** Null when the proof is there, else what is missing, in words for the tenant. */
  private String check(CustomDomain domain) {
    try {
      return switch (domain.method()) {
        case DNS_TXT -> {
          String name = CustomDomain.challengeName(domain.host());
          List<String> values = dns.txt(name);
          if (values.contains(domain.token())) {
            yield null;
          }
          yield values.isEmpty()
              ? "No TXT record found at " + name + " yet (DNS changes can take a while)."
              : "The TXT record at " + name + " does not hold this domain's token.";
        }
        case HTTP -> {
          String path = CustomDomain.wellKnownPath(domain.token());
          String body = http.fetch(domain.host(), path);
          yield body.strip().equals(domain.token())
              ? null
              : "http://" + domain.host() + path + " did not answer this domain's token.";
        }
      };
    } catch (VerificationFailure e) {
      return e.getMessage();
    }
  }

  private static boolean verifiedElsewhere(Connection c, CustomDomain domain) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from custom_domains where host = ? and status = 'VERIFIED'"
                + " and tenant_id <> ?")) {
      ps.setString(1, domain.host());
      ps.setLong(2, domain.tenantId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int count(Connection c, TenantRef tenant) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select count(*) from custom_domains where tenant_id = ?")) {
      ps.setLong(1, tenant.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private Optional<CustomDomain> find(Connection c, TenantRef tenant, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select " + COLUMNS + " from custom_domains where id = ? and tenant_id = ?")) {
      ps.setLong(1, id);
      ps.setLong(2, tenant.id());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  private CustomDomain map(ResultSet rs) throws SQLException {
    String host = rs.getString("host");
    VerificationMethod method = VerificationMethod.valueOf(rs.getString("method"));
    String token = rs.getString("token");
    return new CustomDomain(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        host,
        method,
        token,
        DomainStatus.valueOf(rs.getString("status")),
        instant(rs, "last_checked_at"),
        rs.getString("last_error"),
        instant(rs, "verified_at"),
        instant(rs, "created_at"),
        records(host, method, token));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static DomainException notFound(long id) {
    return DomainException.notFound("No custom domain " + id + " in this workspace.");
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
