package io.omnireach.channel.inbound;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A reply's class, the return date of an out-of-office reply when it states one, the rule that
 * decided (offline) and who classified: {@value ReplyClassifier#OFFLINE} or the provider/model of
 * the tenant's LLM. {@code confidence} is the model's (null offline); {@code sentiment} is
 * positive, neutral or negative; {@code fallback} says why the offline rules decided although an
 * LLM is configured (null when nothing failed).
 */
public record Classification(
    ReplyClass type,
    LocalDate oooUntil,
    String rule,
    String classifier,
    BigDecimal confidence,
    String sentiment,
    String rationale,
    String fallback) {

  /** An offline result with its rule; sentiment follows from the class. */
  public Classification(ReplyClass type, LocalDate oooUntil, String rule, String classifier) {
    this(type, oooUntil, rule, classifier, null, sentimentOf(type), rationaleOf(rule), null);
  }

  /** The same result, noting why the LLM did not decide. */
  public Classification withFallback(String why) {
    return new Classification(
        type, oooUntil, rule, classifier, confidence, sentiment, rationale, why);
  }

  /** The same result with another reason (a bounce's status, for instance). */
  public Classification withRationale(String text) {
    return new Classification(
        type, oooUntil, rule, classifier, confidence, sentiment, text, fallback);
  }

  static String sentimentOf(ReplyClass type) {
    return switch (type) {
      case INTERESTED -> "positive";
      case NOT_INTERESTED, UNSUBSCRIBE -> "negative";
      default -> "neutral";
    };
  }

  private static String rationaleOf(String rule) {
    return rule == null ? "No rule matched." : "Offline rule matched: " + rule + ".";
  }
}
