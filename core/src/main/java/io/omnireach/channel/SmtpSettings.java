package io.omnireach.channel;

/**
 * How to reach one mailbox's transport. For SMTP: with {@code tls} on, port 465 uses implicit TLS
 * (SMTPS) and any other port requires STARTTLS; with it off the connection is plain (local catchers
 * only); with a DKIM domain, selector and key (PEM) messages are signed. For {@code sendgrid}:
 * {@code apiKey} and {@code apiBaseUrl} (null = SendGrid's own). {@code connections} (1 to {@value
 * #MAX_CONNECTIONS}): how many connections the relay sends this mailbox's messages over in
 * parallel.
 */
public record SmtpSettings(
    String host,
    int port,
    boolean tls,
    String username,
    String password,
    String fromAddress,
    String fromName,
    long mailboxId,
    String provider,
    String apiKey,
    String apiBaseUrl,
    String dkimDomain,
    String dkimSelector,
    String dkimKey,
    int connections) {

  /** At most this many connections per mailbox (providers limit concurrent connections). */
  public static final int MAX_CONNECTIONS = 16;

  public SmtpSettings {
    connections = Math.max(1, Math.min(MAX_CONNECTIONS, connections));
  }

  /** One connection. */
  public SmtpSettings(
      String host,
      int port,
      boolean tls,
      String username,
      String password,
      String fromAddress,
      String fromName,
      long mailboxId,
      String provider,
      String apiKey,
      String apiBaseUrl,
      String dkimDomain,
      String dkimSelector,
      String dkimKey) {
    this(
        host,
        port,
        tls,
        username,
        password,
        fromAddress,
        fromName,
        mailboxId,
        provider,
        apiKey,
        apiBaseUrl,
        dkimDomain,
        dkimSelector,
        dkimKey,
        1);
  }

  public SmtpSettings(
      String host,
      int port,
      boolean tls,
      String username,
      String password,
      String fromAddress,
      String fromName) {
    this(
        host,
        port,
        tls,
        username,
        password,
        fromAddress,
        fromName,
        0,
        "smtp",
        null,
        null,
        null,
        null,
        null);
  }

  public boolean sendGrid() {
    return "sendgrid".equals(provider);
  }

  public boolean dkim() {
    return dkimDomain != null && dkimSelector != null && dkimKey != null;
  }

  @Override
  public String toString() {
    return sendGrid()
        ? "SmtpSettings[sendgrid " + (apiBaseUrl == null ? "" : apiBaseUrl) + "]"
        : "SmtpSettings[" + username + "@" + host + ":" + port + ", tls=" + tls + "]";
  }
}
