/**
 * Plans and prices as data: plan terms (included quantities, soft and hard limits per meter), list,
 * wholesale and retail prices ({@link io.omnireach.billing.plan.PriceBook}), plan changes.
 */
package io.omnireach.billing.plan;
