package io.omnireach.channel;

import java.time.Instant;

/**
 * A sending mailbox as shown to people: everything but the password, API key and DKIM key.
 *
 * @param provider {@code smtp} or {@code sendgrid}
 * @param sendWindow when it may send in the lead's time zone; null = any time
 * @param timezone the window's zone for leads without one (IANA name); null = UTC
 * @param hasEventWebhookKey a SendGrid mailbox whose signed event webhook is verified
 * @param smtpConnections connections its messages go out over in parallel (1 to 16)
 */
public record Mailbox(
    long id,
    String name,
    String host,
    Integer port,
    String username,
    boolean hasPassword,
    boolean tls,
    String fromAddress,
    String fromName,
    int dailyCap,
    Instant createdAt,
    String provider,
    String apiBaseUrl,
    boolean hasApiKey,
    SendWindow sendWindow,
    int minSpacingSeconds,
    String timezone,
    String dkimDomain,
    String dkimSelector,
    boolean hasDkimKey,
    boolean hasEventWebhookKey,
    int smtpConnections) {}
