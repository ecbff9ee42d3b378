package io.omnireach.billing.stripe;

/**
 * How this install talks to Stripe: {@code OMNIREACH_STRIPE_API_KEY} (unset: Stripe is off and the
 * product invoices by itself), {@code OMNIREACH_STRIPE_WEBHOOK_SECRET} (the endpoint's {@code
 * whsec_...}; unset: the webhook refuses every call), {@code OMNIREACH_STRIPE_API_BASE} (only for
 * tests: a local fake instead of api.stripe.com) and the currency of Checkout's setup mode.
 */
public record StripeSettings(String apiKey, String webhookSecret, String apiBase, String currency) {

  /** Stripe off. */
  public static final StripeSettings OFF = new StripeSettings(null, null, null, "usd");

  public StripeSettings {
    apiKey = blankToNull(apiKey);
    webhookSecret = blankToNull(webhookSecret);
    apiBase = blankToNull(apiBase);
    currency = currency == null || currency.isBlank() ? "usd" : currency.trim().toLowerCase();
  }

  /** True when a key is set: usage goes to Stripe, invoices come from Stripe. */
  public boolean enabled() {
    return apiKey != null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public String toString() { // never the key or the secret in a log
    return "StripeSettings[enabled="
        + enabled()
        + ", webhookSecret="
        + (webhookSecret != null)
        + ", apiBase="
        + (apiBase == null ? "api.stripe.com" : apiBase)
        + ", currency="
        + currency
        + "]";
  }
}
