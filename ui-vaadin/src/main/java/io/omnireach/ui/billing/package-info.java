/**
 * Billing: the billing view (a header and sections: {@link io.omnireach.ui.billing.UsageSection}
 * with usage per meter against the plan, charts and CSV exports; {@link
 * io.omnireach.ui.billing.PlanSection}, the plan with its limits; {@link
 * io.omnireach.ui.billing.InvoicesSection}) and the operator's finance desk ({@link
 * io.omnireach.ui.billing.FinanceView}). {@link io.omnireach.ui.billing.BillingUsage} and {@link
 * io.omnireach.ui.billing.BillingDesk} are the ports the app implements over the billing module,
 * which this module does not depend on; {@link io.omnireach.ui.billing.PaymentBanner} tells a
 * tenant's admins about an unpaid invoice ({@link io.omnireach.ui.billing.PaymentNotices}).
 */
package io.omnireach.ui.billing;
