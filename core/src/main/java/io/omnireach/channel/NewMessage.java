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
 */
public record NewMessage(
    long leadId,
    long mailboxId,
    String subject,
    String body,
    String idempotencyKey,
    Long personaId,
    String actor) {

  public static NewMessage email(
      long leadId, long mailboxId, String subject, String body, String idempotencyKey) {
    return new NewMessage(leadId, mailboxId, subject, body, idempotencyKey, null, null);
  }

  public NewMessage withPersona(Long personaId) {
    return new NewMessage(leadId, mailboxId, subject, body, idempotencyKey, personaId, actor);
  }

  public NewMessage withActor(String actor) {
    return new NewMessage(leadId, mailboxId, subject, body, idempotencyKey, personaId, actor);
  }
}
