/** Plans and their limits; usage metering and Stripe invoicing come with the billing issue. */
package io.omnireach.billing;
