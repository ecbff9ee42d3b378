package io.omnireach.channel;

/**
 * A way to deliver one message (SMTP, SendGrid, SMS …). Implementations do the transport only:
 * suppression, consent, caps and the footer are applied before a message reaches them, and the
 * outbox guarantees that each message is handed over at most once.
 */
public interface ChannelAdapter {

  SendResult send(OutboundMessage message);
}
