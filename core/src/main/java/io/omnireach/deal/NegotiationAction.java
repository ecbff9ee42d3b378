package io.omnireach.deal;

import java.util.Locale;

/** What the decision engine answers a pricing message with. */
public enum NegotiationAction {
  ACCEPT,
  COUNTER,
  CLARIFY,
  ESCALATE;

  /** The lower-case name of the API contract. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
