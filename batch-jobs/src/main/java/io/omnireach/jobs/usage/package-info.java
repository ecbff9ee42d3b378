/**
 * The usage jobs: {@code usage-rollup} folds new usage events into hourly totals, {@code
 * usage-snapshot} takes the daily seat and lead snapshots. Both are idempotent and safe to run on
 * several servers at once.
 */
package io.omnireach.jobs.usage;
