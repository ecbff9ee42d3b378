/**
 * Outbound channels and their compliance: the {@link io.omnireach.channel.Channel} SPI, the SMTP
 * adapter, mailboxes with encrypted credentials, the message outbox and its relay (claim, pre-send
 * checks, send, record), the suppression list and signed one-click unsubscribe tokens.
 */
package io.omnireach.channel;
