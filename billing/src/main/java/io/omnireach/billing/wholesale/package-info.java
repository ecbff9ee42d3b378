/**
 * Wholesale invoices: what the platform bills a reseller per month for its tenants, at the
 * reseller's wholesale prices (the same computation as the finance desk's wholesale cost).
 */
package io.omnireach.billing.wholesale;
