package io.omnireach.billing;

/**
 * Where an invoice stands, the same words as Stripe's: a draft can still change; finalizing gives
 * it a number and makes it OPEN (due); then PAID, or VOID (cancelled) or UNCOLLECTIBLE.
 */
public enum InvoiceStatus {
  DRAFT,
  OPEN,
  PAID,
  VOID,
  UNCOLLECTIBLE
}
