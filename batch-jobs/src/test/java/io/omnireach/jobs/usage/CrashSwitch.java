package io.omnireach.jobs.usage;

import io.omnireach.usage.UsageReport;
import io.omnireach.usage.UsageReportSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Runs inside the Arquillian server: billing's Stripe sink, with a switch that makes the job die
 * where a crash would hurt — after Stripe accepted a report and before the chunk committed, or
 * after the reports were grouped and marked and before any was sent.
 */
public final class CrashSwitch implements UsageReportSink {

  static volatile int failAfterSends = -1;
  static volatile boolean failBeforeSending;
  private static volatile int sent;

  private final UsageReportSink stripe;

  CrashSwitch(UsageReportSink stripe) {
    this.stripe = stripe;
  }

  static void reset() {
    failAfterSends = -1;
    failBeforeSending = false;
    sent = 0;
  }

  @Override
  public void prepare(Set<Long> tenantIds) {
    if (failBeforeSending) {
      throw new IllegalStateException("crash: reports grouped and marked, none sent");
    }
    stripe.prepare(tenantIds);
  }

  @Override
  public Result send(Connection c, UsageReport report) throws SQLException {
    Result result = stripe.send(c, report);
    if (failAfterSends >= 0 && ++sent >= failAfterSends) {
      throw new IllegalStateException(
          "crash: Stripe accepted report " + report.id() + ", the chunk did not commit");
    }
    return result;
  }
}
