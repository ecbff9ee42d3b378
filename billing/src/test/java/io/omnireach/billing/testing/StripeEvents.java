package io.omnireach.billing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.time.Instant;

/**
 * Stripe webhook deliveries for tests: events as Stripe sends them (this library's API version) and
 * {@code Stripe-Signature} headers made by stripe-java's own signing code.
 */
public final class StripeEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StripeEvents() {}

  /** An event wrapping {@code object} (e.g. an invoice from {@link StripeFake#putInvoice}). */
  public static String event(String id, String type, Instant created, JsonNode object) {
    ObjectNode e = JSON.createObjectNode();
    e.put("id", id);
    e.put("object", "event");
    e.put("api_version", Stripe.API_VERSION);
    e.put("created", created.getEpochSecond());
    e.put("livemode", false);
    e.put("pending_webhooks", 1);
    e.put("type", type);
    e.putObject("data").set("object", object);
    return e.toString();
  }

  /** A subscription object with a status. */
  public static ObjectNode subscription(String id, String customerId, String status) {
    ObjectNode s = JSON.createObjectNode();
    s.put("id", id);
    s.put("object", "subscription");
    s.put("customer", customerId);
    s.put("status", status);
    return s;
  }

  /** The header Stripe sends, signed now. */
  public static String sign(String payload, String secret) {
    return sign(payload, secret, Webhook.Util.getTimeNow());
  }

  /** The header Stripe sends, signed at {@code epochSecond} (old ones test the tolerance). */
  public static String sign(String payload, String secret, long epochSecond) {
    try {
      return Webhook.Signature.generateSignatureHeader(payload, secret, epochSecond);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
