package io.omnireach.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.testing.StripeFake;
import io.omnireach.common.DomainException;
import io.omnireach.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tenants and resellers become Stripe customers once, however often and from how many threads. */
class StripeCustomersTest {

  static TestDatabase db;
  static StripeFake stripe;
  static StripeCustomers customers;

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated();
    stripe = StripeFake.start();
    customers =
        new StripeCustomers(
            db.transactions(),
            new StripeGateway(new StripeSettings("sk_test_c", null, stripe.baseUrl(), null)));
  }

  @AfterAll
  static void stop() {
    stripe.close();
    db.close();
  }

  @Test
  void a_tenant_becomes_one_customer_named_after_it_with_its_first_admin_as_email()
      throws Exception {
    long tenant = BillingFixture.tenant(db, "northwind", "Northwind Traders");
    BillingFixture.member(db, tenant, "first@northwind.example", "ADMIN");
    BillingFixture.member(db, tenant, "second@northwind.example", "ADMIN");
    Account account = Account.tenant(tenant);
    assertThat(customers.find(account)).isEmpty();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<String> ensure = () -> customers.ensure(account);
      List<Future<String>> racing = pool.invokeAll(List.of(ensure, ensure, ensure, ensure));
      String id = racing.get(0).get();
      for (Future<String> f : racing) {
        assertThat(f.get()).isEqualTo(id);
      }
      assertThat(customers.ensure(account)).isEqualTo(id);
      assertThat(customers.accountOf(id)).hasValue(account);
      var created =
          stripe.customers().stream().filter(c -> c.get("id").asText().equals(id)).toList();
      assertThat(created).hasSize(1);
      assertThat(created.get(0).get("name").asText()).isEqualTo("Northwind Traders");
      assertThat(created.get(0).get("email").asText()).isEqualTo("first@northwind.example");
      assertThat(created.get(0).at("/metadata/omnireach_account_id").asText())
          .isEqualTo(Long.toString(tenant));
      assertThat(
              stripe.customers().stream()
                  .filter(c -> c.at("/metadata/omnireach_slug").asText().equals("northwind"))
                  .count())
          .as("one customer in Stripe, whatever the race")
          .isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void a_reseller_is_a_customer_of_its_own_for_wholesale() {
    long reseller = BillingFixture.reseller(db, "wholesale-co", "Wholesale Co");
    String id = customers.ensure(Account.reseller(reseller));
    assertThat(customers.accountOf(id)).hasValue(Account.reseller(reseller));
    assertThat(stripe.customerWithMetadata("omnireach_slug", "wholesale-co")).hasValue(id);
  }

  @Test
  void an_unknown_account_is_not_found_and_nothing_is_created() {
    int before = stripe.customers().size();
    assertThatThrownBy(() -> customers.ensure(Account.tenant(987654)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    assertThat(stripe.customers()).hasSize(before);
  }
}
