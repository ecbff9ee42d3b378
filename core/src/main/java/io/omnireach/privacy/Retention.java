package io.omnireach.privacy;

import io.omnireach.common.DomainException;

/**
 * A tenant's retention settings; null keeps forever. Message and reply bodies are blanked (the row,
 * its status and events stay for analytics); cached AI texts and consumed lead signals are deleted.
 */
public record Retention(
    Integer messageBodyMonths, Integer replyBodyMonths, Integer aiCacheDays, Integer signalDays) {

  public static final Retention KEEP_ALL = new Retention(null, null, null, null);

  /**
   * @throws DomainException INVALID for a value out of range (months 1–120, days 1–3650)
   */
  public Retention {
    check("messageBodyMonths", messageBodyMonths, 120);
    check("replyBodyMonths", replyBodyMonths, 120);
    check("aiCacheDays", aiCacheDays, 3650);
    check("signalDays", signalDays, 3650);
  }

  private static void check(String field, Integer value, int max) {
    if (value != null && (value < 1 || value > max)) {
      throw DomainException.invalid(
          field, field + " must be between 1 and " + max + ", or null to keep forever.");
    }
  }

  /** A short text for the audit log. */
  public String summary() {
    return "messageBodyMonths="
        + messageBodyMonths
        + ", replyBodyMonths="
        + replyBodyMonths
        + ", aiCacheDays="
        + aiCacheDays
        + ", signalDays="
        + signalDays;
  }
}
