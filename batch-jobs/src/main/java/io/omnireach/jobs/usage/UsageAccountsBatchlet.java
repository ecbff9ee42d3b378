package io.omnireach.jobs.usage;

import io.omnireach.db.Transactions;
import io.omnireach.usage.UsageReportSink;
import io.omnireach.usage.UsageReports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Set;

/**
 * Sets up the billing accounts of tenants with pending reports (Stripe customers), outside any
 * transaction: a customer created in Stripe is stored at once, not rolled back with a chunk.
 */
@Named("usageAccountsBatchlet")
@Dependent
public class UsageAccountsBatchlet extends AbstractBatchlet {

  @Inject UsageReports reports;
  @Inject UsageReportSink sink;
  @Inject Transactions tx;
  @Inject Clock clock;

  @Override
  public String process() {
    Set<Long> tenants = tx.platform(c -> reports.pendingTenants(c, clock.instant()));
    sink.prepare(tenants);
    return "COMPLETED";
  }
}
