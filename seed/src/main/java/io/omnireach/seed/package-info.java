/** Demo data: the demo reseller, tenants, users and personas, loaded idempotently. */
package io.omnireach.seed;
