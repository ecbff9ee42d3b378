package io.omnireach.billing.plan;

import io.omnireach.usage.Meter;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How limits are worded for people, the same in the API, the UI and a held message's events. */
public final class MeterWords {

  private static final DateTimeFormatter RESET =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private MeterWords() {}

  /** "emails", "SMS segments", "AI input tokens" … */
  public static String plural(Meter meter) {
    return switch (meter) {
      case EMAILS_SENT -> "emails";
      case SMS_SEGMENTS -> "SMS segments";
      case VOICE_CALLS -> "voice calls";
      case AI_INPUT_TOKENS -> "AI input tokens";
      case AI_OUTPUT_TOKENS -> "AI output tokens";
      case AI_CALLS -> "AI calls";
      case WORKFLOW_STEPS -> "workflow steps";
      case ACTIVE_SEATS -> "seats";
      case LEADS_STORED -> "leads";
    };
  }

  public static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
  }

  /**
   * "The Team plan's limit of 25,000 emails this month is reached (resets on 1 Jan)."
   *
   * @param month the month (UTC) the limit counts in
   */
  public static String hardLimitReached(String planName, long limit, Meter meter, YearMonth month) {
    return "The "
        + planName
        + " plan's limit of "
        + count(limit)
        + " "
        + plural(meter)
        + " this month is reached (resets on "
        + RESET.format(month.plusMonths(1).atDay(1))
        + ").";
  }
}
