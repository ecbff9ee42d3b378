/**
 * Billing components: the plan card with limits ({@link io.omnireach.ui.billing.PlanSection}),
 * invoices ({@link io.omnireach.ui.billing.InvoicesSection}) and the operator's finance desk
 * ({@link io.omnireach.ui.billing.FinanceView}), over the {@link
 * io.omnireach.ui.billing.BillingDesk} port.
 */
package io.omnireach.ui.billing;
