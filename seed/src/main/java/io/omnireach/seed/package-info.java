/** Demo data: the demo reseller, tenants and users, loaded idempotently. */
package io.omnireach.seed;
