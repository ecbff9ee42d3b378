package io.omnireach.channel;

/** Input for a new mailbox; {@code tls} defaults to on and {@code dailyCap} to 200. */
public record MailboxDraft(
    String name,
    String host,
    Integer port,
    String username,
    String password,
    Boolean tls,
    String fromAddress,
    String fromName,
    Integer dailyCap) {}
