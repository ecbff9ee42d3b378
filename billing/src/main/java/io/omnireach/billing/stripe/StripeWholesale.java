package io.omnireach.billing.stripe;

import io.omnireach.billing.invoice.Line;
import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.wholesale.WholesaleInvoiceView;
import io.omnireach.billing.wholesale.WholesaleInvoices;
import io.omnireach.billing.wholesale.WholesaleLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * With Stripe on, each finalized wholesale invoice is sent to Stripe as an invoice with one item
 * per line (tenant × fee, seats or meter), to the reseller's own Stripe customer, and Stripe
 * collects it. Not as meter events: a wholesale line depends on each tenant's plan — its allowance
 * and its wholesale price — which one meter per reseller summing its tenants' usage cannot express;
 * our computation (the one the finance desk shows) stays the only one, Stripe just collects it.
 */
public final class StripeWholesale {

  private static final Logger LOG = Logger.getLogger(StripeWholesale.class.getName());

  private final StripeBilling stripe;
  private final WholesaleInvoices wholesale;

  public StripeWholesale(StripeBilling stripe, WholesaleInvoices wholesale) {
    this.stripe = stripe;
    this.wholesale = wholesale;
  }

  /**
   * Sends every finalized wholesale invoice Stripe does not have yet; returns how many were sent.
   * Nothing while Stripe is off. A failure is logged and retried on the next run with the same
   * Idempotency-Keys (Stripe keeps them 24 hours), so a crash between Stripe's answer and our
   * commit does not bill twice.
   */
  public int sendFinalized() {
    if (!stripe.enabled()) {
      return 0;
    }
    int sent = 0;
    for (WholesaleInvoiceView w : wholesale.unsent()) {
      try {
        send(w);
        sent++;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not send wholesale invoice " + w.number() + " to Stripe", e);
      }
    }
    return sent;
  }

  private void send(WholesaleInvoiceView w) {
    String customer = stripe.customers().ensure(Account.reseller(w.resellerId()));
    List<StripeGateway.Item> items = new ArrayList<>();
    for (WholesaleLine.Content c : w.lines()) {
      Line l = c.line();
      if (l.amountMinor() != 0) { // a usage line within the allowance costs nothing
        items.add(
            new StripeGateway.Item(c.tenantSlug() + " · " + l.description(), l.amountMinor()));
      }
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("omnireach_wholesale_invoice", Long.toString(w.id()));
    metadata.put("omnireach_number", w.number());
    metadata.put("omnireach_period", w.periodStart().toString().substring(0, 7));
    StripeGateway.SentInvoice in =
        stripe
            .gateway()
            .sendInvoice(
                "omnireach-wholesale-" + w.id(),
                customer,
                w.currency(),
                "Wholesale invoice "
                    + w.number()
                    + " for "
                    + w.periodStart().toString().substring(0, 7),
                metadata,
                items);
    wholesale.sentToStripe(w.resellerId(), w.id(), in.id(), in.hostedUrl(), in.pdfUrl());
  }
}
