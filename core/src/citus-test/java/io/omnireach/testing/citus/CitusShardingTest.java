package io.omnireach.testing.citus;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Migrations;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The Citus design of docs/scaling.md, checked on the cluster the {@code citus} profile starts:
 * each tenant schema is one distributed schema (its tables colocated on one node), and the engine's
 * claim and the leads grid query of a tenant are routed to that one node as a whole. Skipped
 * (disabled) where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class CitusShardingTest {

  @Test
  void tenant_schemas_are_distributed_and_hot_queries_route_to_one_node() throws Exception {
    try (TestDatabase db = TestDatabase.migrated()) {
      Migrations.migrateTenant(db.dataSource(), "tenant_alpha");
      Migrations.migrateTenant(db.dataSource(), "tenant_beta");
      try (Connection c = db.dataSource().getConnection()) {
        // what TenantProvisioning.distributeOnCitus does for each new tenant
        strings(c, "select citus_schema_distribute('tenant_alpha')::text");
        strings(c, "select citus_schema_distribute('tenant_beta')::text");
        assertThat(strings(c, "select schema_name::text from citus_schemas order by 1"))
            .contains("tenant_alpha", "tenant_beta")
            .doesNotContain("platform", "extensions");
        // every table of a tenant schema lives on one node, in one colocation group
        assertThat(
                strings(
                    c,
                    "select count(distinct colocation_id)::text from citus_tables"
                        + " where table_name::text like 'tenant_alpha.%'"))
            .containsExactly("1");
        String claim =
            plan(
                c,
                "explain with due as (select n.id from tenant_alpha.node_runs n"
                    + " where n.status in ('pending','waiting') and n.due_at <= now()"
                    + " and (select r.status from tenant_alpha.workflow_runs r where r.id ="
                    + " n.run_id) in ('pending','running','waiting')"
                    + " order by n.due_at, n.id limit 200 for update of n skip locked)"
                    + " update tenant_alpha.node_runs n set status = 'running' from due"
                    + " where n.id = due.id");
        assertThat(claim).contains("Citus Adaptive").contains("Task Count: 1");
        String grid =
            plan(
                c,
                "explain select l.id, l.email, l.stage from tenant_beta.leads l"
                    + " order by l.id desc limit 50");
        assertThat(grid).contains("Citus Adaptive").contains("Task Count: 1");
      }
    }
  }

  static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static String plan(Connection c, String sql) throws SQLException {
    return String.join("\n", strings(c, sql));
  }
}
