package io.omnireach.billing.stripe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Subscription statuses as the newest Stripe event said ({@code platform.stripe_subscriptions}, the
 * only writer): an older event delivered late changes nothing, and a canceled subscription stays
 * canceled (Stripe never revives one).
 */
public final class StripeSubscriptions {

  /** Stripe's subscription statuses. */
  public enum Status {
    INCOMPLETE,
    INCOMPLETE_EXPIRED,
    TRIALING,
    ACTIVE,
    PAST_DUE,
    CANCELED,
    UNPAID,
    PAUSED;

    static Status of(String stripe) {
      return valueOf(stripe.toUpperCase(Locale.ROOT));
    }
  }

  private StripeSubscriptions() {}

  /** Stores the status unless a newer event (or the cancellation) is already stored. */
  static boolean apply(
      Connection c, String subscriptionId, String customerId, Status status, Instant eventCreated)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.stripe_subscriptions"
                + " (subscription_id, customer_id, status, event_created, updated_at)"
                + " values (?, ?, ?, ?, now()) on conflict (subscription_id) do update"
                + " set status = excluded.status, event_created = excluded.event_created,"
                + " updated_at = now()"
                + " where stripe_subscriptions.event_created <= excluded.event_created"
                + " and stripe_subscriptions.status <> 'CANCELED'")) {
      ps.setString(1, subscriptionId);
      ps.setString(2, customerId);
      ps.setString(3, status.name());
      ps.setTimestamp(4, Timestamp.from(eventCreated));
      return ps.executeUpdate() == 1;
    }
  }

  /** The customer's latest subscription status. */
  public static Optional<Status> of(Connection c, String customerId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select status from platform.stripe_subscriptions where customer_id = ?"
                + " order by event_created desc limit 1")) {
      ps.setString(1, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Status.valueOf(rs.getString(1))) : Optional.empty();
      }
    }
  }
}
