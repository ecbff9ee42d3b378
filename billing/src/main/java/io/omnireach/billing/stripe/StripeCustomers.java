package io.omnireach.billing.stripe;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which account is which Stripe customer ({@code platform.stripe_customers}, the only writer). A
 * customer is created on first need with an Idempotency-Key derived from the account, so a retry or
 * a second server racing for the same account gets the same customer back from Stripe.
 */
public final class StripeCustomers {

  /** Who pays: a tenant, or a reseller (wholesale). */
  public enum Kind {
    TENANT,
    RESELLER
  }

  /** A paying account. */
  public record Account(Kind kind, long id) {

    public static Account tenant(long id) {
      return new Account(Kind.TENANT, id);
    }

    public static Account reseller(long id) {
      return new Account(Kind.RESELLER, id);
    }

    /** The same key for every attempt to create this account's customer. */
    public String idempotencyKey() {
      return "omnireach-customer-" + kind.name().toLowerCase(Locale.ROOT) + "-" + id;
    }
  }

  private final Transactions tx;
  private final StripeGateway gateway;

  public StripeCustomers(Transactions tx, StripeGateway gateway) {
    this.tx = tx;
    this.gateway = gateway;
  }

  /** The account's customer id, if it has one yet. */
  public Optional<String> find(Account account) {
    return tx.platform(c -> find(c, account));
  }

  /** The account a customer id belongs to (webhooks arrive with customer ids). */
  public Optional<Account> accountOf(String customerId) {
    return tx.platform(c -> accountOf(c, customerId));
  }

  public static Optional<Account> accountOf(Connection c, String customerId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select account_kind, account_id from platform.stripe_customers where customer_id = ?")) {
      ps.setString(1, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Account(Kind.valueOf(rs.getString(1)), rs.getLong(2)))
            : Optional.empty();
      }
    }
  }

  /**
   * The account's customer, created in Stripe first when it has none. Call it outside a container
   * transaction: the mapping commits on its own, right after Stripe answered.
   *
   * @throws DomainException NOT_FOUND when there is no such tenant or reseller
   */
  public String ensure(Account account) {
    Optional<String> known = find(account);
    if (known.isPresent()) {
      return known.get();
    }
    Profile p = tx.platform(c -> profile(c, account));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("omnireach_account", account.kind().name().toLowerCase(Locale.ROOT));
    metadata.put("omnireach_account_id", Long.toString(account.id()));
    metadata.put("omnireach_slug", p.slug());
    String customerId =
        gateway.createCustomer(account.idempotencyKey(), p.name(), p.email(), metadata);
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into stripe_customers (account_kind, account_id, customer_id)"
                      + " values (?, ?, ?) on conflict do nothing")) {
            ps.setString(1, account.kind().name());
            ps.setLong(2, account.id());
            ps.setString(3, customerId);
            ps.executeUpdate();
          }
          // another server may have stored it first: its row wins (Stripe gave both the same id)
          return find(c, account)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Stripe returned customer "
                              + customerId
                              + " for "
                              + account
                              + ", but it belongs to another account here: does another"
                              + " installation share this Stripe account?"));
        });
  }

  /** The account's customer id, read on the caller's connection (any search path). */
  public static Optional<String> find(Connection c, Account account) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select customer_id from platform.stripe_customers"
                + " where account_kind = ? and account_id = ?")) {
      ps.setString(1, account.kind().name());
      ps.setLong(2, account.id());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private record Profile(String slug, String name, String email) {}

  /** Name and billing email: the workspace and its first admin, or the reseller and its support. */
  private static Profile profile(Connection c, Account account) throws SQLException {
    String sql =
        account.kind() == Kind.TENANT
            ? "select t.slug, t.display_name, (select u.email from memberships m"
                + " join users u on u.id = m.user_id where m.tenant_id = t.id and m.role = 'ADMIN'"
                + " order by m.created_at, u.id limit 1) from tenants t where t.id = ?"
            : "select slug, name, support_email from resellers where id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, account.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound(
              "No " + account.kind().name().toLowerCase(Locale.ROOT) + " " + account.id() + ".");
        }
        return new Profile(rs.getString(1), rs.getString(2), rs.getString(3));
      }
    }
  }
}
