package io.omnireach.channel;

/**
 * How to reach one mailbox's SMTP server. With {@code tls} on, port 465 uses implicit TLS (SMTPS)
 * and any other port requires STARTTLS; with it off the connection is plain (local catchers only).
 */
public record SmtpSettings(
    String host,
    int port,
    boolean tls,
    String username,
    String password,
    String fromAddress,
    String fromName) {

  @Override
  public String toString() {
    return "SmtpSettings[" + username + "@" + host + ":" + port + ", tls=" + tls + "]";
  }
}
