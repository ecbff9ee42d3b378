package io.omnireach.persona;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;

/** The channel a persona reaches out on unless a workflow step says otherwise. */
public enum Channel {
  EMAIL("Email"),
  SMS("SMS"),
  LINKEDIN("LinkedIn"),
  CALL("Call");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  /** How people read it, e.g. "LinkedIn". */
  public String label() {
    return label;
  }

  /** Parses "EMAIL", "email" or " Email "; throws a {@link DomainException} naming the field. */
  public static Channel parse(String field, String value) {
    if (value != null) {
      String wanted = value.trim().toUpperCase(Locale.ROOT);
      for (Channel channel : values()) {
        if (channel.name().equals(wanted)) {
          return channel;
        }
      }
    }
    throw DomainException.invalid(
        field, "Default channel must be one of " + Arrays.toString(values()) + ".");
  }
}
