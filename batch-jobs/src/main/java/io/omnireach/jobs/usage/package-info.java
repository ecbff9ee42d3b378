/**
 * The usage jobs: {@code usage-rollup} folds new usage events into hourly totals, {@code
 * usage-snapshot} takes the daily seat and lead snapshots. Both are idempotent and safe to run on
 * several servers at once. The {@code usage-report} job: usage events → report rows (set-based, in
 * the chunk transaction) → one billing meter event per report, marked SENT in the chunk that
 * claimed it. The queue itself is {@link io.omnireach.usage.UsageReports}; the biller is a {@link
 * io.omnireach.usage.UsageReportSink} (Stripe, wired by the app).
 */
package io.omnireach.jobs.usage;
