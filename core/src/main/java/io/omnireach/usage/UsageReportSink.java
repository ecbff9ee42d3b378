package io.omnireach.usage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Where usage reports go (Stripe Billing meter events, implemented in billing). The report job
 * calls it; it never sees the job's tables.
 */
public interface UsageReportSink {

  /** What became of one report. */
  enum Outcome {
    /** Accepted (or already there: the sink deduplicates on the report's identifier). */
    SENT,
    /** Not now (the biller is unreachable or asks to slow down): this run stops, retry later. */
    RETRY,
    /**
     * This tenant's account is not set up at the biller yet: its report waits for a later run, the
     * other tenants' reports go on (one tenant must not hold up everyone's billing).
     */
    ACCOUNT_NOT_READY,
    /** Refused as invalid: sending it again cannot succeed; kept FAILED with the reason. */
    REJECTED
  }

  record Result(Outcome outcome, String detail) {

    public static final Result SENT = new Result(Outcome.SENT, null);

    public static Result retry(String detail) {
      return new Result(Outcome.RETRY, detail);
    }

    public static Result accountNotReady(String detail) {
      return new Result(Outcome.ACCOUNT_NOT_READY, detail);
    }

    public static Result rejected(String detail) {
      return new Result(Outcome.REJECTED, detail);
    }
  }

  /**
   * Gets the tenants ready to be billed (e.g. their customers created), outside any transaction,
   * before their reports are sent. Failures are the sink's to log; their reports wait.
   */
  void prepare(Set<Long> tenantIds);

  /**
   * Sends one report. Must be idempotent on {@link UsageReport#identifier()}.
   *
   * @param c the connection of the transaction that claimed the report, to read on (the job commits
   *     it)
   */
  Result send(Connection c, UsageReport report) throws SQLException;
}
