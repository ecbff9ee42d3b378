package io.omnireach.channel;

import java.util.List;
import java.util.Map;

/**
 * One message ready for transport. {@code messageId} is the RFC 5322 Message-ID ({@code
 * <uuid@omnireach>}), {@code idempotencyKey} the outbox key the provider or a test sink can count
 * duplicates by; {@code headers} are extra headers such as List-Unsubscribe and In-Reply-To; {@code
 * outboxId} is the row's id in the tenant's outbox (0 when unknown); {@code attachments} are files
 * sent with an email (none for most messages).
 */
public record OutboundMessage(
    String tenant,
    String messageId,
    String idempotencyKey,
    String from,
    String to,
    String subject,
    String text,
    String html,
    Map<String, String> headers,
    long outboxId,
    List<Attachment> attachments) {

  public OutboundMessage {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public OutboundMessage(
      String tenant,
      String messageId,
      String idempotencyKey,
      String from,
      String to,
      String subject,
      String text,
      String html,
      Map<String, String> headers,
      long outboxId) {
    this(tenant, messageId, idempotencyKey, from, to, subject, text, html, headers, outboxId, null);
  }

  public OutboundMessage(
      String tenant,
      String messageId,
      String idempotencyKey,
      String from,
      String to,
      String subject,
      String text,
      String html,
      Map<String, String> headers) {
    this(tenant, messageId, idempotencyKey, from, to, subject, text, html, headers, 0, null);
  }
}
