package io.omnireach.jobs.usage;

import io.omnireach.billing.stripe.StripeCustomers;
import io.omnireach.billing.stripe.StripeGateway;
import io.omnireach.billing.stripe.StripeSettings;
import io.omnireach.billing.stripe.StripeUsageSink;
import io.omnireach.db.Transactions;
import io.omnireach.usage.UsageReportSink;
import io.omnireach.usage.UsageReports;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The job's collaborators inside the Arquillian server, wired as the app wires them, with the
 * Stripe API base from the server's environment (the test's fake).
 */
@ApplicationScoped
public class ArqProducers {

  @Resource(lookup = "jdbc/omnireach")
  DataSource dataSource;

  @Produces
  @Singleton
  Transactions transactions() {
    return new Transactions(dataSource);
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  UsageReports reports() {
    return new UsageReports();
  }

  @Produces
  @Singleton
  UsageReportSink sink(Transactions tx) {
    StripeGateway gateway =
        new StripeGateway(
            new StripeSettings("sk_test_arquillian", null, System.getenv("ARQ_STRIPE_BASE"), null));
    return new CrashSwitch(new StripeUsageSink(new StripeCustomers(tx, gateway), gateway));
  }
}
