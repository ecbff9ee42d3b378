package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.billing.stripe.StripeWholesale;
import io.omnireach.billing.wholesale.WholesaleInvoices;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finalizes the invoices of ended months, the tenants' and then the resellers' wholesale ones,
 * every {@code omnireach.billing.finalize-seconds} (default 3600; 0 turns it off) on the managed
 * scheduled executor. Safe on several servers at once: each invoice is finalized under a lock per
 * tenant and month, numbers under a row lock.
 */
@ApplicationScoped
public class InvoiceScheduler {

  private static final Logger LOG = Logger.getLogger(InvoiceScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Invoices invoices;
  @Inject WholesaleInvoices wholesale;
  @Inject StripeWholesale stripeWholesale;
  @Inject StartupState startup;

  @Inject
  @ConfigProperty(name = "omnireach.billing.finalize-seconds", defaultValue = "3600")
  long seconds;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (seconds > 0) {
      scheduler.scheduleWithFixedDelay(
          this::tick, Math.min(60, seconds), seconds, TimeUnit.SECONDS);
    }
  }

  void tick() {
    if (!startup.isReady()) {
      return;
    }
    try {
      int n = invoices.finalizeEnded();
      if (n > 0) {
        LOG.info("Finalized " + n + " invoices of ended months.");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not finalize the invoices of ended months", e);
    }
    try {
      // after the tenants' invoices: what the platform bills each reseller for them
      int n = wholesale.finalizeEnded();
      if (n > 0) {
        LOG.info("Finalized " + n + " wholesale invoices of ended months.");
      }
      // with Stripe on, each finalized one goes to the reseller's Stripe customer (retried here)
      int sent = stripeWholesale.sendFinalized();
      if (sent > 0) {
        LOG.info("Sent " + sent + " wholesale invoices to Stripe.");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not finalize the wholesale invoices of ended months", e);
    }
  }
}
