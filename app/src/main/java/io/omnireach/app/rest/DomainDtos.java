package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.customdomain.CustomDomain;
import io.omnireach.customdomain.DnsRecord;
import io.omnireach.customdomain.VerificationMethod;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of {@code /domains}. */
public final class DomainDtos {

  private DomainDtos() {}

  @Schema(name = "DomainRequest", description = "A host name of the tenant's own")
  public record DomainRequest(
      @Schema(example = "app.customer.com", required = true) String host,
      @Schema(
              example = "DNS_TXT",
              enumeration = {"DNS_TXT", "HTTP"},
              description =
                  "DNS_TXT (default): a TXT record proves control. HTTP: once the CNAME is in"
                      + " place the platform serves the token at http://<host>/.well-known/"
                      + "omnireach-domain/<token> and fetches it from there.")
          String method) {

    VerificationMethod verificationMethod() {
      if (method == null || method.isBlank()) {
        return VerificationMethod.DNS_TXT;
      }
      try {
        return VerificationMethod.valueOf(method.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("method", "method is DNS_TXT or HTTP.");
      }
    }
  }

  @Schema(name = "DnsRecord", description = "A record to create at the host's DNS provider")
  public record DnsRecordDto(
      @Schema(
              example = "TXT",
              enumeration = {"CNAME", "TXT"})
          String type,
      @Schema(example = "_omnireach-challenge.app.customer.com") String name,
      @Schema(example = "3f9c2a7d1e8b4c6a9d0e1f2a3b4c5d6e") String value,
      @Schema(example = "Proves that you control app.customer.com") String purpose) {

    static DnsRecordDto of(DnsRecord r) {
      return new DnsRecordDto(r.type(), r.name(), r.value(), r.purpose());
    }
  }

  @Schema(name = "Domain", description = "A custom domain and where its verification stands")
  public record DomainDto(
      @Schema(example = "7") long id,
      @Schema(example = "app.customer.com") String host,
      @Schema(
              example = "DNS_TXT",
              enumeration = {"DNS_TXT", "HTTP"})
          String method,
      @Schema(
              example = "PENDING",
              enumeration = {"PENDING", "VERIFIED", "FAILED"},
              description = "Only a VERIFIED host selects this workspace on the login page")
          String status,
      @Schema(example = "3f9c2a7d1e8b4c6a9d0e1f2a3b4c5d6e") String token,
      @Schema(description = "The DNS records to create") List<DnsRecordDto> records,
      @Schema(
              example =
                  "http://app.customer.com/.well-known/omnireach-domain/3f9c2a7d1e8b4c6a9d0e1f2a3b4c5d6e",
              description = "Where the HTTP method looks for the token")
          String httpCheckUrl,
      Instant lastCheckedAt,
      @Schema(
              example =
                  "No TXT record found at _omnireach-challenge.app.customer.com yet (DNS changes"
                      + " can take a while).")
          String lastError,
      Instant verifiedAt,
      Instant createdAt) {

    static DomainDto of(CustomDomain d) {
      return new DomainDto(
          d.id(),
          d.host(),
          d.method().name(),
          d.status().name(),
          d.token(),
          d.records().stream().map(DnsRecordDto::of).toList(),
          "http://" + d.host() + CustomDomain.wellKnownPath(d.token()),
          d.lastCheckedAt(),
          d.lastError(),
          d.verifiedAt(),
          d.createdAt());
    }
  }

  @Schema(name = "DomainList")
  public record DomainList(List<DomainDto> items) {}
}
