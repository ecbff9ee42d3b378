/**
 * Self-made invoices per tenant and calendar month: computed from the usage ledger and the plan's
 * prices, finalized with gap-free numbers, rendered as PDF; Stripe's invoices recorded beside.
 */
package io.omnireach.billing.invoice;
