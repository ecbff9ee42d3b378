package io.omnireach.channel;

/**
 * A message to put into the outbox. Built with {@link #email} and refined with the {@code with…}
 * methods, so callers (the API, the lead page, workflow steps) name only what they know and new
 * optional parts can be added without touching them.
 *
 * @param idempotencyKey unique per tenant; queuing the same key twice yields the first message (the
 *     API uses {@code tenant:api:<Idempotency-Key>}, workflow steps {@code tenant:wf:<run>:<node>})
 * @param personaId the persona the text was written for (analytics per persona), or null
 * @param actor who queued it (user email, or e.g. {@code workflow:12})
 * @param threadOf the earlier message this one follows up (same thread: In-Reply-To and
 *     References), or null
 * @param sendWindow a window of its own instead of the mailbox's (e.g. a workflow's), or null
 */
public record NewMessage(
    long leadId,
    long mailboxId,
    String subject,
    String body,
    String idempotencyKey,
    Long personaId,
    String actor,
    Long threadOf,
    SendWindow sendWindow) {

  public static NewMessage email(
      long leadId, long mailboxId, String subject, String body, String idempotencyKey) {
    return new NewMessage(leadId, mailboxId, subject, body, idempotencyKey, null, null, null, null);
  }

  public NewMessage withPersona(Long personaId) {
    return new NewMessage(
        leadId, mailboxId, subject, body, idempotencyKey, personaId, actor, threadOf, sendWindow);
  }

  public NewMessage withActor(String actor) {
    return new NewMessage(
        leadId, mailboxId, subject, body, idempotencyKey, personaId, actor, threadOf, sendWindow);
  }

  /**
   * Follows up {@code previousMessageId} of the same lead in its thread: the email carries {@code
   * In-Reply-To} with that message's Message-ID and {@code References} with the whole chain; a
   * blank subject becomes "Re: " and the previous subject.
   */
  public NewMessage withThreadOf(Long previousMessageId) {
    return new NewMessage(
        leadId,
        mailboxId,
        subject,
        body,
        idempotencyKey,
        personaId,
        actor,
        previousMessageId,
        sendWindow);
  }

  /** Sends only inside this window (in the lead's time zone) instead of the mailbox's. */
  public NewMessage withSendWindow(SendWindow window) {
    return new NewMessage(
        leadId, mailboxId, subject, body, idempotencyKey, personaId, actor, threadOf, window);
  }
}
