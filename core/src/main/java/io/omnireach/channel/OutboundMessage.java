package io.omnireach.channel;

import java.util.Map;

/**
 * One message ready for transport. {@code messageId} is the RFC 5322 Message-ID ({@code
 * <uuid@omnireach>}), {@code idempotencyKey} the outbox key the provider or a test sink can count
 * duplicates by; {@code headers} are extra headers such as List-Unsubscribe and In-Reply-To; {@code
 * outboxId} is the row's id in the tenant's outbox (0 when unknown).
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
    long outboxId) {

  public OutboundMessage {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
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
    this(tenant, messageId, idempotencyKey, from, to, subject, text, html, headers, 0);
  }
}
