package io.omnireach.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageReport;
import io.omnireach.usage.UsageReportSink.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Without an API key Stripe is off, and every Stripe-only action says so (409 at the API). */
class StripeBillingTest {

  @Test
  void without_a_key_stripe_is_off_and_stripe_actions_are_a_conflict_with_the_reason()
      throws Exception {
    StripeBilling off = new StripeBilling(null, new StripeSettings(" ", "whsec_x", null, null));
    assertThat(off.enabled()).isFalse();
    assertThatThrownBy(off::gateway)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT))
        .hasMessageContaining("OMNIREACH_STRIPE_API_KEY");
    assertThatThrownBy(off::customers).isInstanceOf(DomainException.class);
    assertThat(
            off.usageSink()
                .send(null, new UsageReport(1, 1, Meter.EMAILS_SENT, 1, Instant.now()))
                .outcome())
        .isEqualTo(Outcome.RETRY);
  }

  @Test
  void settings_never_show_the_key_or_the_secret() {
    StripeSettings s = new StripeSettings("sk_live_secret", "whsec_secret", null, "EUR");
    assertThat(s.toString()).doesNotContain("sk_live_secret", "whsec_secret").contains("eur");
    assertThat(s.currency()).isEqualTo("eur");
  }
}
