/**
 * Billing: the contracts shared with metering and Stripe ({@link
 * io.omnireach.billing.UsagePricing}, {@link io.omnireach.billing.InvoiceBook}), plans ({@code
 * plan}), invoices ({@code invoice}) and the finance desk ({@code finance}), on JPA ({@code jpa}).
 */
package io.omnireach.billing;
