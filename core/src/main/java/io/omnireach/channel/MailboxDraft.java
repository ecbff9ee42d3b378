package io.omnireach.channel;

/**
 * Input for a new mailbox; {@code provider} defaults to {@code smtp}, {@code tls} to on, {@code
 * dailyCap} to 200, {@code minSpacingSeconds} to 0 and {@code sendWindow} to any time. A {@code
 * sendgrid} mailbox needs {@code apiKey} instead of host and password. DKIM (SMTP only) needs
 * domain, selector and private key (PEM) together. {@code eventWebhookKey} (SendGrid only) is the
 * verification key of SendGrid's signed event webhook (base64 DER of an ECDSA P-256 public key).
 */
public record MailboxDraft(
    String name,
    String host,
    Integer port,
    String username,
    String password,
    Boolean tls,
    String fromAddress,
    String fromName,
    Integer dailyCap,
    String provider,
    String apiKey,
    String apiBaseUrl,
    SendWindow sendWindow,
    Integer minSpacingSeconds,
    String timezone,
    String dkimDomain,
    String dkimSelector,
    String dkimPrivateKey,
    String eventWebhookKey) {

  /** Without an event webhook key. */
  public MailboxDraft(
      String name,
      String host,
      Integer port,
      String username,
      String password,
      Boolean tls,
      String fromAddress,
      String fromName,
      Integer dailyCap,
      String provider,
      String apiKey,
      String apiBaseUrl,
      SendWindow sendWindow,
      Integer minSpacingSeconds,
      String timezone,
      String dkimDomain,
      String dkimSelector,
      String dkimPrivateKey) {
    this(
        name,
        host,
        port,
        username,
        password,
        tls,
        fromAddress,
        fromName,
        dailyCap,
        provider,
        apiKey,
        apiBaseUrl,
        sendWindow,
        minSpacingSeconds,
        timezone,
        dkimDomain,
        dkimSelector,
        dkimPrivateKey,
        null);
  }

  /** An SMTP mailbox without window, spacing or DKIM. */
  public MailboxDraft(
      String name,
      String host,
      Integer port,
      String username,
      String password,
      Boolean tls,
      String fromAddress,
      String fromName,
      Integer dailyCap) {
    this(
        name,
        host,
        port,
        username,
        password,
        tls,
        fromAddress,
        fromName,
        dailyCap,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public MailboxDraft withSendGrid(String apiKey, String apiBaseUrl) {
    return new MailboxDraft(
        name,
        host,
        port,
        username,
        password,
        tls,
        fromAddress,
        fromName,
        dailyCap,
        "sendgrid",
        apiKey,
        apiBaseUrl,
        sendWindow,
        minSpacingSeconds,
        timezone,
        dkimDomain,
        dkimSelector,
        dkimPrivateKey,
        eventWebhookKey);
  }

  public MailboxDraft withSending(SendWindow window, Integer minSpacingSeconds, String timezone) {
    return new MailboxDraft(
        name,
        host,
        port,
        username,
        password,
        tls,
        fromAddress,
        fromName,
        dailyCap,
        provider,
        apiKey,
        apiBaseUrl,
        window,
        minSpacingSeconds,
        timezone,
        dkimDomain,
        dkimSelector,
        dkimPrivateKey,
        eventWebhookKey);
  }

  public MailboxDraft withDkim(String domain, String selector, String privateKeyPem) {
    return new MailboxDraft(
        name,
        host,
        port,
        username,
        password,
        tls,
        fromAddress,
        fromName,
        dailyCap,
        provider,
        apiKey,
        apiBaseUrl,
        sendWindow,
        minSpacingSeconds,
        timezone,
        domain,
        selector,
        privateKeyPem,
        eventWebhookKey);
  }

  /** SendGrid's event webhook verification key (base64 DER or PEM). */
  public MailboxDraft withEventWebhookKey(String key) {
    return new MailboxDraft(
        name,
        host,
        port,
        username,
        password,
        tls,
        fromAddress,
        fromName,
        dailyCap,
        provider,
        apiKey,
        apiBaseUrl,
        sendWindow,
        minSpacingSeconds,
        timezone,
        dkimDomain,
        dkimSelector,
        dkimPrivateKey,
        key);
  }
}
