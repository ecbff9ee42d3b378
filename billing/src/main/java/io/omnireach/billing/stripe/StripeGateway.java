package io.omnireach.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceFinalizeInvoiceParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceLineItemListParams;
import com.stripe.param.billing.MeterEventCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that calls Stripe's API, through a {@link StripeClient} of its own (its API base
 * set per client, so tests point it at a local fake without touching the library's global state).
 * The client retries network failures and 5xx twice, re-sending the same Idempotency-Key.
 */
public final class StripeGateway {

  /** Why a call failed, as callers act on it. */
  public static final class StripeCallException extends RuntimeException {

    private final boolean permanent;

    StripeCallException(String message, boolean permanent, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    /** True when sending the same request again cannot succeed (Stripe refused it as invalid). */
    public boolean permanent() {
      return permanent;
    }
  }

  private final StripeClient client;
  private final StripeSettings settings;

  public StripeGateway(StripeSettings settings) {
    if (!settings.enabled()) {
      throw new IllegalStateException("Stripe is off: OMNIREACH_STRIPE_API_KEY is not set");
    }
    this.settings = settings;
    StripeClient.StripeClientBuilder b =
        StripeClient.builder()
            .setApiKey(settings.apiKey())
            .setMaxNetworkRetries(2)
            .setConnectTimeout(5_000)
            .setReadTimeout(20_000);
    if (settings.apiBase() != null) {
      b.setApiBase(settings.apiBase()).setMeterEventsBase(settings.apiBase());
    }
    this.client = b.build();
  }

  public StripeSettings settings() {
    return settings;
  }

  /** The client, for reading objects (invoices) the callers map themselves. */
  StripeClient client() {
    return client;
  }

  /**
   * Creates a customer; {@code idempotencyKey} makes a repeated call (a retry, a second server)
   * return the same customer instead of a second one.
   *
   * @return the customer's id ({@code cus_...})
   */
  public String createCustomer(
      String idempotencyKey, String name, String email, Map<String, String> metadata) {
    CustomerCreateParams.Builder p = CustomerCreateParams.builder().setName(name);
    if (email != null) {
      p.setEmail(email);
    }
    metadata.forEach(p::putMetadata);
    return call(
        "create customer",
        () ->
            client
                .v1()
                .customers()
                .create(
                    p.build(), RequestOptions.builder().setIdempotencyKey(idempotencyKey).build())
                .getId());
  }

  /**
   * One billing meter event. Stripe keeps one event per {@code identifier} (within at least 24
   * hours), so sending a report again after a crash does not count it twice.
   */
  public void meterEvent(
      String eventName, String customerId, long value, String identifier, Instant timestamp) {
    MeterEventCreateParams params =
        MeterEventCreateParams.builder()
            .setEventName(eventName)
            .putPayload("stripe_customer_id", customerId)
            .putPayload("value", Long.toString(value))
            .setIdentifier(identifier)
            .setTimestamp(timestamp.getEpochSecond())
            .build();
    call(
        "meter event " + identifier,
        () ->
            client
                .v1()
                .billing()
                .meterEvents()
                .create(params, RequestOptions.builder().setIdempotencyKey(identifier).build()));
  }

  /** A Checkout session in setup mode (a payment method for later invoices); its URL. */
  public String checkoutUrl(String customerId, String successUrl, String cancelUrl) {
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SETUP)
            .setCustomer(customerId)
            .setCurrency(settings.currency())
            .setSuccessUrl(successUrl)
            .setCancelUrl(cancelUrl)
            .build();
    return call(
        "checkout session", () -> client.v1().checkout().sessions().create(params).getUrl());
  }

  /**
   * After a setup-mode Checkout: the payment method it collected becomes the one the customer's
   * invoices are charged to (Checkout does not do that by itself). Setting it again is harmless.
   *
   * @return the payment method id
   */
  public String useForInvoices(String customerId, String setupIntentId) {
    return call(
        "default payment method of " + customerId,
        () -> {
          String method = client.v1().setupIntents().retrieve(setupIntentId).getPaymentMethod();
          if (method == null) {
            throw new IllegalStateException("Setup " + setupIntentId + " has no payment method");
          }
          client
              .v1()
              .customers()
              .update(
                  customerId,
                  CustomerUpdateParams.builder()
                      .setInvoiceSettings(
                          CustomerUpdateParams.InvoiceSettings.builder()
                              .setDefaultPaymentMethod(method)
                              .build())
                      .build());
          return method;
        });
  }

  /** A Customer Portal session (payment methods, invoices); its URL. */
  public String portalUrl(String customerId, String returnUrl) {
    com.stripe.param.billingportal.SessionCreateParams params =
        com.stripe.param.billingportal.SessionCreateParams.builder()
            .setCustomer(customerId)
            .setReturnUrl(returnUrl)
            .build();
    return call(
        "portal session", () -> client.v1().billingPortal().sessions().create(params).getUrl());
  }

  /** An invoice line to send: what it says and its amount in minor units (negative: a credit). */
  public record Item(String description, long amountMinor) {}

  /** An invoice as Stripe made it: its id and the pages where the customer pays or downloads it. */
  public record SentInvoice(String id, String hostedUrl, String pdfUrl) {}

  /**
   * Creates an invoice made elsewhere in Stripe — a draft with only these items, then finalized so
   * Stripe charges it (automatic collection). Every call carries an Idempotency-Key derived from
   * {@code key}, so running it again (after a crash, on another server) gets the same invoice and
   * items back from Stripe instead of new ones.
   *
   * @param key the same for every attempt to send this invoice, e.g. {@code omnireach-wholesale-42}
   */
  public SentInvoice sendInvoice(
      String key,
      String customerId,
      String currency,
      String description,
      Map<String, String> metadata,
      List<Item> items) {
    String cur = currency.toLowerCase(java.util.Locale.ROOT);
    return call(
        "invoice " + key,
        () -> {
          InvoiceCreateParams.Builder p =
              InvoiceCreateParams.builder()
                  .setCustomer(customerId)
                  .setCurrency(cur)
                  .setDescription(description)
                  .setCollectionMethod(InvoiceCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY)
                  .setAutoAdvance(false) // finalized below, once every item is on it
                  .setPendingInvoiceItemsBehavior(
                      InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE);
          metadata.forEach(p::putMetadata);
          Invoice draft = client.v1().invoices().create(p.build(), idempotent(key));
          for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            client
                .v1()
                .invoiceItems()
                .create(
                    InvoiceItemCreateParams.builder()
                        .setCustomer(customerId)
                        .setInvoice(draft.getId())
                        .setCurrency(cur)
                        .setAmount(item.amountMinor())
                        .setDescription(item.description())
                        .build(),
                    idempotent(key + "-item-" + (i + 1)));
          }
          Invoice open =
              "draft".equals(draft.getStatus())
                  ? client
                      .v1()
                      .invoices()
                      .finalizeInvoice(
                          draft.getId(),
                          InvoiceFinalizeInvoiceParams.builder().setAutoAdvance(true).build(),
                          idempotent(key + "-finalize"))
                  : draft;
          return new SentInvoice(open.getId(), open.getHostedInvoiceUrl(), open.getInvoicePdf());
        });
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  /** The invoice as Stripe has it now. */
  public Invoice invoice(String invoiceId) {
    return call("invoice " + invoiceId, () -> client.v1().invoices().retrieve(invoiceId));
  }

  /** Every line of an invoice (an event embeds only the first page). */
  public List<InvoiceLineItem> invoiceLines(String invoiceId) {
    return call(
        "lines of invoice " + invoiceId,
        () -> {
          List<InvoiceLineItem> lines = new ArrayList<>();
          client
              .v1()
              .invoices()
              .lineItems()
              .list(invoiceId, InvoiceLineItemListParams.builder().setLimit(100L).build())
              .autoPagingIterable()
              .forEach(lines::add);
          return lines;
        });
  }

  private interface Call<T> {
    T run() throws StripeException;
  }

  private static <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (InvalidRequestException | IdempotencyException e) {
      throw new StripeCallException(
          "Stripe refused " + what + ": " + e.getMessage(), isClientError(e), e);
    } catch (ApiConnectionException | RateLimitException | ApiException e) {
      throw new StripeCallException(
          "Stripe unavailable for " + what + ": " + e.getMessage(), false, e);
    } catch (StripeException e) {
      // authentication, permission: a configuration problem that a retry after fixing it cures
      throw new StripeCallException("Stripe call " + what + " failed: " + e.getMessage(), false, e);
    }
  }

  private static boolean isClientError(StripeException e) {
    Integer status = e.getStatusCode();
    return status != null && status >= 400 && status < 500 && status != 409 && status != 429;
  }
}
