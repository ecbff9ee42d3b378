package io.omnireach.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.MutableClock;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.testing.RecordingInvoiceBook;
import io.omnireach.billing.testing.StripeEvents;
import io.omnireach.billing.testing.StripeFake;
import io.omnireach.billing.wholesale.WholesaleInvoiceView;
import io.omnireach.billing.wholesale.WholesaleInvoices;
import io.omnireach.brand.BrandResolver;
import io.omnireach.mail.SystemMail;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.SendingGate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A finalized wholesale invoice sent to the reseller's Stripe customer as an invoice with items
 * (real stripe-java against the fake), and Stripe's answer about it through the signed webhook:
 * payment failed → the reseller is past due, reminded once, on the Owner's overdue list after the
 * grace period, its tenants' sending untouched; paid → the wholesale invoice is PAID.
 */
class StripeWholesaleTest {

  static final String SECRET = "whsec_wholesale_test";

  static io.omnireach.billing.BillingFixture f;
  static StripeFake stripe;
  static MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
  static StripeBilling billing;
  static WholesaleInvoices wholesale;
  static StripeWholesale sender;
  static StripeDunning dunning;
  static StripeWebhook webhook;
  static long reseller;
  static TenantRef tenant;

  @BeforeAll
  static void a_reseller_whose_march_is_finalized() {
    f = new io.omnireach.billing.BillingFixture();
    stripe = StripeFake.start();
    billing =
        new StripeBilling(
            f.db.transactions(),
            new StripeSettings("sk_test_wholesale", SECRET, stripe.baseUrl(), null));
    Invoices invoices = new Invoices(f.jpa, f.db.transactions(), clock);
    wholesale =
        new WholesaleInvoices(f.jpa, invoices, new BrandResolver(f.db.transactions()), clock);
    sender = new StripeWholesale(billing, wholesale);
    dunning =
        new StripeDunning(
            f.db.transactions(),
            new SystemMail(clock, "https://app.example", t -> null),
            Duration.ofDays(7),
            clock);
    webhook =
        new StripeWebhook(
            f.db.transactions(),
            billing,
            new RecordingInvoiceBook(),
            wholesale,
            dunning,
            id -> {},
            clock);
    reseller = f.reseller("gamma", "STANDARD");
    f.db
        .transactions()
        .platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("update resellers set support_email = ? where id = ?")) {
                ps.setString(1, "billing@gamma.example");
                ps.setLong(2, reseller);
                return ps.executeUpdate();
              }
            });
    tenant = f.tenant("gamma-one", "TEAM", reseller);
    f.usage(tenant, Meter.EMAILS_SENT, 12_000, Instant.parse("2026-03-10T10:00:00Z"));
    assertThat(wholesale.finalizeEnded()).isEqualTo(1);
  }

  @AfterAll
  static void stop() {
    stripe.close();
    f.close();
  }

  @Test
  void the_finalized_invoice_goes_to_stripe_once_and_stripes_answers_follow() throws Exception {
    assertThat(sender.sendFinalized()).isEqualTo(1);
    assertThat(sender.sendFinalized()).isZero(); // sent: never again

    String customer = billing.customers().find(Account.reseller(reseller)).orElseThrow();
    assertThat(stripe.customers())
        .anyMatch(
            c ->
                c.get("id").asText().equals(customer)
                    && c.get("email").asText().equals("billing@gamma.example"));
    List<JsonNode> sent = stripe.invoicesOf(customer);
    assertThat(sent).hasSize(1);
    JsonNode in = sent.get(0);
    WholesaleInvoiceView ours =
        wholesale.list(null, reseller).stream()
            .filter(w -> w.number() != null)
            .findFirst()
            .orElseThrow();
    assertThat(ours.stripeInvoiceId()).isEqualTo(in.get("id").asText());
    assertThat(ours.hostedUrl()).isEqualTo(in.get("hosted_invoice_url").asText());
    assertThat(in.get("status").asText()).isEqualTo("open");
    assertThat(in.get("total").asLong()).isEqualTo(ours.totalMinor()).isEqualTo(6930 + 140);
    assertThat(in.at("/metadata/omnireach_number").asText()).isEqualTo(ours.number());
    assertThat(in.at("/lines/data"))
        .extracting(l -> l.get("description").asText())
        .containsExactly("gamma-one · Team plan, March 2026", "gamma-one · Emails sent");

    // a crash after Stripe answered and before we stored its id: sent again with the same keys,
    // Stripe hands back the same invoice and adds no item
    StripeGateway.SentInvoice again =
        billing
            .gateway()
            .sendInvoice(
                "omnireach-wholesale-" + ours.id(),
                customer,
                "USD",
                "again",
                Map.of(),
                List.of(new StripeGateway.Item("a", 6930), new StripeGateway.Item("b", 140)));
    assertThat(again.id()).isEqualTo(ours.stripeInvoiceId());
    assertThat(stripe.invoicesOf(customer)).hasSize(1);
    assertThat(stripe.invoicesOf(customer).get(0).get("total").asLong()).isEqualTo(7070);

    // the Owner cannot mark it paid by hand: Stripe collects it
    assertThatThrownBy(() -> wholesale.settle(reseller, ours.id(), InvoiceStatus.PAID))
        .hasMessageContaining("sent to Stripe");

    // the payment fails: past due, one reminder to the reseller's support email, twice = once
    Instant failed = clock.instant();
    String payload = StripeEvents.event("evt_ws_1", "invoice.payment_failed", failed, in);
    assertThat(deliver(payload).outcome()).isEqualTo(StripeWebhook.Outcome.APPLIED);
    assertThat(deliver(payload).outcome()).isEqualTo(StripeWebhook.Outcome.DUPLICATE);
    assertThat(
            deliver(StripeEvents.event("evt_ws_2", "invoice.payment_failed", failed, in)).outcome())
        .isEqualTo(StripeWebhook.Outcome.APPLIED);
    StripeDunning.Standing standing = dunning.standing(Account.reseller(reseller));
    assertThat(standing.status()).isEqualTo(StripeDunning.Status.PAST_DUE);
    assertThat(standing.invoiceNumber()).isEqualTo(in.get("number").asText());
    assertThat(mailsTo("billing@gamma.example")).isEqualTo(1);
    assertThat(dunning.overdueResellers()).isEmpty(); // within the grace period

    // after the grace period: on the Owner's list; its tenant still sends
    clock.now = failed.plus(Duration.ofDays(7)).plusSeconds(1);
    assertThat(dunning.overdueResellers())
        .extracting(StripeDunning.OverdueReseller::resellerId)
        .containsExactly(reseller);
    SendingGate.Allowance tenantSends =
        f.db
            .transactions()
            .platform(c -> dunning.gate().allowance(c, tenant.id(), Meter.EMAILS_SENT));
    assertThat(tenantSends).isEqualTo(SendingGate.Allowance.UNLIMITED);

    // paid in Stripe: the wholesale invoice is PAID, the reseller in good standing
    payload =
        StripeEvents.event(
            "evt_ws_3",
            "invoice.paid",
            clock.instant(),
            stripe.invoiceWithStatus(in.get("id").asText(), "paid"));
    assertThat(deliver(payload).outcome()).isEqualTo(StripeWebhook.Outcome.APPLIED);
    assertThat(wholesale.get(reseller, reseller, ours.id()).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(dunning.standing(Account.reseller(reseller))).isEqualTo(StripeDunning.Standing.OK);
    assertThat(dunning.overdueResellers()).isEmpty();
  }

  static StripeWebhook.Result deliver(String payload) {
    return webhook.handle(
        payload, StripeEvents.sign(payload, SECRET, clock.instant().getEpochSecond()));
  }

  static long mailsTo(String email) {
    return f.db
        .transactions()
        .platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("select count(*) from system_mail where recipient = ?")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }
}
