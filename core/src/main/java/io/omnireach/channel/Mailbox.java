package io.omnireach.channel;

import java.time.Instant;

/** A sending mailbox as shown to people: everything but the password. */
public record Mailbox(
    long id,
    String name,
    String host,
    int port,
    String username,
    boolean hasPassword,
    boolean tls,
    String fromAddress,
    String fromName,
    int dailyCap,
    Instant createdAt) {}
