package io.omnireach.channel;

import java.util.Locale;

/** The outbox's {@code channel} column: which {@link Channel} a message goes out on. */
public enum ChannelKind {
  EMAIL,
  SMS;

  /** As the API spells it: {@code email}, {@code sms}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
