package io.omnireach.channel;

/**
 * A way to deliver one message (SMTP, SendGrid, SMS …). Implementations do the transport only:
 * suppression, consent, caps and the footer are applied before a message reaches them, and the
 * outbox guarantees that each message is handed over at most once.
 */
public interface ChannelAdapter {

  SendResult send(OutboundMessage message);

  /**
   * The message made ready to go (for SMTP: the MIME message built and signed), so that a relay can
   * do this work on one thread while another sends. Nothing is delivered until {@link
   * Prepared#send()}; by default all the work happens there.
   */
  default Prepared prepare(OutboundMessage message) {
    return () -> send(message);
  }

  /** A message ready for its transport; {@link #send()} delivers it once. */
  @FunctionalInterface
  interface Prepared {
    SendResult send();
  }
}
