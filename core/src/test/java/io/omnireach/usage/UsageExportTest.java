package io.omnireach.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Usage exports: per day, and per workflow or user where the events name one; the breakdowns add up
 * to the day totals, names come from the exporting tenant only, and cells are spreadsheet-safe.
 */
class UsageExportTest {

  static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
  static final Instant END = DAY.plusSeconds(2 * 86_400);
  static final TenantRef NORTH = new TenantRef(1, "north-co");
  static final TenantRef SOUTH = new TenantRef(2, "south-co");

  static TestDatabase db;
  static Transactions tx;

  @BeforeAll
  static void two_tenants_with_workflows_and_usage() throws Exception {
    db = TestDatabase.migrated();
    tx = db.transactions();
    Migrations.migrateTenant(db.dataSource(), "tenant_north_co");
    Migrations.migrateTenant(db.dataSource(), "tenant_south_co");
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into platform.tenants (id, slug, display_name, status) values"
              + " (1, 'north-co', 'North', 'ACTIVE'), (2, 'south-co', 'South', 'ACTIVE')");
      s.execute(
          "insert into platform.users (id, email, display_name, password_hash) values"
              + " (7, 'ann@north.test', 'Ann', 'x')");
      // the same workflow id in both schemas: North's export must show North's name
      s.execute(
          "insert into tenant_north_co.workflows (id, name, draft) values"
              + " (1, 'Onboarding', '{}'), (2, '=HYPERLINK(\"http://evil.test\")', '{}')");
      s.execute(
          "insert into tenant_south_co.workflows (id, name, draft) values (1, 'South secret', '{}')");
    }
    Instant d1 = DAY.plusSeconds(3600);
    Instant d2 = DAY.plusSeconds(86_400 + 7200);
    List<UsageEvent> events =
        List.of(
            step(NORTH, "node_run:1", d1, 1L),
            step(NORTH, "node_run:2", d1, 1L),
            step(NORTH, "node_run:3", d1, 2L),
            step(NORTH, "node_run:4", d2, 1L),
            UsageEvent.of(NORTH.id(), Meter.EMAILS_SENT, 1, "message:1", d1),
            UsageEvent.of(NORTH.id(), Meter.EMAILS_SENT, 1, "message:2", d2),
            new UsageEvent(NORTH.id(), Meter.AI_CALLS, 1, 900L, "ai_call:1", d1, null, 7L),
            new UsageEvent(NORTH.id(), Meter.AI_CALLS, 1, 900L, "ai_call:2", d1, null, null),
            step(SOUTH, "node_run:1", d1, 1L));
    tx.platform(c -> UsageLedger.ON.recordAll(c, events));
    // half of it rolled up: exports read the same either way
    new UsageRollup(tx).rollUp(4);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static UsageEvent step(TenantRef t, String key, Instant at, Long workflowId) {
    return new UsageEvent(t.id(), Meter.WORKFLOW_STEPS, 1, null, key, at, workflowId, null);
  }

  static List<UsageExport.Row> rows(TenantRef t, UsageExport.By by) {
    return new UsageExport(tx).rows(t, DAY, END, by);
  }

  @Test
  void per_workflow_rows_name_the_tenants_own_workflows_and_add_up_to_the_day() {
    List<UsageExport.Row> byWorkflow = rows(NORTH, UsageExport.By.WORKFLOW);
    assertThat(byWorkflow)
        .filteredOn(r -> r.meter() == Meter.WORKFLOW_STEPS)
        .extracting(r -> r.day() + " " + r.refId() + " " + r.refName() + " " + r.quantity())
        .containsExactly(
            "2026-11-02 1 Onboarding 2",
            "2026-11-02 2 =HYPERLINK(\"http://evil.test\") 1",
            "2026-11-03 1 Onboarding 1");
    assertThat(byWorkflow).extracting(UsageExport.Row::refName).doesNotContain("South secret");
    // emails name no workflow: one row per day with none
    assertThat(byWorkflow)
        .filteredOn(r -> r.meter() == Meter.EMAILS_SENT)
        .extracting(r -> r.day() + " " + r.refId() + " " + r.quantity())
        .containsExactly("2026-11-02 null 1", "2026-11-03 null 1");

    for (UsageExport.By by : UsageExport.By.values()) {
      assertThat(sum(rows(NORTH, by), Meter.WORKFLOW_STEPS, LocalDate.parse("2026-11-02")))
          .as(by.key())
          .isEqualTo(3);
    }
  }

  @Test
  void per_user_rows_name_the_user_where_the_event_knows_one() {
    assertThat(rows(NORTH, UsageExport.By.USER))
        .filteredOn(r -> r.meter() == Meter.AI_CALLS)
        .extracting(r -> r.refId() + " " + r.refName() + " " + r.quantity())
        .containsExactly("null null 1", "7 ann@north.test 1");
  }

  @Test
  void another_tenants_usage_is_never_in_the_export() {
    assertThat(rows(SOUTH, UsageExport.By.DAY))
        .extracting(r -> r.meter() + " " + r.quantity())
        .containsExactly("WORKFLOW_STEPS 1");
    assertThat(rows(SOUTH, UsageExport.By.WORKFLOW))
        .extracting(UsageExport.Row::refName)
        .containsExactly("South secret");
  }

  @Test
  void the_csv_has_a_header_per_breakdown_and_defuses_formulas() throws Exception {
    StringWriter out = new StringWriter();
    UsageCsv.write(out, UsageExport.By.WORKFLOW, rows(NORTH, UsageExport.By.WORKFLOW));
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(out.toString()))
            .getRecords();
    assertThat(records.get(0).getParser().getHeaderNames())
        .containsExactly("day", "meter", "unit", "workflow_id", "workflow", "quantity");
    assertThat(records)
        .filteredOn(r -> r.get("workflow_id").equals("2"))
        .extracting(r -> r.get("workflow"))
        .containsExactly("'=HYPERLINK(\"http://evil.test\")");
    assertThat(records)
        .filteredOn(r -> r.get("meter").equals("emails_sent"))
        .extracting(r -> r.get("day") + " " + r.get("unit") + " " + r.get("quantity"))
        .containsExactly("2026-11-02 email 1", "2026-11-03 email 1");

    StringWriter perDay = new StringWriter();
    UsageCsv.write(perDay, UsageExport.By.DAY, rows(NORTH, UsageExport.By.DAY));
    assertThat(perDay.toString())
        .startsWith("day,meter,unit,quantity\r\n")
        .contains("2026-11-02,workflow_steps,step,3\r\n");
  }

  static long sum(List<UsageExport.Row> rows, Meter meter, LocalDate day) {
    return rows.stream()
        .filter(r -> r.meter() == meter && r.day().equals(day))
        .mapToLong(UsageExport.Row::quantity)
        .sum();
  }
}
