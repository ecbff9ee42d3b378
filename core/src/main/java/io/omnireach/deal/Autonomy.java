package io.omnireach.deal;

/**
 * How far the negotiation agent may go on its own. Whatever the level, nothing outside the price
 * book's limits is ever proposed: out-of-limit asks are countered within them or escalated.
 */
public enum Autonomy {
  /** Every decision is a suggestion: a person reviews and sends the draft. */
  SUGGEST_ONLY,
  /** Like suggest only, and every deal whose total is above the playbook's amount is escalated. */
  ALWAYS_ESCALATE_ABOVE
}
