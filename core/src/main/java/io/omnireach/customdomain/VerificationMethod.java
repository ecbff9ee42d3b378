package io.omnireach.customdomain;

/** How a tenant proves it controls a host. */
public enum VerificationMethod {
  /** A TXT record {@code _omnireach-challenge.<host>} whose value is the token. */
  DNS_TXT,
  /**
   * {@code http://<host>/.well-known/omnireach-domain/<token>} answers the token: the host already
   * routes to this platform (its CNAME is in place), which serves the token itself.
   */
  HTTP
}
