package io.omnireach.channel;

import java.time.Instant;
import java.util.List;

/**
 * A message of the outbox with its history.
 *
 * @param personaId the persona it was written as, or null
 * @param inReplyToId the earlier message of the thread it follows up, or null
 * @param notBefore a QUEUED message waits until then (send window, cap, spacing or retry backoff)
 * @param attempts how often it was handed to the transport
 * @param channel the channel it goes out on (email, SMS)
 */
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
    List<Event> events,
    Long personaId,
    Long inReplyToId,
    Instant notBefore,
    int attempts,
    ChannelKind channel) {

  /** An email. */
  public MessageView(
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
      List<Event> events,
      Long personaId,
      Long inReplyToId,
      Instant notBefore,
      int attempts) {
    this(
        id,
        leadId,
        mailboxId,
        to,
        subject,
        status,
        reason,
        reply,
        createdAt,
        sentAt,
        events,
        personaId,
        inReplyToId,
        notBefore,
        attempts,
        ChannelKind.EMAIL);
  }

  public MessageView(
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
    this(
        id, leadId, mailboxId, to, subject, status, reason, reply, createdAt, sentAt, events, null,
        null, null, 0);
  }

  /** Where a message is: QUEUED → SENDING → SENT or FAILED, or BLOCKED before sending. */
  public enum Status {
    QUEUED,
    SENDING,
    SENT,
    BLOCKED,
    FAILED
  }

  /**
   * One step in the message's history (QUEUED, DEFERRED, SENDING, RETRY, RECOVERED, SENT, BLOCKED,
   * FAILED, OPENED, CLICKED, UNSUBSCRIBED…).
   */
  public record Event(String type, String detail, Instant at) {}
}
