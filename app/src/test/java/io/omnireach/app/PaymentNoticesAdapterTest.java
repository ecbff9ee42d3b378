package io.omnireach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.billing.stripe.StripeBilling;
import io.omnireach.billing.stripe.StripeDunning;
import io.omnireach.billing.stripe.StripeDunning.Standing;
import io.omnireach.billing.stripe.StripeSettings;
import io.omnireach.mail.SystemMail;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.testing.TestDatabase;
import io.omnireach.ui.billing.PaymentNotices.Notice;
import io.omnireach.user.Role;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The banner's words and who sees it, over real dunning rows. */
class PaymentNoticesAdapterTest {

  static final Instant FAILED = Instant.parse("2026-12-03T10:00:00Z");
  static TestDatabase db;
  static PaymentNoticesAdapter notices;
  static long tenantId;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    tenantId =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status) values"
                              + " ('banner', 'Banner Co', 'ACTIVE') returning id")) {
                    var rs = ps.executeQuery();
                    rs.next();
                    long id = rs.getLong(1);
                    c.createStatement()
                        .execute(
                            "insert into stripe_customers (account_kind, account_id, customer_id)"
                                + " values ('TENANT', "
                                + id
                                + ", 'cus_banner');"
                                + " insert into stripe_unpaid_invoices (invoice_id, customer_id,"
                                + " number, amount_due, currency, hosted_url, failed_since)"
                                + " values ('in_b', 'cus_banner', 'OR-0042', 6700, 'usd',"
                                + " 'https://invoice.stripe.test/i/in_b', '"
                                + FAILED
                                + "')");
                    return id;
                  }
                });
    notices = new PaymentNoticesAdapter();
    notices.stripe =
        new StripeBilling(db.transactions(), new StripeSettings("sk_test_x", null, null, null));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static void at(Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    notices.clock = clock;
    notices.dunning =
        new StripeDunning(
            db.transactions(),
            new SystemMail(clock, "https://x", t -> null),
            Duration.ofDays(7),
            clock);
  }

  static AuthenticatedUser user(Role role) {
    Tenant t =
        new Tenant(tenantId, "banner", "Banner Co", null, TenantStatus.ACTIVE, null, Instant.EPOCH);
    return new AuthenticatedUser(1, "u@banner.example", "U", t, Set.of(role), null);
  }

  @Test
  void during_the_grace_period_admin_and_finance_are_warned_with_the_date_sending_pauses() {
    at(FAILED.plus(Duration.ofDays(2)));
    Notice n = notices.forUser(user(Role.ADMIN)).orElseThrow();
    assertThat(n.paused()).isFalse();
    assertThat(n.title()).isEqualTo("Payment failed");
    assertThat(n.message())
        .isEqualTo(
            "We could not collect USD 67.00 for invoice OR-0042 on 3 Dec. Pay it or update the"
                + " payment method by 10 Dec, or sending pauses then.");
    assertThat(n.actionUrl()).isEqualTo("https://invoice.stripe.test/i/in_b");
    assertThat(notices.forUser(user(Role.FINANCE))).isPresent();
    assertThat(notices.forUser(user(Role.SALES))).isEmpty();
    assertThat(notices.forUser(user(Role.VIEWER))).isEmpty();
  }

  @Test
  void after_the_grace_period_the_banner_says_sending_is_paused() {
    at(FAILED.plus(Duration.ofDays(7)));
    Notice n = notices.forUser(user(Role.ADMIN)).orElseThrow();
    assertThat(n.paused()).isTrue();
    assertThat(n.title()).isEqualTo("Sending is paused");
    assertThat(n.message()).startsWith("Invoice OR-0042 (USD 67.00) is unpaid since 3 Dec.");
  }

  @Test
  void with_stripe_off_there_is_no_banner() {
    at(FAILED.plus(Duration.ofDays(9)));
    PaymentNoticesAdapter off = new PaymentNoticesAdapter();
    off.stripe = new StripeBilling(db.transactions(), StripeSettings.OFF);
    off.dunning = notices.dunning;
    off.clock = notices.clock;
    assertThat(off.forUser(user(Role.ADMIN))).isEmpty();
    assertThat(Standing.OK.sendingPaused(FAILED)).isFalse();
  }
}
