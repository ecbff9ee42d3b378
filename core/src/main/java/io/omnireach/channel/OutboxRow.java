package io.omnireach.channel;

/**
 * A due outbox message with what the checks need to know about its lead and address (read by {@link
 * OutboxClaim}).
 */
record OutboxRow(
    long id,
    ChannelKind channel,
    Long mailboxId,
    Long leadId,
    String to,
    String subject,
    String body,
    String key,
    String rfcId,
    String inReplyTo,
    String references,
    SendWindow window,
    int attempts,
    boolean leadExists,
    boolean doNotContact,
    String consent,
    String leadZone,
    String suppressed) {}
