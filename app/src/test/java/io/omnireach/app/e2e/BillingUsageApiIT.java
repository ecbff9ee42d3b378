package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnireach.db.Transactions;
import io.omnireach.testing.UsageProbe;
import io.omnireach.usage.Meter;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Usage billing through the real server: one email sent through the API is one unit of {@code
 * emails_sent} — also when its first attempt fails and the relay retries it — the roll-up and
 * snapshot jobs run inside Liberty, the CSV export adds up to the same figures, only Admin and
 * Finance read billing, Finance reads no sales data, and Globex never sees Acme's usage.
 */
class BillingUsageApiIT {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SEND = Duration.ofSeconds(30);
  // a failed attempt waits its backoff and is picked up by the sweep (2 s and 2 s on the e2e
  // server, 30 s and 30 s by default): the margin is for a loaded machine
  private static final Duration RETRY = Duration.ofSeconds(150);

  static String admin;
  static String sales;
  static String finance;
  static String viewer;
  static String globex;
  static Transactions ledger;

  @BeforeAll
  static void tokens() throws Exception {
    Journeys.awaitReady();
    admin = E2e.token("admin@acme.demo");
    sales = E2e.token("sales@acme.demo");
    finance = E2e.token("finance@acme.demo");
    viewer = E2e.token("viewer@acme.demo");
    globex = E2e.token("admin@globex.demo");
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(
        "jdbc:postgresql://127.0.0.1:5432/"
            + System.getProperty("omnireach.test.db", "omnireach_e2e"));
    ds.setUser("postgres");
    ledger = new Transactions(ds);
  }

  static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  static JsonNode usage(String token) throws Exception {
    return json(E2e.get("/api/v1/billing/usage", token), 200);
  }

  static JsonNode meter(JsonNode usage, String key) {
    for (JsonNode m : usage.get("meters")) {
      if (m.get("meter").asText().equals(key)) {
        return m;
      }
    }
    throw new AssertionError("No meter " + key + " in " + usage);
  }

  static long quantity(String token, String key) throws Exception {
    return meter(usage(token), key).get("quantity").asLong();
  }

  static long tenantId(String token) throws Exception {
    return json(E2e.get("/api/v1/me", token), 200).at("/tenant/id").asLong();
  }

  static String mailbox(int port) throws Exception {
    String body =
        "{\"name\":\"Billing "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + port
            + ",\"tls\":false,\"fromAddress\":\"elena@acme.example\",\"fromName\":\"Elena\"}";
    // tenant schemas are migrated by a batch job right after start-up
    HttpResponse<String> created =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> E2e.send("POST", "/api/v1/mailboxes", admin, body),
                r -> r.statusCode() != 500);
    return json(created, 201).get("id").asText();
  }

  static String send(String mailboxId) throws Exception {
    String email = "billing-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    String lead =
        json(
                E2e.send(
                    "POST",
                    "/api/v1/leads",
                    sales,
                    "{\"firstName\":\"Bea\",\"email\":\"" + email + "\"}"),
                201)
            .get("id")
            .asText();
    return json(
            E2e.send(
                "POST",
                "/api/v1/leads/" + lead + "/messages",
                sales,
                "{\"mailboxId\":"
                    + mailboxId
                    + ",\"subject\":\"Invoices at Northwind\",\"body\":\"Hi Bea, a short"
                    + " question.\"}"),
            202)
        .get("id")
        .asText();
  }

  static JsonNode message(String id) throws Exception {
    return json(E2e.get("/api/v1/messages/" + id, sales), 200);
  }

  static String status(String id) throws Exception {
    return message(id).get("status").asText();
  }

  @Test
  void one_email_sent_through_the_api_is_exactly_one_unit_of_emails_sent() throws Exception {
    String mailboxId = mailbox(smtp.getSmtp().getPort());
    long before = quantity(finance, "emails_sent");

    String id = send(mailboxId);
    await().atMost(SEND).until(() -> status(id).equals("SENT"));

    // metered in the commit that marked it SENT: visible at once, and it stays one
    assertThat(quantity(finance, "emails_sent")).isEqualTo(before + 1);
    assertThat(UsageProbe.events(ledger, tenantId(admin), Meter.EMAILS_SENT, "message:" + id))
        .isEqualTo("1/1");
    // the usage-rollup job folds it into its hour; the figure does not move
    await().atMost(Duration.ofSeconds(60)).until(() -> rolledUp(tenantId(admin), "message:" + id));
    assertThat(quantity(finance, "emails_sent")).isEqualTo(before + 1);
    assertThat(quantity(admin, "emails_sent")).isEqualTo(before + 1);
  }

  @Test
  void a_send_retried_after_the_smtp_server_was_down_counts_once() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String mailboxId = mailbox(port);
    long before = quantity(finance, "emails_sent");

    String id = send(mailboxId);
    // nothing listens yet: the attempt fails, the message waits for its retry, nothing is billed
    await().atMost(SEND).until(() -> message(id).toString().contains("\"type\":\"RETRY\""));
    assertThat(status(id)).isEqualTo("QUEUED");
    assertThat(quantity(finance, "emails_sent")).isEqualTo(before);

    GreenMail up = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    up.start();
    try {
      await().atMost(RETRY).until(() -> status(id).equals("SENT"));
      assertThat(up.getReceivedMessages()).hasSize(1);
    } finally {
      up.stop();
    }
    assertThat(quantity(finance, "emails_sent")).isEqualTo(before + 1);
    assertThat(UsageProbe.events(ledger, tenantId(admin), Meter.EMAILS_SENT, "message:" + id))
        .isEqualTo("1/1");
  }

  @Test
  void the_daily_snapshot_job_records_the_tenants_seats() throws Exception {
    int members = json(E2e.get("/api/v1/users", admin), 200).size();
    // the usage-snapshot job runs shortly after start-up (every 5 s on this test server)
    await().atMost(Duration.ofSeconds(90)).until(() -> quantity(finance, "active_seats") > 0);
    JsonNode seats = meter(usage(finance), "active_seats");
    assertThat(seats.get("quantity").asLong()).isEqualTo(members);
    assertThat(seats.get("included").asLong()).as("the Team plan includes five seats").isEqualTo(5);
    assertThat(seats.get("unit").asText()).isEqualTo("seat");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(UsageProbe.events(ledger, tenantId(admin), Meter.ACTIVE_SEATS, "snapshot:" + today))
        .isEqualTo("1/" + members);
  }

  @Test
  void the_report_is_the_current_month_with_every_meter_priced_by_the_plan() throws Exception {
    JsonNode u = usage(finance);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(u.get("from").asText()).isEqualTo(today.withDayOfMonth(1).toString());
    assertThat(u.get("to").asText())
        .isEqualTo(today.withDayOfMonth(today.lengthOfMonth()).toString());
    List<String> keys = new ArrayList<>();
    u.get("meters").forEach(m -> keys.add(m.get("meter").asText()));
    assertThat(keys)
        .containsExactly(
            "emails_sent",
            "sms_segments",
            "voice_calls",
            "ai_input_tokens",
            "ai_output_tokens",
            "ai_calls",
            "workflow_steps",
            "active_seats",
            "leads_stored");
    JsonNode emails = meter(u, "emails_sent");
    assertThat(emails.get("label").asText()).isEqualTo("Emails sent");
    assertThat(emails.get("unit").asText()).isEqualTo("email");
    assertThat(emails.get("included").asLong()).isEqualTo(10_000);
    assertThat(emails.get("amount").asLong()).isZero();
    assertThat(emails.get("currency").asText()).isEqualTo("USD");

    JsonNode range =
        json(E2e.get("/api/v1/billing/usage?from=2026-01-01&to=2026-01-31", finance), 200);
    assertThat(range.get("from").asText()).isEqualTo("2026-01-01");
    assertThat(range.get("to").asText()).isEqualTo("2026-01-31");
  }

  @Test
  void bad_ranges_are_problems_that_name_the_parameter() throws Exception {
    assertProblem("/api/v1/billing/usage?from=2026-13-01", "from");
    assertProblem("/api/v1/billing/usage?from=2026-11-01&to=yesterday", "to");
    assertProblem("/api/v1/billing/usage?from=2026-11-10&to=2026-11-09", "to");
    assertProblem("/api/v1/billing/usage?from=2025-01-01&to=2026-01-02", "to");
    assertProblem("/api/v1/billing/usage.csv?from=2026-11-10&to=2026-11-01", "to");
    assertProblem("/api/v1/billing/usage.csv?by=month", "by");
    // 366 days is the longest range
    assertThat(E2e.get("/api/v1/billing/usage?from=2028-01-01&to=2028-12-31", finance).statusCode())
        .isEqualTo(200);
  }

  static void assertProblem(String path, String field) throws Exception {
    HttpResponse<String> r = E2e.get(path, finance);
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("field").asText()).isEqualTo(field);
    assertThat(p.get("detail").asText()).isNotBlank();
  }

  @Test
  void only_admin_and_finance_read_billing_and_finance_reads_no_sales_data() throws Exception {
    for (String path : List.of("/api/v1/billing/usage", "/api/v1/billing/usage.csv")) {
      for (String token : List.of(sales, viewer)) {
        HttpResponse<String> r = E2e.get(path, token);
        assertThat(r.statusCode()).as(path).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      }
      assertThat(E2e.get(path, admin).statusCode()).as(path).isEqualTo(200);
      assertThat(E2e.get(path, finance).statusCode()).as(path).isEqualTo(200);
      assertThat(E2e.get(path, null).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(E2e.get("/api/v1/billing/usage", E2e.token("owner@omnireach.demo")).statusCode())
        .isEqualTo(403);

    for (String path :
        List.of(
            "/api/v1/leads",
            "/api/v1/leads/export",
            "/api/v1/personas",
            "/api/v1/workflows",
            "/api/v1/runs",
            "/api/v1/tasks",
            "/api/v1/replies",
            "/api/v1/messages/1",
            "/api/v1/analytics/email",
            "/api/v1/mailboxes",
            "/api/v1/users")) {
      HttpResponse<String> r = E2e.get(path, finance);
      assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(403);
    }
    JsonNode me = json(E2e.get("/api/v1/me", finance), 200);
    assertThat(me.get("roles").toString()).isEqualTo("[\"Finance\"]");
  }

  @Test
  void the_openapi_document_describes_billing_with_examples_and_finance_can_be_invited()
      throws Exception {
    JsonNode paths = json(E2e.get("/openapi?format=JSON", null), 200).get("paths");
    JsonNode usage = paths.get("/api/v1/billing/usage").get("get");
    assertThat(usage.toString()).contains("examples", "emails_sent", "\"403\"", "\"400\"");
    JsonNode csv = paths.get("/api/v1/billing/usage.csv").get("get");
    assertThat(csv.toString()).contains("text/csv", "by workflow", "\"workflow\"", "\"user\"");

    String email = "fin-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    JsonNode invited =
        json(
            E2e.send(
                "POST",
                "/api/v1/invitations",
                admin,
                "{\"email\":\"" + email + "\",\"role\":\"finance\"}"),
            201);
    assertThat(invited.get("role").asText()).isEqualTo("Finance");
    assertThat(
            E2e.send("DELETE", "/api/v1/invitations/" + invited.get("id").asText(), admin, null)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void globex_never_sees_acmes_usage() throws Exception {
    String mailboxId = mailbox(smtp.getSmtp().getPort());
    String id = send(mailboxId);
    await().atMost(SEND).until(() -> status(id).equals("SENT"));

    long acmeId = tenantId(admin);
    long globexId = tenantId(globex);
    assertThat(globexId).isNotEqualTo(acmeId);
    long acmeEmails = quantity(finance, "emails_sent");
    long globexEmails = quantity(globex, "emails_sent");
    assertThat(acmeEmails).isPositive();
    // each tenant's figure is its own ledger's, whatever the request says
    String month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString();
    assertThat(globexEmails).isEqualTo(ledgerCount(globexId, month));
    assertThat(acmeEmails).isEqualTo(ledgerCount(acmeId, month));
    assertThat(
            meter(json(E2e.get("/api/v1/billing/usage?tenant=acme", globex), 200), "emails_sent")
                .get("quantity")
                .asLong())
        .isEqualTo(globexEmails);
    List<CSVRecord> csv = csv(globex, "day");
    assertThat(sum(csv, "emails_sent")).isEqualTo(globexEmails);
  }

  @Test
  void the_csv_adds_up_to_the_report_per_day_and_names_the_workflow_of_each_step()
      throws Exception {
    String name = "Billing CSV " + UUID.randomUUID().toString().substring(0, 6);
    String wf =
        Journeys.publish(
            sales,
            "{\"name\":\""
                + name
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},{\"id\":\"tag\","
                + "\"type\":\"update_lead\",\"config\":{\"addTag\":\"billed\"}},"
                + "{\"id\":\"e\",\"type\":\"end\"}],\"edges\":[{\"source\":\"s\",\"target\":\"tag\"},"
                + "{\"source\":\"tag\",\"target\":\"e\"}]}");
    List<String> leads =
        List.of(
            Journeys.lead(sales, "Cora", "Ledger", "Northwind"),
            Journeys.lead(sales, "Dan", "Ledger", "Northwind"));
    Journeys.enrol(sales, wf, leads);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                json(E2e.get("/api/v1/runs?workflowId=" + wf, sales), 200)
                        .at("/counts/succeeded")
                        .asInt()
                    == 2);
    long finishedSteps = 0;
    for (JsonNode run : json(E2e.get("/api/v1/runs?workflowId=" + wf, sales), 200).get("items")) {
      for (JsonNode step :
          json(E2e.get("/api/v1/runs/" + run.get("id").asText(), sales), 200).get("steps")) {
        String status = step.get("status").asText();
        finishedSteps += status.equals("succeeded") || status.equals("failed") ? 1 : 0;
      }
    }
    assertThat(finishedSteps).isPositive();

    HttpResponse<String> r = E2e.get("/api/v1/billing/usage.csv?by=workflow", finance);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"usage-")
        .endsWith("-by-workflow.csv\"");
    List<CSVRecord> byWorkflow = parse(r.body());
    assertThat(byWorkflow.get(0).getParser().getHeaderNames())
        .containsExactly("day", "meter", "unit", "workflow_id", "workflow", "quantity");
    long stepsOfThisWorkflow =
        byWorkflow.stream()
            .filter(c -> c.get("meter").equals("workflow_steps"))
            .filter(c -> c.get("workflow_id").equals(wf))
            .peek(c -> assertThat(c.get("workflow")).isEqualTo(name))
            .mapToLong(c -> Long.parseLong(c.get("quantity")))
            .sum();
    assertThat(stepsOfThisWorkflow).isEqualTo(finishedSteps);

    // every breakdown adds up to the report, meter by meter
    JsonNode report = usage(finance);
    List<CSVRecord> byDay = csv(finance, "day");
    assertThat(byDay.get(0).getParser().getHeaderNames())
        .containsExactly("day", "meter", "unit", "quantity");
    List<CSVRecord> byUser = csv(finance, "user");
    assertThat(byUser.get(0).getParser().getHeaderNames())
        .containsExactly("day", "meter", "unit", "user_id", "user", "quantity");
    for (String key : List.of("emails_sent", "workflow_steps")) {
      long total = meter(report, key).get("quantity").asLong();
      assertThat(sum(byDay, key)).as(key + " by day").isEqualTo(total);
      assertThat(sum(byWorkflow, key)).as(key + " by workflow").isEqualTo(total);
      assertThat(sum(byUser, key)).as(key + " by user").isEqualTo(total);
    }
    JsonNode days = report.get("days");
    long stepsInDays = 0;
    for (JsonNode d : days) {
      stepsInDays +=
          d.get("meter").asText().equals("workflow_steps") ? d.get("quantity").asLong() : 0;
    }
    assertThat(stepsInDays).isEqualTo(meter(report, "workflow_steps").get("quantity").asLong());
  }

  static List<CSVRecord> csv(String token, String by) throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/billing/usage.csv?by=" + by, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return parse(r.body());
  }

  static List<CSVRecord> parse(String body) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(body))
        .getRecords();
  }

  static long sum(List<CSVRecord> rows, String meter) {
    return rows.stream()
        .filter(c -> c.get("meter").equals(meter))
        .mapToLong(c -> Long.parseLong(c.get("quantity")))
        .sum();
  }

  static boolean rolledUp(long tenantId, String key) {
    return ledger.platform(
        c -> {
          try (var ps =
              c.prepareStatement(
                  "select rolled_up from usage_events where tenant_id = ? and meter = ?"
                      + " and idempotency_key = ?")) {
            ps.setLong(1, tenantId);
            ps.setString(2, Meter.EMAILS_SENT.key());
            ps.setString(3, key);
            try (var rs = ps.executeQuery()) {
              return rs.next() && rs.getBoolean(1);
            }
          }
        });
  }

  static long ledgerCount(long tenantId, String monthStart) {
    return ledger.platform(
        c -> {
          try (var ps =
              c.prepareStatement(
                  "select coalesce(sum(quantity), 0) from usage_events where tenant_id = ?"
                      + " and meter = 'emails_sent'"
                      + " and occurred_at >= (?::date)::timestamp at time zone 'UTC'"
                      + " and occurred_at < (?::date + interval '1 month') at time zone 'UTC'")) {
            ps.setLong(1, tenantId);
            ps.setString(2, monthStart);
            ps.setString(3, monthStart);
            try (var rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }
}
