package io.omnireach.jobs.usage;

import io.omnireach.db.Transactions;
import io.omnireach.usage.UsageReport;
import io.omnireach.usage.UsageReportSink;
import io.omnireach.usage.UsageReportSink.Outcome;
import io.omnireach.usage.UsageReportSink.Result;
import io.omnireach.usage.UsageReports;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends the claimed reports one by one and records each outcome in the chunk's transaction. When
 * the biller asks for a retry (unreachable, account not ready) the rest of the chunk stays PENDING
 * for the next run. A crash after a send and before the commit leaves the report PENDING: it is
 * sent again with the same identifier, which the biller keeps once.
 */
@Named("usageSendWriter")
@Dependent
public class UsageSendWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(UsageSendWriter.class.getName());

  @Inject UsageReports reports;
  @Inject UsageReportSink sink;
  @Inject Transactions tx;
  @Inject Clock clock;
  @Inject StepContext step;

  @Override
  public void writeItems(List<Object> items) {
    UsageReportProgress progress = UsageReportProgress.of(step, 0);
    tx.joined(
        UsageReportProgress.PLATFORM,
        c -> {
          List<Long> sent = new ArrayList<>();
          for (Object item : items) {
            UsageReport report = (UsageReport) item;
            Result result = sink.send(c, report);
            if (result.outcome() == Outcome.SENT) {
              sent.add(report.id());
            } else if (result.outcome() == Outcome.ACCOUNT_NOT_READY) {
              LOG.info("Usage report " + report.id() + " waits: " + result.detail());
              reports.retryLater(c, report.id(), result.detail());
            } else if (result.outcome() == Outcome.REJECTED) {
              LOG.warning("Usage report " + report.id() + " refused: " + result.detail());
              reports.failed(c, report.id(), result.detail());
            } else {
              LOG.info("Usage report " + report.id() + " waits: " + result.detail());
              reports.retryLater(c, report.id(), result.detail());
              progress.stop = true;
              break;
            }
          }
          reports.sent(c, sent, clock.instant());
          progress.total += sent.size();
          return null;
        });
  }
}
