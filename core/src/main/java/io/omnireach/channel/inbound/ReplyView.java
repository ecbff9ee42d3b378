package io.omnireach.channel.inbound;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored reply as listed in the inbox, with how it was classified: {@code classifier} is {@value
 * ReplyClassifier#OFFLINE} or the provider/model that decided, {@code classifierFallback} why the
 * offline rules decided although an LLM is configured.
 */
public record ReplyView(
    long id,
    Long messageId,
    Long leadId,
    String leadName,
    String from,
    String subject,
    String body,
    Instant receivedAt,
    ReplyClass classification,
    LocalDate oooUntil,
    String classifier,
    BigDecimal confidence,
    String sentiment,
    String rationale,
    String classifierFallback) {

  /** Whether a language model classified this reply. */
  public boolean byModel() {
    return classifier != null && !ReplyClassifier.OFFLINE.equals(classifier);
  }
}
