package io.omnireach.deal;

/**
 * How far the negotiation agent may go on its own. Whatever the level, nothing outside the price
 * book's limits is ever proposed: out-of-limit asks are countered within them or escalated, and an
 * escalation is never sent.
 */
public enum Autonomy {
  /** Every decision is a suggestion: a person reviews and sends the draft. */
  SUGGEST_ONLY,
  /**
   * Accepts, counters and questions within the limits are queued through the outbox at once (the
   * policies check the text when it is queued and again before it is sent); escalations wait for a
   * person. The playbook's amount, when set, still escalates bigger deals.
   */
  AUTO_SEND,
  /** Like suggest only, and every deal whose total is above the playbook's amount is escalated. */
  ALWAYS_ESCALATE_ABOVE
}
