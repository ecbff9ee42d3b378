package io.omnireach.billing;

/** Where invoices issued outside OmniReach are recorded (the Stripe sync writes through this). */
public interface InvoiceBook {

  /**
   * Inserts or updates the invoice with this external id for the tenant. Idempotent, and tolerant
   * of out-of-order delivery: a status never goes back (PAID is not undone by a late "OPEN").
   */
  void recordExternal(long tenantId, ExternalInvoice invoice);
}
