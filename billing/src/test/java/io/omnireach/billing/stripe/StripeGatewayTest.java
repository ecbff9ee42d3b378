package io.omnireach.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.billing.stripe.StripeGateway.StripeCallException;
import io.omnireach.billing.testing.StripeFake;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real stripe-java client, on a client of its own, against the local Stripe fake. */
class StripeGatewayTest {

  static StripeFake stripe;
  static StripeGateway gateway;

  @BeforeAll
  static void start() {
    stripe = StripeFake.start();
    gateway =
        new StripeGateway(new StripeSettings("sk_test_gateway", null, stripe.baseUrl(), null));
  }

  @AfterAll
  static void stop() {
    stripe.close();
  }

  @Test
  void a_customer_created_twice_with_one_idempotency_key_is_one_customer() {
    String first =
        gateway.createCustomer(
            "omnireach-customer-tenant-7",
            "Acme",
            "a@acme.example",
            Map.of("omnireach_tenant", "7"));
    String again =
        gateway.createCustomer(
            "omnireach-customer-tenant-7",
            "Acme",
            "a@acme.example",
            Map.of("omnireach_tenant", "7"));
    assertThat(again).isEqualTo(first).startsWith("cus_");
    assertThat(stripe.customerWithMetadata("omnireach_tenant", "7")).hasValue(first);
    assertThat(stripe.customers()).filteredOn(c -> c.get("id").asText().equals(first)).hasSize(1);
  }

  @Test
  void meter_events_are_summed_per_customer_and_name_once_per_identifier() {
    String cus = gateway.createCustomer("k-meter", "Meter Co", null, Map.of());
    Instant now = Instant.now();
    gateway.meterEvent("emails_sent", cus, 3, "omnireach-usage-1", now);
    gateway.meterEvent("emails_sent", cus, 4, "omnireach-usage-2", now);
    gateway.meterEvent("emails_sent", cus, 4, "omnireach-usage-2", now); // a resend
    gateway.meterEvent("ai_calls", cus, 5, "omnireach-usage-3", now);
    assertThat(stripe.meterTotal(cus, "emails_sent")).isEqualTo(7);
    assertThat(stripe.meterRequests("omnireach-usage-1")).isEqualTo(1);
    assertThat(stripe.meterRequests("omnireach-usage-2")).as("sent twice, kept once").isEqualTo(2);
    assertThat(stripe.meterTotal(cus, "ai_calls")).isEqualTo(5);
    assertThat(stripe.meterEvents())
        .filteredOn(e -> e.customerId().equals(cus))
        .extracting(StripeFake.MeterEvent::identifier)
        .containsExactlyInAnyOrder("omnireach-usage-1", "omnireach-usage-2", "omnireach-usage-3");
  }

  @Test
  void a_meter_event_older_than_35_days_is_refused_for_good_and_an_outage_is_not() {
    String cus = gateway.createCustomer("k-old", "Old Co", null, Map.of());
    assertThatThrownBy(
            () ->
                gateway.meterEvent(
                    "emails_sent",
                    cus,
                    1,
                    "omnireach-usage-old",
                    Instant.now().minus(Duration.ofDays(40))))
        .isInstanceOfSatisfying(
            StripeCallException.class, e -> assertThat(e.permanent()).as(e.getMessage()).isTrue())
        .hasMessageContaining("35 days");
    stripe.failMeterEvents(3); // the first try and both of the client's retries
    assertThatThrownBy(
            () -> gateway.meterEvent("emails_sent", cus, 1, "omnireach-usage-down", Instant.now()))
        .isInstanceOfSatisfying(
            StripeCallException.class, e -> assertThat(e.permanent()).isFalse());
    assertThat(stripe.meterTotal(cus, "emails_sent")).isZero();
    stripe.failMeterEvents(1); // one failure: the client's own retry gets it through
    gateway.meterEvent("emails_sent", cus, 1, "omnireach-usage-retried", Instant.now());
    assertThat(stripe.meterTotal(cus, "emails_sent")).isEqualTo(1);
  }

  @Test
  void checkout_in_setup_mode_and_the_portal_return_urls() {
    String cus = gateway.createCustomer("k-checkout", "Pay Co", null, Map.of());
    String checkout =
        gateway.checkoutUrl(cus, "https://app.example/billing?ok", "https://app.example/billing");
    assertThat(checkout).startsWith(stripe.baseUrl() + "/checkout/cs_test_");
    var session = stripe.checkoutSession(checkout.substring(checkout.lastIndexOf('/') + 1));
    assertThat(session.get("mode").asText()).isEqualTo("setup");
    assertThat(session.get("customer").asText()).isEqualTo(cus);
    assertThat(session.get("currency").asText()).isEqualTo("usd");
    String portal = gateway.portalUrl(cus, "https://app.example/billing");
    assertThat(portal).startsWith(stripe.baseUrl() + "/portal/bps_");
    assertThat(
            stripe
                .portalSession(portal.substring(portal.lastIndexOf('/') + 1))
                .get("return_url")
                .asText())
        .isEqualTo("https://app.example/billing");
    assertThatThrownBy(() -> gateway.portalUrl("cus_nobody", "https://app.example"))
        .isInstanceOf(StripeCallException.class)
        .hasMessageContaining("No such customer");
  }

  @Test
  void an_invoice_is_read_back_with_number_period_lines_totals_and_urls() {
    Map<String, long[]> lines = new LinkedHashMap<>();
    lines.put("Emails sent", new long[] {1200, 1800});
    lines.put("Team plan", new long[] {1, 4900});
    stripe.putInvoice(
        "in_gw1",
        "cus_x",
        "OR-0001",
        "open",
        "usd",
        Instant.parse("2026-11-01T00:00:00Z"),
        Instant.parse("2026-12-01T00:00:00Z"),
        lines);
    var invoice = gateway.invoice("in_gw1");
    assertThat(invoice.getNumber()).isEqualTo("OR-0001");
    assertThat(invoice.getTotal()).isEqualTo(6700);
    assertThat(invoice.getHostedInvoiceUrl()).endsWith("/i/in_gw1");
    assertThat(invoice.getInvoicePdf()).endsWith("/in_gw1/pdf");
    assertThat(invoice.getLines().getData())
        .extracting(l -> l.getDescription())
        .containsExactly("Emails sent", "Team plan");
  }

  @Test
  void a_wrong_key_is_a_configuration_problem_not_a_refusal() {
    StripeGateway wrong =
        new StripeGateway(new StripeSettings("rk_wrong", null, stripe.baseUrl(), null));
    assertThatThrownBy(() -> wrong.createCustomer("k-wrong", "X", null, Map.of()))
        .isInstanceOfSatisfying(
            StripeCallException.class, e -> assertThat(e.permanent()).isFalse());
  }
}
