package io.omnireach.policy;

import java.util.Locale;

/** What a violation does: BLOCK never sends, WARN needs a person's confirmation, LOG records. */
public enum Severity {
  BLOCK,
  WARN,
  LOG;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity named {@code wire}, or null. */
  public static Severity fromWire(String wire) {
    for (Severity s : values()) {
      if (s.wire().equalsIgnoreCase(wire == null ? "" : wire.strip())) {
        return s;
      }
    }
    return null;
  }
}
