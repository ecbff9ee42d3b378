package io.omnireach.usage;

import java.util.Arrays;
import java.util.Optional;

/**
 * What is metered: everything that costs money or is sold. Counted meters add up their events over
 * a period; snapshot meters (seats, leads) are taken once a day and a period is billed at its peak,
 * the way per-seat SaaS plans bill.
 */
public enum Meter {
  EMAILS_SENT("emails_sent", "email", "Emails sent", false),
  SMS_SEGMENTS("sms_segments", "segment", "SMS segments", false),
  // automated calls Twilio placed (one per call, as Twilio bills each call's first minute)
  VOICE_CALLS("voice_calls", "call", "Voice calls", false),
  AI_INPUT_TOKENS("ai_input_tokens", "token", "AI input tokens", false),
  AI_OUTPUT_TOKENS("ai_output_tokens", "token", "AI output tokens", false),
  AI_CALLS("ai_calls", "call", "AI calls", false),
  WORKFLOW_STEPS("workflow_steps", "step", "Workflow steps", false),
  ACTIVE_SEATS("active_seats", "seat", "Active seats", true),
  LEADS_STORED("leads_stored", "lead", "Leads stored", true);

  private final String key;
  private final String unit;
  private final String label;
  private final boolean snapshot;

  Meter(String key, String unit, String label, boolean snapshot) {
    this.key = key;
    this.unit = unit;
    this.label = label;
    this.snapshot = snapshot;
  }

  /** The name in the database, the API, CSV exports and Stripe's meter event names. */
  public String key() {
    return key;
  }

  public String unit() {
    return unit;
  }

  public String label() {
    return label;
  }

  /** True for daily snapshots billed at the period's peak; false for counted events. */
  public boolean snapshot() {
    return snapshot;
  }

  public static Optional<Meter> byKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }
}
