package io.omnireach.channel.inbound;

import java.time.Instant;
import java.time.LocalDate;

/** A stored reply as listed in the inbox. */
public record ReplyView(
    long id,
    Long messageId,
    Long leadId,
    String leadName,
    String from,
    String subject,
    String body,
    Instant receivedAt,
    ReplyClass classification,
    LocalDate oooUntil) {}
