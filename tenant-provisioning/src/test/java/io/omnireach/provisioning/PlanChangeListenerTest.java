package io.omnireach.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.tenant.Tenant;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Billing hears of a plan change inside the transaction that makes it, and of nothing else. */
class PlanChangeListenerTest {

  static TestDatabase db;
  static final List<String> HEARD = new ArrayList<>();

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void a_change_is_heard_with_the_old_and_new_plan_a_first_plan_and_a_no_change_are_not() {
    TenantProvisioning provisioning =
        new TenantProvisioning(db.transactions())
            .onPlanChange(
                (c, id, from, to, at, actor) -> HEARD.add(from + ">" + to + " by " + actor));
    Tenant t =
        provisioning.create(
            new NewTenant("umbrella", "Umbrella", null, null, null, null, null, null), "owner");
    provisioning.startOn("umbrella", "FREE", "wizard");
    assertThat(HEARD).isEmpty();
    provisioning.changePlan("umbrella", "SCALE", "rex");
    provisioning.changePlan("umbrella", "SCALE", "rex"); // already on it
    assertThat(HEARD).containsExactly("FREE>SCALE by rex");
    assertThat(provisioning.require("umbrella").id()).isEqualTo(t.id());
  }

  @Test
  void a_failing_listener_rolls_the_plan_change_back() throws Exception {
    TenantProvisioning provisioning =
        new TenantProvisioning(db.transactions())
            .onPlanChange(
                (c, id, from, to, at, actor) -> {
                  throw new java.sql.SQLException("billing is down");
                });
    provisioning.create(
        new NewTenant("cyberdyne", "Cyberdyne", null, null, null, null, null, null), "owner");
    assertThatThrownBy(() -> provisioning.changePlan("cyberdyne", "SCALE", "rex"))
        .hasMessageContaining("billing is down");
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select plan from platform.tenants where slug = 'cyberdyne'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("TEAM");
    }
  }
}
