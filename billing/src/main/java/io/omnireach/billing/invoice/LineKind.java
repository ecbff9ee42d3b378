package io.omnireach.billing.invoice;

/** What an invoice line charges for. */
public enum LineKind {
  /** The plan's monthly base fee (the plan at the start of the period). */
  BASE_FEE,
  /** After a plan change: the unused part of the old plan's base fee, as a negative amount. */
  PRORATION_CREDIT,
  /** After a plan change: the new plan's base fee for the rest of the period. */
  PRORATION_CHARGE,
  /** Seats beyond the ones the plan includes. */
  SEATS,
  /** One meter's usage beyond the included quantity. */
  USAGE,
  /** A line of an invoice issued elsewhere (Stripe), as it was read back. */
  EXTERNAL
}
