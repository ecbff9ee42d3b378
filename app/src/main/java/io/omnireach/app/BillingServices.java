package io.omnireach.app;

import io.omnireach.billing.finance.FinanceReport;
import io.omnireach.billing.invoice.InvoiceDocuments;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.billing.plan.BillingDemo;
import io.omnireach.billing.plan.HardLimitGate;
import io.omnireach.billing.plan.PlanOverview;
import io.omnireach.billing.plan.PlanPricing;
import io.omnireach.billing.plan.PriceBook;
import io.omnireach.billing.plan.ResellerPrices;
import io.omnireach.billing.stripe.StripeBilling;
import io.omnireach.billing.stripe.StripeDunning;
import io.omnireach.billing.wholesale.WholesaleInvoices;
import io.omnireach.brand.BrandResolver;
import io.omnireach.db.Transactions;
import io.omnireach.usage.SendingGate;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.List;

/**
 * Wires billing into CDI: the {@code billing} persistence unit (Liberty's EclipseLink on the app's
 * JTA data source) behind {@link JpaTransactions}, plans and prices, usage pricing, the sending
 * gate, invoices and the finance desk.
 */
@ApplicationScoped
public class BillingServices {

  @PersistenceUnit(unitName = "billing")
  EntityManagerFactory emf;

  @Resource UserTransaction userTransaction;

  @Produces
  @Singleton
  JpaTransactions jpa() {
    return new JpaTransactions(emf, JpaTransactions.jta(userTransaction));
  }

  @Produces
  @Singleton
  PriceBook priceBook(JpaTransactions jpa) {
    return new PriceBook(jpa);
  }

  @Produces
  @Singleton
  ResellerPrices resellerPrices(JpaTransactions jpa, Clock clock) {
    return new ResellerPrices(jpa, clock);
  }

  @Produces
  @Singleton
  BillingDemo billingDemo(JpaTransactions jpa, ResellerPrices prices) {
    return new BillingDemo(jpa, prices);
  }

  /** What usage costs under the tenant's plan (the usage API and the billing view read it). */
  @Produces
  @Singleton
  PlanPricing usagePricing(JpaTransactions jpa) {
    return new PlanPricing(jpa);
  }

  @Produces
  @Singleton
  PlanOverview planOverview(JpaTransactions jpa, Transactions tx, Clock clock) {
    return new PlanOverview(jpa, tx, clock);
  }

  /**
   * Billing's rules on sending, the tightest wins: the plan's hard limits, and with Stripe on, an
   * invoice unpaid past the grace period (dunning).
   */
  @Produces
  @Singleton
  SendingGate sendingGate(Clock clock, StripeBilling stripe, StripeDunning dunning) {
    return SendingGate.all(
        List.of(new HardLimitGate(clock), stripe.enabled() ? dunning.gate() : SendingGate.OPEN));
  }

  /** Self-made invoices; also the {@code InvoiceBook} the Stripe sync records into. */
  @Produces
  @Singleton
  Invoices invoices(JpaTransactions jpa, Transactions tx, Clock clock) {
    return new Invoices(jpa, tx, clock);
  }

  @Produces
  @Singleton
  InvoiceDocuments invoiceDocuments(Invoices invoices, BrandResolver brands) {
    return new InvoiceDocuments(invoices, brands);
  }

  @Produces
  @Singleton
  FinanceReport financeReport(JpaTransactions jpa, Invoices invoices, Clock clock) {
    return new FinanceReport(jpa, invoices, clock);
  }

  /** What the platform bills resellers (wholesale), in the platform's brand. */
  @Produces
  @Singleton
  WholesaleInvoices wholesaleInvoices(
      JpaTransactions jpa, Invoices invoices, BrandResolver brands, Clock clock) {
    return new WholesaleInvoices(jpa, invoices, brands, clock);
  }
}
