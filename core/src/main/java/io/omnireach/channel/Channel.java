package io.omnireach.channel;

/**
 * The SPI of a way to reach a lead (email over SMTP or SendGrid, SMS over Twilio …). An
 * implementation does the transport only: suppression, consent, quiet hours, caps and the footer
 * are decided before a message reaches it (see {@link SendPolicy}), and the outbox guarantees that
 * each message is handed over at most once per attempt. Adding a channel is one implementation plus
 * its settings.
 */
public interface Channel {

  /** Hands the message to the provider; never throws for a refusal (see {@link SendResult}). */
  SendResult send(OutboundMessage message);

  /** What the channel needs and offers; the outbox's checks read it. */
  default ChannelCapabilities capabilities() {
    return ChannelCapabilities.EMAIL;
  }
}
