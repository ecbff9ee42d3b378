package io.omnireach.app;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.billing.stripe.StripeBilling;
import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.stripe.StripeDunning;
import io.omnireach.billing.stripe.StripeDunning.Standing;
import io.omnireach.ui.billing.PaymentNotices;
import io.omnireach.user.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The shell's payment banner over Stripe dunning: the workspace's standing in words, for Admin and
 * Finance only (they can act on it), and a reseller's wholesale standing for its Reseller users (on
 * Console → Finance); nothing while Stripe is off or all is paid.
 */
@ApplicationScoped
public class PaymentNoticesAdapter implements PaymentNotices {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @Inject StripeBilling stripe;
  @Inject StripeDunning dunning;
  @Inject Clock clock;

  @Override
  public Optional<Notice> forUser(AuthenticatedUser user) {
    if (stripe.enabled() && user.has(Role.RESELLER) && user.resellerId() != null) {
      return reseller(dunning.standing(Account.reseller(user.resellerId())));
    }
    if (!stripe.enabled()
        || user.tenant() == null
        || !(user.has(Role.ADMIN) || user.has(Role.FINANCE))) {
      return Optional.empty();
    }
    Standing s = dunning.standing(user.tenant().id());
    if (s.status() != StripeDunning.Status.PAST_DUE) {
      return Optional.empty();
    }
    return Optional.of(notice(s, clock.instant()));
  }

  /**
   * A reseller's failed wholesale payment. Its tenants are never paused for it: the Owner sees the
   * reseller on the overdue list after the grace period.
   */
  static Optional<Notice> reseller(Standing s) {
    if (s.status() != StripeDunning.Status.PAST_DUE) {
      return Optional.empty();
    }
    return Optional.of(
        new Notice(
            "Wholesale payment failed",
            "We could not collect "
                + s.amountDue()
                + " for wholesale invoice "
                + s.invoiceNumber()
                + " on "
                + DAY.format(s.since())
                + ". Pay it or update the payment method; your tenants keep working meanwhile.",
            "Pay invoice",
            s.hostedUrl(),
            false));
  }

  static Notice notice(Standing s, Instant now) {
    if (s.sendingPaused(now)) {
      return new Notice(
          "Sending is paused",
          "Invoice "
              + s.invoiceNumber()
              + " ("
              + s.amountDue()
              + ") is unpaid since "
              + DAY.format(s.since())
              + ". Pay it or update the payment method in Billing and sending resumes at once."
              + " Nothing has been deleted.",
          "Pay invoice",
          s.hostedUrl(),
          true);
    }
    return new Notice(
        "Payment failed",
        "We could not collect "
            + s.amountDue()
            + " for invoice "
            + s.invoiceNumber()
            + " on "
            + DAY.format(s.since())
            + ". Pay it or update the payment method by "
            + DAY.format(s.pausesAt())
            + ", or sending pauses then.",
        "Pay invoice",
        s.hostedUrl(),
        false);
  }
}
