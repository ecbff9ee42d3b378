package io.omnireach.channel;

import java.util.Locale;

/** The outbox's {@code channel} column: which {@link Channel} a message goes out on. */
public enum ChannelKind {
  EMAIL,
  SMS,
  /** An automated phone call that reads a script (Twilio, TwiML {@code <Say>}). */
  VOICE;

  /** As the API spells it: {@code email}, {@code sms}, {@code voice}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
