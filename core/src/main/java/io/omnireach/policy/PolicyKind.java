package io.omnireach.policy;

import java.util.Locale;

/** What a policy checks; the API names it in snake case ({@code max_discount}). */
public enum PolicyKind {
  MAX_DISCOUNT,
  FORBIDDEN_PHRASE,
  REQUIRED_TEXT,
  CHANNEL_CONSENT,
  CONTACT_FREQUENCY,
  SEND_HOURS,
  COMPETITOR_MENTION,
  OTHER_PERSONAL_DATA,
  /**
   * Not a rule anyone writes: the kind of the warnings the optional LLM review adds ({@link
   * PolicyReview}).
   */
  LLM_REVIEW;

  /** The kinds a policy can have (all but {@link #LLM_REVIEW}). */
  public static java.util.List<PolicyKind> rules() {
    return java.util.Arrays.stream(values()).filter(k -> k != LLM_REVIEW).toList();
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code wire}, or null. */
  public static PolicyKind fromWire(String wire) {
    for (PolicyKind k : values()) {
      if (k.wire().equalsIgnoreCase(wire == null ? "" : wire.strip())) {
        return k;
      }
    }
    return null;
  }
}
