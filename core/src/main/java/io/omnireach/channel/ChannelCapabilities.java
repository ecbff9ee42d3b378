package io.omnireach.channel;

import java.time.LocalTime;

/**
 * What a channel needs before a message may go out and what it offers afterwards.
 *
 * @param kind the outbox's {@code channel} value of its messages
 * @param consentType the key in a lead's {@code consent} JSON that governs this channel
 * @param optInRequired true: only a lead whose consent is {@code granted} is reached (SMS under
 *     TCPA); false: everyone but a lead who {@code denied} it (email's opt-out)
 * @param quietHoursStart start of the hours a message may arrive in the lead's time zone, or null
 *     for none (a channel without quiet hours still keeps the send window)
 * @param quietHoursEnd end of those hours (exclusive)
 * @param maxLength longest body the channel carries, 0 for no limit
 * @param threading whether a follow-up continues the earlier message's thread
 * @param deliveryReceipts whether the provider reports delivery back
 */
public record ChannelCapabilities(
    ChannelKind kind,
    String consentType,
    boolean optInRequired,
    LocalTime quietHoursStart,
    LocalTime quietHoursEnd,
    int maxLength,
    boolean threading,
    boolean deliveryReceipts) {

  public static final ChannelCapabilities EMAIL =
      new ChannelCapabilities(
          ChannelKind.EMAIL, "email", false, null, null, Messages.MAX_BODY, true, false);

  /** TCPA: express consent, and only 08:00–21:00 where the lead is. */
  public static final ChannelCapabilities SMS =
      new ChannelCapabilities(
          ChannelKind.SMS,
          "sms",
          true,
          LocalTime.of(8, 0),
          LocalTime.of(21, 0),
          1600, // Twilio's limit for one message body
          false,
          true);

  /**
   * Automated calls: the lead's express consent to calls ({@code consent.calls}) and, like SMS,
   * only 08:00–21:00 where the lead is (TCPA); the script is read aloud, so it stays short.
   */
  public static final ChannelCapabilities VOICE =
      new ChannelCapabilities(
          ChannelKind.VOICE,
          "calls",
          true,
          LocalTime.of(8, 0),
          LocalTime.of(21, 0),
          1000,
          false,
          true);

  public boolean quietHours() {
    return quietHoursStart != null;
  }

  public static ChannelCapabilities of(ChannelKind kind) {
    return switch (kind) {
      case EMAIL -> EMAIL;
      case SMS -> SMS;
      case VOICE -> VOICE;
    };
  }
}
