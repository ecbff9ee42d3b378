package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.omnireach.testing.TestDatabase;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Plans, limits, self-made invoices, prices and the finance desk through the real server. Two
 * resellers (X with two tenants, Y with one); X's first tenant existed last month and used 12,345
 * emails then (recorded in the usage ledger as the send path records them), so the server's
 * scheduler finalizes its invoice at X's retail prices; X's second tenant moves to the Free plan
 * and reaches its hard limit with a real send. Nobody sees another's invoices, prices or tenants.
 */
class BillingApiIT {

  static final String PASSWORD = "a-long-secret-passphrase";
  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.UTC);
  static final YearMonth LAST_MONTH = THIS_MONTH.minusMonths(1);
  static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  static String owner;
  static long x;
  static long y;
  static String rexX;
  static String rexY;
  static String a1; // X's tenant with last month's invoice
  static String a2; // X's tenant that hits the Free plan's hard limit
  static String b1; // Y's tenant
  static long a1Id;
  static JsonNode retailTeam;
  static JsonNode wholesaleTeam;

  @BeforeAll
  static void two_resellers_their_tenants_and_last_months_usage() throws Exception {
    owner = E2e.token("owner@omnireach.demo");
    x = createReseller("billx" + RUN, "BillX Partners", "#0f766e", "rex@billx" + RUN + ".test");
    y = createReseller("billy" + RUN, "BillY Partners", "#7c2d12", "rex@billy" + RUN + ".test");
    rexX = E2e.token("rex@billx" + RUN + ".test", PASSWORD, null);
    rexY = E2e.token("rex@billy" + RUN + ".test", PASSWORD, null);
    a1Id = createTenant(rexX, "xa-one-" + RUN, "ada@xa1-" + RUN + ".test");
    createTenant(rexX, "xa-two-" + RUN, "abe@xa2-" + RUN + ".test");
    createTenant(rexY, "yb-one-" + RUN, "bob@yb1-" + RUN + ".test");
    a1 = E2e.token("ada@xa1-" + RUN + ".test", PASSWORD, null);
    a2 = E2e.token("abe@xa2-" + RUN + ".test", PASSWORD, null);
    b1 = E2e.token("bob@yb1-" + RUN + ".test", PASSWORD, null);

    // X sells Team above list; the invoice is priced with it
    JsonNode sheet =
        json(
            E2e.send(
                "PUT",
                "/api/v1/resellers/" + x + "/prices",
                rexX,
                "{\"plans\":[{\"plan\":\"team\",\"baseFee\":13900,\"seatPrice\":2500,"
                    + "\"usagePer1000Micros\":{\"emails_sent\":1500000}}]}"),
            200);
    retailTeam = plan(sheet, "TEAM").get("retail");
    wholesaleTeam = plan(sheet, "TEAM").get("wholesale");

    // last month's usage, as the send path writes it, then the tenant "existed" last month:
    // from that moment the server's invoice scheduler finalizes last month's invoice
    Instant mid = LAST_MONTH.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC);
    try (Connection c = database().getConnection()) {
      UsageLedger.ON.record(
          c, UsageEvent.of(a1Id, Meter.EMAILS_SENT, 12_345, "e2e:" + UUID.randomUUID(), mid));
      try (PreparedStatement ps =
          c.prepareStatement("update platform.tenants set created_at = ? where id = ?")) {
        ps.setObject(1, LAST_MONTH.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        ps.setLong(2, a1Id);
        ps.executeUpdate();
      }
    }
  }

  @Test
  void last_months_invoice_is_finalized_numbered_and_priced_from_metered_usage() throws Exception {
    JsonNode invoice = lastMonthsInvoice(a1);
    // the reseller's slug in capitals without hyphens, at most 8 characters
    String prefix = ("billx" + RUN).toUpperCase(Locale.ROOT);
    prefix = prefix.substring(0, Math.min(8, prefix.length()));
    assertThat(invoice.get("number").asText())
        .matches(prefix + "-" + THIS_MONTH.getYear() + "-000001");
    assertThat(invoice.get("periodEnd").asText()).isEqualTo(LAST_MONTH.atEndOfMonth().toString());
    assertThat(invoice.get("currency").asText()).isEqualTo("USD");
    assertThat(invoice.get("pdfUrl").asText())
        .isEqualTo("/api/v1/billing/invoices/" + invoice.get("id").asLong() + "/pdf");

    JsonNode detail =
        json(E2e.get("/api/v1/billing/invoices/" + invoice.get("id").asLong(), a1), 200);
    JsonNode base = line(detail, "BASE_FEE");
    assertThat(base.get("amount").asLong()).isEqualTo(retailTeam.get("baseFee").asLong());
    JsonNode emails = line(detail, "USAGE");
    assertThat(emails.get("meter").asText()).isEqualTo("emails_sent");
    assertThat(emails.get("quantity").asLong()).isEqualTo(12_345);
    assertThat(emails.get("included").asLong()).isEqualTo(10_000);
    assertThat(emails.get("billable").asLong()).isEqualTo(2_345);
    long price = retailTeam.at("/usagePer1000Micros/emails_sent").asLong();
    assertThat(emails.get("unitPricePer1000Micros").asLong()).isEqualTo(price);
    assertThat(emails.get("amount").asLong()).isEqualTo(usageAmount(2_345, price));
    long sum = 0;
    for (JsonNode l : detail.get("lines")) {
      sum += l.get("amount").asLong();
    }
    assertThat(detail.get("total").asLong()).isEqualTo(sum);
    assertThat(detail.get("billTo").asText()).isEqualTo("xa-one-" + RUN);
    assertThat(detail.get("issuer").asText()).isEqualTo("reseller:" + x);
  }

  @Test
  void the_invoice_pdf_parses_and_carries_the_resellers_brand_number_and_total() throws Exception {
    JsonNode invoice = lastMonthsInvoice(a1);
    HttpResponse<byte[]> pdf = bytes(invoice.get("pdfUrl").asText(), a1);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("invoice-" + invoice.get("number").asText() + ".pdf");
    PdfReader reader = new PdfReader(pdf.body());
    try {
      String text = new PdfTextExtractor(reader).getTextFromPage(1);
      NumberFormat usd = NumberFormat.getCurrencyInstance(Locale.US);
      assertThat(text)
          .contains(invoice.get("number").asText())
          .contains("BillX Partners Reach")
          .contains("Emails sent", "12,345", "2,345")
          .contains(usd.format(BigDecimal.valueOf(invoice.get("total").asLong(), 2)));
    } finally {
      reader.close();
    }
  }

  @Test
  void a_plan_change_is_prorated_and_the_hard_limit_stops_sending_with_its_reason()
      throws Exception {
    String slug = "xa-two-" + RUN;
    assertThat(
            E2e.send("PATCH", "/api/v1/tenants/" + slug, rexX, "{\"plan\":\"FREE\"}").statusCode())
        .isEqualTo(200);
    JsonNode draft = thisMonthsInvoice(a2);
    JsonNode detail =
        json(E2e.get("/api/v1/billing/invoices/" + draft.get("id").asLong(), a2), 200);
    List<String> kinds = new ArrayList<>();
    detail.get("lines").forEach(l -> kinds.add(l.get("kind").asText()));
    assertThat(kinds).startsWith("BASE_FEE", "PRORATION_CREDIT", "PRORATION_CHARGE");
    assertThat(line(detail, "PRORATION_CREDIT").get("amount").asLong()).isNegative();
    assertThat(detail.get("plan").asText()).isEqualTo("FREE");

    JsonNode plan = json(E2e.get("/api/v1/billing/plan", a2), 200);
    JsonNode emails = meter(plan, "emails_sent");
    long hard = emails.get("hardLimit").asLong();
    assertThat(plan.get("name").asText()).isEqualTo("Free");
    assertThat(plan.get("billedBy").asText()).isEqualTo("BillX Partners");
    assertThat(emails.get("used").asLong()).isZero();

    // all but one email of the month used elsewhere, recorded as the relay records them
    long tenantId = tenantId(slug);
    try (Connection c = database().getConnection()) {
      UsageLedger.ON.record(
          c,
          UsageEvent.of(
              tenantId, Meter.EMAILS_SENT, hard - 1, "e2e:" + UUID.randomUUID(), Instant.now()));
    }
    String mailbox = mailbox(a2);
    String lead = lead(a2, "buyer-" + RUN + "@northwind.test");
    String key = "limit-" + UUID.randomUUID();
    HttpResponse<String> accepted = sendWithKey(a2, lead, mailbox, key);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String first = E2e.field(accepted.body(), "id");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                E2e.field(E2e.get("/api/v1/messages/" + first, a2).body(), "status")
                    .equals("SENT"));
    // exactly one more: the meter counts the real send once
    assertThat(
            meter(json(E2e.get("/api/v1/billing/plan", a2), 200), "emails_sent")
                .get("used")
                .asLong())
        .isEqualTo(hard);

    HttpResponse<String> refused =
        E2e.send("POST", "/api/v1/leads/" + lead + "/messages", a2, message(mailbox));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    String reason = JSON.readTree(refused.body()).get("detail").asText();
    String reset =
        THIS_MONTH
            .plusMonths(1)
            .atDay(1)
            .format(java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
    assertThat(reason)
        .isEqualTo(
            "The Free plan's limit of "
                + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(hard)
                + " emails this month is reached (resets on "
                + reset
                + ").");
    JsonNode after = meter(json(E2e.get("/api/v1/billing/plan", a2), 200), "emails_sent");
    assertThat(after.get("state").asText()).isEqualTo("LIMIT_REACHED");
    assertThat(after.get("message").asText()).isEqualTo(reason);
    // a retry of the first call still gets its answer: the limit does not hide it
    HttpResponse<String> retry = sendWithKey(a2, lead, mailbox, key);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
    assertThat(E2e.field(retry.body(), "id")).isEqualTo(first);
    assertThat(receivedBy("buyer-" + RUN + "@northwind.test")).isEqualTo(1);
  }

  @Test
  void a_tenant_never_sees_another_tenants_invoices_not_even_by_id() throws Exception {
    JsonNode invoice = lastMonthsInvoice(a1);
    long id = invoice.get("id").asLong();
    HttpResponse<String> other = E2e.get("/api/v1/billing/invoices/" + id, b1);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(bytes("/api/v1/billing/invoices/" + id + "/pdf", b1).statusCode()).isEqualTo(404);
    JsonNode own = json(E2e.get("/api/v1/billing/invoices", b1), 200);
    List<Long> ids = new ArrayList<>();
    own.forEach(i -> ids.add(i.get("id").asLong()));
    assertThat(ids).isNotEmpty().doesNotContain(id);
    String admin = E2e.token("admin@acme.demo");
    assertThat(E2e.get("/api/v1/billing/invoices/" + id, admin).statusCode()).isEqualTo(404);
  }

  @Test
  void finance_and_admins_read_billing_sales_do_not() throws Exception {
    String finance = E2e.token("finance@acme.demo");
    assertThat(E2e.get("/api/v1/billing/invoices", finance).statusCode()).isEqualTo(200);
    assertThat(E2e.get("/api/v1/billing/plan", finance).statusCode()).isEqualTo(200);
    String sales = E2e.token("sales@acme.demo");
    assertThat(E2e.get("/api/v1/billing/invoices", sales).statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/billing/plan", sales).statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/finance/tenants", finance).statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/resellers/" + x + "/prices", finance).statusCode()).isEqualTo(403);
  }

  @Test
  void a_reseller_sees_its_tenants_revenue_wholesale_cost_and_margin_and_nobody_elses()
      throws Exception {
    JsonNode invoice = lastMonthsInvoice(a1);
    JsonNode report = json(E2e.get("/api/v1/finance/tenants?month=" + LAST_MONTH, rexX), 200);
    List<String> slugs = new ArrayList<>();
    report.get("tenants").forEach(t -> slugs.add(t.get("slug").asText()));
    assertThat(slugs).containsExactly("xa-one-" + RUN); // xa-two did not exist last month
    JsonNode row = row(report, "xa-one-" + RUN);
    assertThat(row.get("invoiceNumber").asText()).isEqualTo(invoice.get("number").asText());
    assertThat(row.get("invoiceTotal").asLong()).isEqualTo(invoice.get("total").asLong());
    assertThat(row.at("/usage/emails_sent").asLong()).isEqualTo(12_345);
    long wholesale =
        wholesaleTeam.get("baseFee").asLong()
            + usageAmount(2_345, wholesaleTeam.at("/usagePer1000Micros/emails_sent").asLong());
    assertThat(row.get("wholesaleCost").asLong()).isEqualTo(wholesale);
    assertThat(row.get("margin").asLong()).isEqualTo(invoice.get("total").asLong() - wholesale);
    long margins = 0;
    for (JsonNode t : report.get("tenants")) {
      margins += t.get("margin").asLong();
    }
    assertThat(report.at("/totals/margin").asLong()).isEqualTo(margins);

    HttpResponse<String> csv = E2e.get("/api/v1/finance/tenants.csv?month=" + LAST_MONTH, rexX);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().lines())
        .hasSize(3)
        .anyMatch(l -> l.contains(invoice.get("number").asText()));

    JsonNode ofY = json(E2e.get("/api/v1/finance/tenants?month=" + LAST_MONTH, rexY), 200);
    assertThat(ofY.get("tenants")).isEmpty(); // its tenant is new this month
    JsonNode yNow = json(E2e.get("/api/v1/finance/tenants", rexY), 200);
    List<String> ySlugs = new ArrayList<>();
    yNow.get("tenants").forEach(t -> ySlugs.add(t.get("slug").asText()));
    assertThat(ySlugs).containsExactly("yb-one-" + RUN);

    JsonNode all = json(E2e.get("/api/v1/finance/tenants", owner), 200);
    assertThat(row(all, "xa-one-" + RUN).get("reseller").asText()).isEqualTo("BillX Partners");
    assertThat(row(all, "yb-one-" + RUN).get("reseller").asText()).isEqualTo("BillY Partners");
  }

  @Test
  void the_issuing_reseller_records_a_hand_sent_invoice_as_paid_and_nobody_else_can()
      throws Exception {
    // a reseller of its own, so its first invoice and its numbers are this test's alone
    createReseller("billz" + RUN, "BillZ Partners", "#1d4ed8", "rex@billz" + RUN + ".test");
    String rexZ = E2e.token("rex@billz" + RUN + ".test", PASSWORD, null);
    long tenantId = createTenant(rexZ, "zc-one-" + RUN, "cyd@zc1-" + RUN + ".test");
    String admin = E2e.token("cyd@zc1-" + RUN + ".test", PASSWORD, null);
    try (Connection c = database().getConnection();
        PreparedStatement ps =
            c.prepareStatement("update platform.tenants set created_at = ? where id = ?")) {
      ps.setObject(1, LAST_MONTH.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
      ps.setLong(2, tenantId);
      ps.executeUpdate();
    }
    JsonNode invoice = lastMonthsInvoice(admin);
    long invoiceId = invoice.get("id").asLong();
    JsonNode row =
        row(
            json(E2e.get("/api/v1/finance/tenants?month=" + LAST_MONTH, rexZ), 200),
            "zc-one-" + RUN);
    assertThat(row.get("invoiceId").asLong()).isEqualTo(invoiceId);
    assertThat(row.get("settleable").asBoolean()).isTrue();
    assertThat(
            row(
                    json(E2e.get("/api/v1/finance/tenants?month=" + LAST_MONTH, owner), 200),
                    "zc-one-" + RUN)
                .get("settleable")
                .asBoolean())
        .isFalse();

    String path = "/api/v1/finance/tenants/" + tenantId + "/invoices/" + invoiceId;
    assertProblem(E2e.send("POST", path + "/paid", owner, null), 409, "issuer");
    assertThat(E2e.send("POST", path + "/paid", rexY, null).statusCode()).isEqualTo(404);
    assertThat(E2e.send("POST", path + "/paid", admin, null).statusCode()).isEqualTo(403);
    assertThat(E2e.send("POST", path + "/refunded", rexZ, null).statusCode()).isEqualTo(404);
    assertThat(invoiceOf(admin, LAST_MONTH).get("status").asText()).isEqualTo("OPEN");

    JsonNode paid = json(E2e.send("POST", path + "/paid", rexZ, null), 200);
    assertThat(paid.get("status").asText()).isEqualTo("PAID");
    assertThat(paid.get("number").asText()).isEqualTo(invoice.get("number").asText());
    assertProblem(E2e.send("POST", path + "/void", rexZ, null), 409, "status");
    // the tenant sees it paid; the desk no longer offers it
    assertThat(invoiceOf(admin, LAST_MONTH).get("status").asText()).isEqualTo("PAID");
    JsonNode after =
        row(
            json(E2e.get("/api/v1/finance/tenants?month=" + LAST_MONTH, rexZ), 200),
            "zc-one-" + RUN);
    assertThat(after.get("invoiceStatus").asText()).isEqualTo("PAID");
    assertThat(after.get("settleable").asBoolean()).isFalse();
  }

  @Test
  void a_reseller_reads_and_sets_only_its_own_prices_and_wholesale_stays_read_only()
      throws Exception {
    JsonNode sheet = json(E2e.get("/api/v1/resellers/" + x + "/prices", rexX), 200);
    JsonNode team = plan(sheet, "TEAM");
    assertThat(team.at("/margin/baseFee").asLong())
        .isEqualTo(team.at("/retail/baseFee").asLong() - team.at("/wholesale/baseFee").asLong());
    assertThat(E2e.get("/api/v1/resellers/" + x + "/prices", rexY).statusCode()).isEqualTo(404);
    HttpResponse<String> foreign =
        E2e.send(
            "PUT",
            "/api/v1/resellers/" + x + "/prices",
            rexY,
            "{\"plans\":[{\"plan\":\"TEAM\",\"baseFee\":1,\"seatPrice\":1}]}");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(json(E2e.get("/api/v1/resellers/" + x + "/prices", owner), 200).toString())
        .isEqualTo(sheet.toString());
    // a wholesale price in the body is not an input: only retail changes
    JsonNode after =
        json(
            E2e.send(
                "PUT",
                "/api/v1/resellers/" + y + "/prices",
                rexY,
                "{\"plans\":[{\"plan\":\"SCALE\",\"baseFee\":69900,\"seatPrice\":1900,"
                    + "\"wholesale\":{\"baseFee\":1}}]}"),
            200);
    assertThat(plan(after, "SCALE").at("/retail/baseFee").asLong()).isEqualTo(69900);
    assertThat(plan(after, "SCALE").at("/wholesale/baseFee").asLong()).isGreaterThan(1);
  }

  @Test
  void bad_input_is_a_400_problem_naming_the_field_and_stores_nothing() throws Exception {
    String path = "/api/v1/resellers/" + y + "/prices";
    JsonNode before = json(E2e.get(path, rexY), 200);
    assertProblem(
        E2e.send(
            "PUT", path, rexY, "{\"plans\":[{\"plan\":\"GOLD\",\"baseFee\":1,\"seatPrice\":1}]}"),
        400,
        "plans[0].plan");
    assertProblem(
        E2e.send(
            "PUT",
            path,
            rexY,
            "{\"plans\":[{\"plan\":\"TEAM\",\"baseFee\":100,\"seatPrice\":1},"
                + "{\"plan\":\"FREE\",\"baseFee\":-5,\"seatPrice\":0}]}"),
        400,
        "plans[1].baseFeeMinor");
    assertProblem(
        E2e.send(
            "PUT",
            path,
            rexY,
            "{\"plans\":[{\"plan\":\"TEAM\",\"baseFee\":1,\"seatPrice\":1,"
                + "\"usagePer1000Micros\":{\"faxes\":5}}]}"),
        400,
        "plans[0].usagePer1000Micros");
    assertProblem(E2e.send("PUT", path, rexY, "{}"), 400, "plans");
    assertThat(E2e.send("PUT", path, rexY, "{\"plans\":[").statusCode()).isEqualTo(400);
    assertThat(json(E2e.get(path, rexY), 200).toString()).isEqualTo(before.toString());
    assertProblem(E2e.get("/api/v1/finance/tenants?month=2026-13", rexY), 400, "month");
    assertProblem(
        E2e.get("/api/v1/finance/tenants?month=" + THIS_MONTH.plusMonths(2), rexY), 400, "month");
    assertThat(E2e.get("/api/v1/billing/invoices/not-a-number", a1).statusCode()).isEqualTo(404);
  }

  @Test
  void every_billing_endpoint_is_in_the_openapi_document() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/billing/plan:",
            "/api/v1/billing/invoices:",
            "/api/v1/billing/invoices/{id}:",
            "/api/v1/billing/invoices/{id}/pdf:",
            "/api/v1/resellers/{id}/prices:",
            "/api/v1/finance/tenants:",
            "/api/v1/finance/tenants.csv:",
            "/api/v1/finance/tenants/{tenantId}/invoices/{invoiceId}/{status}:",
            "team plan near its email allowance",
            "Sending is paused by billing");
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Waits for the server's scheduler to finalize last month's invoice of the tenant. */
  static JsonNode lastMonthsInvoice(String token) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> invoiceOf(token, LAST_MONTH),
            i -> i != null && i.get("status").asText().equals("OPEN"));
  }

  static JsonNode thisMonthsInvoice(String token) throws Exception {
    JsonNode i = invoiceOf(token, THIS_MONTH);
    assertThat(i).isNotNull();
    assertThat(i.get("status").asText()).isEqualTo("DRAFT");
    assertThat(i.get("number").isNull()).isTrue();
    return i;
  }

  static JsonNode invoiceOf(String token, YearMonth month) throws Exception {
    for (JsonNode i : json(E2e.get("/api/v1/billing/invoices", token), 200)) {
      if (i.get("periodStart").asText().equals(month.atDay(1).toString())
          && i.get("source").asText().equals("SELF")) {
        return i;
      }
    }
    return null;
  }

  static long usageAmount(long billable, long pricePer1000Micros) {
    return BigDecimal.valueOf(billable)
        .multiply(BigDecimal.valueOf(pricePer1000Micros))
        .movePointLeft(7)
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  static JsonNode line(JsonNode invoice, String kind) {
    for (JsonNode l : invoice.get("lines")) {
      if (l.get("kind").asText().equals(kind)) {
        return l;
      }
    }
    throw new AssertionError("No " + kind + " line in " + invoice);
  }

  static JsonNode meter(JsonNode plan, String key) {
    for (JsonNode m : plan.get("meters")) {
      if (m.get("meter").asText().equals(key)) {
        return m;
      }
    }
    throw new AssertionError("No meter " + key + " in " + plan);
  }

  static JsonNode plan(JsonNode sheet, String code) {
    for (JsonNode p : sheet.get("plans")) {
      if (p.get("plan").asText().equals(code)) {
        return p;
      }
    }
    throw new AssertionError("No plan " + code + " in " + sheet);
  }

  static JsonNode row(JsonNode report, String slug) {
    for (JsonNode t : report.get("tenants")) {
      if (t.get("slug").asText().equals(slug)) {
        return t;
      }
    }
    throw new AssertionError("No tenant " + slug + " in " + report);
  }

  static void assertProblem(HttpResponse<String> r, int status, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("field").asText()).isEqualTo(field);
    assertThat(p.get("detail").asText()).isNotBlank();
  }

  static PGSimpleDataSource database() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(TestDatabase.SERVER + System.getProperty("omnireach.test.db", "omnireach_e2e"));
    ds.setUser(TestDatabase.USER);
    return ds;
  }

  static long tenantId(String slug) throws Exception {
    return json(E2e.get("/api/v1/tenants/" + slug, owner), 200).get("id").asLong();
  }

  static long createReseller(String slug, String name, String colour, String email)
      throws Exception {
    String body =
        "{\"slug\":\""
            + slug
            + "\",\"name\":\""
            + name
            + "\",\"wholesalePlan\":\"STANDARD\",\"brand\":{\"productName\":\""
            + name
            + " Reach\",\"primaryColor\":\""
            + colour
            + "\",\"supportEmail\":\"billing@"
            + slug
            + ".test\"},\"userEmail\":\""
            + email
            + "\",\"userName\":\"Rex\",\"userPassword\":\""
            + PASSWORD
            + "\"}";
    return json(E2e.send("POST", "/api/v1/resellers", E2e.token("owner@omnireach.demo"), body), 201)
        .get("id")
        .asLong();
  }

  static long createTenant(String resellerToken, String slug, String adminEmail) throws Exception {
    String body =
        "{\"slug\":\""
            + slug
            + "\",\"displayName\":\""
            + slug
            + "\",\"adminEmail\":\""
            + adminEmail
            + "\",\"adminName\":\"First Admin\",\"adminPassword\":\""
            + PASSWORD
            + "\"}";
    return json(E2e.send("POST", "/api/v1/tenants", resellerToken, body), 201).get("id").asLong();
  }

  static String mailbox(String admin) throws Exception {
    String json =
        "{\"name\":\"Billing test\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"username\":\"relay\",\"password\":\""
            + SMTP_PASSWORD
            + "\",\"tls\":false,\"fromAddress\":\"abe@xa2.example\","
            + "\"fromName\":\"Abe\",\"dailyCap\":50}";
    // a new tenant's schema is ready once provisioning returned
    return E2e.field(
        json(E2e.send("POST", "/api/v1/mailboxes", admin, json), 201).toString(), "id");
  }

  static String lead(String token, String email) throws Exception {
    return E2e.field(
        json(
                E2e.send(
                    "POST",
                    "/api/v1/leads",
                    token,
                    "{\"firstName\":\"Bea\",\"lastName\":\"Buyer\",\"email\":\"" + email + "\"}"),
                201)
            .toString(),
        "id");
  }

  static String message(String mailbox) {
    return "{\"mailboxId\":"
        + mailbox
        + ",\"subject\":\"Hello\",\"body\":\"Hi Bea, a quick question.\"}";
  }

  static HttpResponse<String> sendWithKey(String token, String lead, String mailbox, String key)
      throws Exception {
    return HTTP.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(E2e.BASE_URL + "/api/v1/leads/" + lead + "/messages"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(message(mailbox)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static long receivedBy(String email) {
    return java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(email);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .count();
  }

  static HttpResponse<byte[]> bytes(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(HttpResponse<String> r, int expectedStatus) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
    return JSON.readTree(r.body());
  }
}
