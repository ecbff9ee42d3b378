/**
 * Billing in the shell: the payment banner (dunning), fed through the {@link
 * io.omnireach.ui.billing.PaymentNotices} port.
 */
package io.omnireach.ui.billing;
