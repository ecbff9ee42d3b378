package io.omnireach.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry, computed in Java independently of the database trigger that fills it
 * (platform migration V13, {@code audit_canonical}): both must produce the same text.
 */
public final class AuditChain {

  private AuditChain() {}

  /** SHA-256 (hex) of the canonical text, which includes the previous entry's hash. */
  public static String hash(AuditEntry e, String prevHash) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical(e, prevHash).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Every field length-prefixed (UTF-8 octets), null as "-", joined by "|". */
  static String canonical(AuditEntry e, String prevHash) {
    return String.join(
        "|",
        Long.toString(e.seq()),
        field(prevHash),
        Long.toString(micros(e.at())),
        field(e.actor()),
        field(e.tenantSlug()),
        field(e.action()),
        field(e.target()),
        field(e.before()),
        field(e.detail()),
        field(e.ip()),
        field(e.requestId()));
  }

  private static String field(String value) {
    return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
  }

  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }
}
