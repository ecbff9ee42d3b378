/**
 * The billing view: a header and sections stacked below it, the first being {@link
 * io.omnireach.ui.billing.UsageSection} (usage per meter against the plan, charts, CSV exports).
 * {@link io.omnireach.ui.billing.BillingUsage} is the port the app implements over the billing
 * module, which this module does not depend on.
 */
package io.omnireach.ui.billing;
