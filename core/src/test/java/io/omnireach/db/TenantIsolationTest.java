package io.omnireach.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.testing.TinyPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every unit of work sees exactly one tenant's schema, and nothing of it stays on a pooled
 * connection — checked with a two-connection pool and random tenant switching.
 */
class TenantIsolationTest {

  static TestDatabase db;
  static final TenantRef ACME = new TenantRef(1, "acme");
  static final TenantRef GLOBEX = new TenantRef(2, "globex");

  @BeforeAll
  static void twoTenantsWithTheirOwnRows() throws SQLException {
    db = TestDatabase.migrated();
    for (TenantRef t : List.of(ACME, GLOBEX)) {
      Migrations.migrateTenant(db.dataSource(), t.schema());
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "insert into "
                + t.schema()
                + ".activity (kind, summary) values ('TEST', 'row of "
                + t.slug()
                + "')");
      }
    }
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void random_tenant_switching_on_a_tiny_pool_never_shows_another_tenants_rows() throws Exception {
    try (TinyPool pool = new TinyPool(db.dataSource())) {
      Transactions tx = new Transactions(pool);
      Random random = new Random(7);
      for (int i = 0; i < 300; i++) {
        TenantRef tenant = random.nextBoolean() ? ACME : GLOBEX;
        List<String> seen = tx.tenant(tenant, TenantIsolationTest::summaries);
        assertThat(seen).containsExactly("row of " + tenant.slug());
        if (i % 10 == 0) {
          boolean platformSeesActivity = tx.platform(c -> tableExists(c, "activity"));
          assertThat(platformSeesActivity).isFalse();
        }
      }
      assertThat(schemasLeftOnPooledConnections(pool)).containsOnly("\"$user\", public");
    }
  }

  @Test
  void the_leak_check_catches_a_session_level_search_path() throws Exception {
    try (TinyPool pool = new TinyPool(db.dataSource())) {
      // What a careless unit of work would do: SET without LOCAL, outliving its transaction.
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SET search_path TO " + ACME.schema());
      }
      assertThat(schemasLeftOnPooledConnections(pool)).contains(ACME.schema());
      // and a unit of work that trusts the connection as it comes now reads acme's rows
      try (Connection c =
          pool.physicalConnections().stream()
              .filter(TenantIsolationTest::pointsAtAcme)
              .findFirst()
              .orElseThrow()) {
        assertThat(summaries(c)).containsExactly("row of acme");
      }
    }
  }

  private static boolean pointsAtAcme(Connection c) {
    try {
      return searchPath(c).contains(ACME.schema());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> schemasLeftOnPooledConnections(TinyPool pool) throws SQLException {
    List<String> paths = new ArrayList<>();
    for (Connection c : pool.physicalConnections()) {
      paths.add(searchPath(c));
    }
    return paths;
  }

  private static String searchPath(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show search_path")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<String> summaries(Connection c) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select summary from activity order by id")) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select to_regclass('" + table + "') is not null")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
