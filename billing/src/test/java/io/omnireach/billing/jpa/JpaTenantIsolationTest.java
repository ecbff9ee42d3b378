package io.omnireach.billing.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.billing.BillingJpa;
import io.omnireach.billing.invoice.Invoice;
import io.omnireach.billing.invoice.InvoiceView;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.testing.TinyPool;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenancy rule of {@code Transactions}, held by JPA too: random tenant switching on a
 * two-connection pool that is never reset. Each unit of work sees its tenant's schema as search
 * path and only its tenant's billing rows — by query, by id, in the tenant schema — and leaves
 * nothing on the connection.
 */
class JpaTenantIsolationTest {

  static TestDatabase db;
  static TenantRef acme;
  static TenantRef globex;
  static final Map<String, List<Long>> INVOICES = new java.util.HashMap<>();

  @BeforeAll
  static void two_tenants_with_invoices_and_rows_of_their_own() throws SQLException {
    db = TestDatabase.migrated();
    acme = tenant("acme");
    globex = tenant("globex");
    Clock clock = Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC);
    EntityManagerFactory emf = BillingJpa.factory(db.dataSource());
    try {
      Invoices invoices = new Invoices(BillingJpa.transactions(emf), db.transactions(), clock);
      for (TenantRef t : List.of(acme, globex)) {
        List<Long> ids = new ArrayList<>();
        for (YearMonth m : List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2))) {
          ids.add(invoices.finalizeMonth(t, m).id());
        }
        ids.add(invoices.draft(t, YearMonth.of(2026, 3)).id());
        INVOICES.put(t.slug(), ids);
      }
    } finally {
      emf.close();
    }
  }

  static TenantRef tenant(String slug) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into platform.tenants (slug, display_name, status, plan, created_at)"
                  + " values (?, ?, 'ACTIVE', 'TEAM', '2025-12-01') returning id")) {
        ps.setString(1, slug);
        ps.setString(2, slug.toUpperCase());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      TenantRef ref = new TenantRef(id, slug);
      Migrations.migrateTenant(db.dataSource(), ref.schema());
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into "
                + ref.schema()
                + ".activity (kind, summary) values ('TEST', 'row of "
                + slug
                + "')");
      }
      return ref;
    }
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void random_tenant_switching_on_a_tiny_pool_never_shows_another_tenants_rows() throws Exception {
    try (TinyPool pool = new TinyPool(db.dataSource())) {
      EntityManagerFactory emf = BillingJpa.factory(pool);
      try {
        JpaTransactions jpa = BillingJpa.transactions(emf);
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
          TenantRef tenant = random.nextBoolean() ? acme : globex;
          TenantRef other = tenant == acme ? globex : acme;
          Seen seen = jpa.tenant(tenant, em -> seen(em, INVOICES.get(other.slug())));
          assertThat(seen.searchPath()).isEqualTo(tenant.schema());
          assertThat(seen.invoiceIds())
              .containsExactlyInAnyOrderElementsOf(INVOICES.get(tenant.slug()));
          assertThat(seen.othersFoundById()).isZero();
          assertThat(seen.lineTenants()).containsOnly(tenant.id());
          assertThat(seen.activity()).containsExactly("row of " + tenant.slug());
        }
        assertThat(schemasLeftOnPooledConnections(pool)).containsOnly("\"$user\", public");
      } finally {
        emf.close();
      }
    }
  }

  @Test
  void without_a_tenant_the_entity_manager_cannot_read_tenant_rows_at_all() {
    EntityManagerFactory emf = BillingJpa.factory(db.dataSource());
    try {
      JpaTransactions jpa = BillingJpa.transactions(emf);
      assertThatThrownBy(
              () ->
                  jpa.platform(
                      em ->
                          em.createQuery("select i from Invoice i", Invoice.class).getResultList()))
          .isInstanceOf(RuntimeException.class);
      String path = jpa.platform(JpaTenantIsolationTest::searchPath);
      assertThat(path).isEqualTo("platform");
    } finally {
      emf.close();
    }
  }

  @Test
  void the_leak_check_catches_a_session_level_search_path_set_through_jpa() throws Exception {
    try (TinyPool pool = new TinyPool(db.dataSource())) {
      EntityManagerFactory emf = BillingJpa.factory(pool);
      try {
        JpaTransactions jpa = BillingJpa.transactions(emf);
        // what a careless unit of work would do: SET without LOCAL outlives its transaction
        jpa.tenant(
            acme,
            em -> {
              try (Statement s = em.unwrap(Connection.class).createStatement()) {
                s.execute("SET search_path TO " + acme.schema());
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
              return null;
            });
        assertThat(schemasLeftOnPooledConnections(pool)).contains(acme.schema());
      } finally {
        emf.close();
      }
    }
  }

  @Test
  void a_tenant_reads_its_own_invoice_and_gets_nothing_for_anothers_id() {
    EntityManagerFactory emf = BillingJpa.factory(db.dataSource());
    try {
      Invoices invoices =
          new Invoices(BillingJpa.transactions(emf), db.transactions(), Clock.systemUTC());
      long globexInvoice = INVOICES.get("globex").get(0);
      InvoiceView own = invoices.get(globex, globexInvoice);
      assertThat(own.number()).startsWith("OR-2026-");
      assertThatThrownBy(() -> invoices.get(acme, globexInvoice))
          .hasMessageContaining("No invoice " + globexInvoice);
    } finally {
      emf.close();
    }
  }

  record Seen(
      String searchPath,
      List<Long> invoiceIds,
      int othersFoundById,
      List<Long> lineTenants,
      List<String> activity) {}

  @SuppressWarnings("unchecked")
  private static Seen seen(EntityManager em, List<Long> othersIds) {
    List<Long> ids = em.createQuery("select i.id from Invoice i", Long.class).getResultList();
    int found = 0;
    for (long id : othersIds) {
      found += em.find(Invoice.class, id) == null ? 0 : 1;
    }
    List<Long> lineTenants =
        ((List<Object>)
                JpaTransactions.nativeQuery(
                        em,
                        "select distinct l.tenant_id from platform.invoice_lines l"
                            + " where l.invoice_id in (select i.id from platform.invoices i"
                            + " where i.id = any(?))")
                    .setParameter(1, ids.toArray(Long[]::new))
                    .getResultList())
            .stream().map(o -> ((Number) o).longValue()).toList();
    List<String> activity =
        JpaTransactions.nativeQuery(em, "select summary from activity order by id").getResultList();
    return new Seen(searchPath(em), ids, found, lineTenants, activity);
  }

  private static String searchPath(EntityManager em) {
    return (String) JpaTransactions.nativeQuery(em, "show search_path").getSingleResult();
  }

  private static List<String> schemasLeftOnPooledConnections(TinyPool pool) throws SQLException {
    List<String> paths = new ArrayList<>();
    for (Connection c : pool.physicalConnections()) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("show search_path")) {
        rs.next();
        paths.add(rs.getString(1));
      }
    }
    return paths;
  }
}
