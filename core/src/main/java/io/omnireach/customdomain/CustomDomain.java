package io.omnireach.customdomain;

import java.time.Instant;
import java.util.List;

/** A tenant's host name, its verification state and the DNS records it needs. */
public record CustomDomain(
    long id,
    long tenantId,
    String host,
    VerificationMethod method,
    String token,
    DomainStatus status,
    Instant lastCheckedAt,
    String lastError,
    Instant verifiedAt,
    Instant createdAt,
    List<DnsRecord> records) {

  /** The name of the TXT record that carries the token. */
  public static String challengeName(String host) {
    return "_omnireach-challenge." + host;
  }

  /** The path (on the host itself) where the platform serves the token for the HTTP method. */
  public static String wellKnownPath(String token) {
    return "/.well-known/omnireach-domain/" + token;
  }
}
