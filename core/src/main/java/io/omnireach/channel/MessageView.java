package io.omnireach.channel;

import java.time.Instant;
import java.util.List;

/** A message of the outbox with its history. */
public record MessageView(
    long id,
    Long leadId,
    Long mailboxId,
    String to,
    String subject,
    Status status,
    String reason,
    String reply,
    Instant createdAt,
    Instant sentAt,
    List<Event> events) {

  /** Where a message is: QUEUED → SENDING → SENT or FAILED, or BLOCKED before sending. */
  public enum Status {
    QUEUED,
    SENDING,
    SENT,
    BLOCKED,
    FAILED
  }

  /** One step in the message's history (QUEUED, SENDING, SENT, BLOCKED, FAILED, UNSUBSCRIBED). */
  public record Event(String type, String detail, Instant at) {}
}
