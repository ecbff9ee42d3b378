package io.omnireach.app.rest;

import io.omnireach.billing.stripe.StripeBilling;
import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.stripe.StripeWebhook;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stripe Billing at the API: Checkout (setup mode) and Customer Portal sessions for the caller's
 * workspace, and Stripe's webhook. Without Stripe (no OMNIREACH_STRIPE_API_KEY) the sessions answer
 * 409: the product then issues invoices itself.
 */
@Path("/billing")
@Tag(name = "Billing", description = "Usage, invoices and payment (Admin, Finance)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class StripeBillingResource {

  /** Where to send the browser. */
  public record SessionUrl(
      @Schema(example = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3") String url) {}

  /** The webhook's acknowledgement. */
  public record Received(
      @Schema(example = "true") boolean received,
      @Schema(
              example = "APPLIED",
              enumeration = {"APPLIED", "DUPLICATE", "IGNORED"})
          String outcome) {}

  static final String OFF =
      "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Stripe billing"
          + " is not set up on this installation (OMNIREACH_STRIPE_API_KEY): invoices are issued"
          + " by the product itself.\"}";

  @Inject StripeBilling stripe;
  @Inject StripeWebhook webhook;
  @Inject CurrentUser current;
  @Inject io.omnireach.audit.AuditLog audit;

  @Inject
  @ConfigProperty(name = "omnireach.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @POST
  @Path("/checkout")
  @Requires(Permission.BILLING_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Start Stripe Checkout to add a payment method",
      description =
          "Creates the workspace's Stripe customer on first use and a Checkout session in setup"
              + " mode; open the returned URL in the browser. Stripe sends the browser back to"
              + " /billing afterwards. Admin and Finance.")
  @APIResponse(
      responseCode = "200",
      description = "The Checkout page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionUrl.class),
              examples =
                  @ExampleObject(
                      name = "checkout",
                      value = "{\"url\":\"https://checkout.stripe.com/c/pay/cs_test_a1B2c3\"}")))
  @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  @APIResponse(
      responseCode = "409",
      description = "Stripe is not set up on this installation",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "stripe off", value = OFF)))
  @APIResponse(
      responseCode = "502",
      description = "Stripe refused or could not be reached",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "stripe down",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Gateway\",\"status\":502,"
                              + "\"detail\":\"Stripe unavailable for checkout session: ...\"}")))
  public SessionUrl checkout() {
    String customer = customer();
    String billing = base() + "/billing";
    String url = stripe.gateway().checkoutUrl(customer, billing + "?checkout=done", billing);
    // the session's URL is a credential for the payment page: the entry names the customer only
    audit.record(current.email(), current.tenant().slug(), "billing.checkout", customer, null);
    return new SessionUrl(url);
  }

  @POST
  @Path("/portal")
  @Requires(Permission.BILLING_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Open the Stripe Customer Portal",
      description =
          "A Customer Portal session for the workspace (payment methods, invoices, receipts); open"
              + " the returned URL in the browser. Its return link leads to /billing. Admin and"
              + " Finance.")
  @APIResponse(
      responseCode = "200",
      description = "The portal page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionUrl.class),
              examples =
                  @ExampleObject(
                      name = "portal",
                      value = "{\"url\":\"https://billing.stripe.com/p/session/test_YWNjdF8x\"}")))
  @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  @APIResponse(
      responseCode = "409",
      description = "Stripe is not set up on this installation",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "stripe off", value = OFF)))
  @APIResponse(responseCode = "502", description = "Stripe refused or could not be reached")
  public SessionUrl portal() {
    String customer = customer();
    String url = stripe.gateway().portalUrl(customer, base() + "/billing");
    audit.record(current.email(), current.tenant().slug(), "billing.portal", customer, null);
    return new SessionUrl(url);
  }

  @POST
  @Path("/stripe/webhook")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Stripe webhook",
      description =
          "For Stripe only: events are accepted when the Stripe-Signature header matches the raw"
              + " body under OMNIREACH_STRIPE_WEBHOOK_SECRET and is at most 300 s old. Each event"
              + " is applied once (by id) and by the state it carries, so repeated and"
              + " out-of-order deliveries are harmless. Acts on invoice.finalized, invoice.paid,"
              + " invoice.payment_failed, customer.subscription.updated and"
              + " customer.subscription.deleted; other types are acknowledged.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "payment failed",
                      value =
                          "{\"id\":\"evt_1Q\",\"object\":\"event\",\"type\":"
                              + "\"invoice.payment_failed\",\"created\":1764752400,\"data\":"
                              + "{\"object\":{\"id\":\"in_1Q\",\"object\":\"invoice\","
                              + "\"customer\":\"cus_Q1\",\"number\":\"OR-0042\",\"status\":"
                              + "\"open\",\"amount_due\":6700,\"currency\":\"usd\"}}}")))
  @APIResponse(
      responseCode = "200",
      description = "Received (applied, a repeat, or a type OmniReach does not act on)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "applied",
                      value = "{\"received\":true,\"outcome\":\"APPLIED\"}")))
  @APIResponse(
      responseCode = "400",
      description = "Missing, wrong or stale signature, or not an event: nothing changed",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad signature",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"The Stripe-Signature does not match this payload"
                              + " or is older than 300 seconds.\",\"field\":"
                              + "\"Stripe-Signature\"}")))
  @APIResponse(
      responseCode = "409",
      description = "No webhook secret on this installation (Stripe retries later)")
  public Received webhook(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
    // the signature covers the exact bytes Stripe sent
    StripeWebhook.Result result =
        webhook.handle(new String(body, StandardCharsets.UTF_8), signature);
    return new Received(true, result.outcome().name());
  }

  private String customer() {
    var tenant = current.tenant();
    return stripe.customers().ensure(Account.tenant(tenant.id()));
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}
