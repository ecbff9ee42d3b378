package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.app.e2e.StripeE2e.NewTenant;
import io.omnireach.billing.testing.StripeEvents;
import io.omnireach.billing.testing.StripeFake;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stripe at the API of the running server, whose stripe-java client talks to the local fake:
 * Checkout and Customer Portal sessions (roles, each workspace its own customer) and the webhook
 * (signatures checked by the library; bad or stale → 400 and no effect; repeats acknowledged once).
 */
class StripeBillingApiIT {

  static StripeFake stripe;

  @BeforeAll
  static void start() {
    E2eServer.awaitReady();
    stripe = StripeE2e.fake();
  }

  static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return StripeE2e.JSON.readTree(r.body());
  }

  static String id(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  @Test
  void checkout_and_portal_open_stripe_for_the_callers_own_workspace_only() throws Exception {
    NewTenant a = StripeE2e.newTenant("pay-a");
    NewTenant b = StripeE2e.newTenant("pay-b");
    String checkoutA =
        json(E2e.send("POST", "/api/v1/billing/checkout", a.token(), null), 200)
            .get("url")
            .asText();
    String checkoutB =
        json(E2e.send("POST", "/api/v1/billing/checkout", b.token(), null), 200)
            .get("url")
            .asText();
    assertThat(checkoutA).startsWith(stripe.baseUrl() + "/checkout/cs_test_");
    JsonNode sessionA = stripe.checkoutSession(id(checkoutA));
    JsonNode sessionB = stripe.checkoutSession(id(checkoutB));
    assertThat(sessionA.get("customer").asText()).isEqualTo(StripeE2e.customerOf(stripe, a));
    assertThat(sessionB.get("customer").asText()).isEqualTo(StripeE2e.customerOf(stripe, b));
    assertThat(sessionA.get("customer").asText()).isNotEqualTo(sessionB.get("customer").asText());
    assertThat(sessionA.get("mode").asText()).isEqualTo("setup");
    assertThat(sessionA.get("success_url").asText()).endsWith("/billing?checkout=done");

    // again: the same customer, not a second one
    String again =
        json(E2e.send("POST", "/api/v1/billing/checkout", a.token(), null), 200)
            .get("url")
            .asText();
    assertThat(stripe.checkoutSession(id(again)).get("customer").asText())
        .isEqualTo(sessionA.get("customer").asText());
    assertThat(
            stripe.customers().stream()
                .filter(c -> c.at("/metadata/omnireach_slug").asText().equals(a.slug())))
        .hasSize(1);

    String portal =
        json(E2e.send("POST", "/api/v1/billing/portal", a.token(), null), 200).get("url").asText();
    JsonNode portalSession = stripe.portalSession(id(portal));
    assertThat(portalSession.get("customer").asText()).isEqualTo(sessionA.get("customer").asText());
    assertThat(portalSession.get("return_url").asText()).endsWith("/billing");
  }

  @Test
  void finance_may_open_them_sales_and_viewers_may_not_and_anonymous_callers_are_401()
      throws Exception {
    String finance = E2e.token("finance@acme.demo");
    assertThat(
            json(E2e.send("POST", "/api/v1/billing/portal", finance, null), 200)
                .get("url")
                .asText())
        .startsWith(stripe.baseUrl() + "/portal/");
    for (String who : new String[] {"sales@acme.demo", "viewer@acme.demo"}) {
      HttpResponse<String> r = E2e.send("POST", "/api/v1/billing/checkout", E2e.token(who), null);
      assertThat(r.statusCode()).as(who + ": " + r.body()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(E2e.send("POST", "/api/v1/billing/portal", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void a_bad_stale_or_missing_signature_is_400_problem_json_and_changes_nothing() throws Exception {
    NewTenant t = StripeE2e.newTenant("sig");
    E2e.send("POST", "/api/v1/billing/checkout", t.token(), null); // its Stripe customer
    String customer = StripeE2e.customerOf(stripe, t);
    var invoice =
        stripe.putInvoice(
            "in_" + UUID.randomUUID().toString().substring(0, 8),
            customer,
            "OR-SIG",
            "open",
            "usd",
            Instant.now(),
            Instant.now(),
            Map.of("Emails", new long[] {10, 500}));
    String eventId = "evt_sig_" + UUID.randomUUID().toString().substring(0, 8);
    String payload = StripeE2e.event(eventId, "invoice.payment_failed", Instant.now(), invoice);
    long now = Instant.now().getEpochSecond();

    for (String signature :
        new String[] {
          StripeEvents.sign(payload, "whsec_not_the_secret", now),
          StripeEvents.sign(payload, StripeE2e.SECRET, now - 301),
          "t=" + now + ",v1=0000",
          null
        }) {
      HttpResponse<String> r = StripeE2e.deliver(payload, signature);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(json(r, 400).get("field").asText()).isEqualTo("Stripe-Signature");
    }
    // a body changed after signing is refused as well
    HttpResponse<String> tampered =
        StripeE2e.deliver(
            payload.replace("OR-SIG", "OR-XXX"), StripeEvents.sign(payload, StripeE2e.SECRET));
    assertThat(tampered.statusCode()).isEqualTo(400);
    assertThat(
            StripeE2e.count(
                "select count(*) from stripe_webhook_events where event_id = ?", eventId))
        .isZero();
    assertThat(
            StripeE2e.count(
                "select count(*) from stripe_unpaid_invoices where number = ?", "OR-SIG"))
        .as("no effect")
        .isZero();

    HttpResponse<String> ok = StripeE2e.deliver(payload);
    assertThat(json(ok, 200).get("outcome").asText()).isEqualTo("APPLIED");
    assertThat(json(StripeE2e.deliver(payload), 200).get("outcome").asText())
        .isEqualTo("DUPLICATE");
    assertThat(
            StripeE2e.count(
                "select count(*) from stripe_webhook_events where event_id = ?", eventId))
        .isEqualTo(1);
  }

  @Test
  void the_billing_endpoints_are_in_the_openapi_document_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/billing/checkout",
            "/api/v1/billing/portal",
            "/api/v1/billing/stripe/webhook",
            "https://checkout.stripe.com/c/pay/cs_test_a1B2c3",
            "The Stripe-Signature does not match this payload");
  }
}
