package io.omnireach.ui.billing;

import io.omnireach.auth.AuthenticatedUser;
import java.util.Optional;

/** The port the shell asks whether a signed-in user should see a payment problem (dunning). */
public interface PaymentNotices {

  /**
   * A payment problem, in words for people.
   *
   * @param paused true once sending is paused (shown as an error, not a warning)
   * @param actionUrl where to settle it (e.g. Stripe's page for the invoice), or null
   */
  record Notice(
      String title, String message, String actionLabel, String actionUrl, boolean paused) {}

  /** Empty when all is well, or when this user is not the one to act (only Admin and Finance). */
  Optional<Notice> forUser(AuthenticatedUser user);
}
