package io.omnireach.app.e2e;

import static io.omnireach.app.e2e.BillingApiIT.PASSWORD;
import static io.omnireach.app.e2e.BillingApiIT.createReseller;
import static io.omnireach.app.e2e.BillingApiIT.createTenant;
import static io.omnireach.app.e2e.BillingApiIT.database;
import static io.omnireach.app.e2e.BillingApiIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.omnireach.billing.testing.StripeFake;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the platform bills resellers, through the real server with Stripe on (the e2e server talks
 * to the Stripe fake): three resellers whose tenants existed last month; the invoice scheduler
 * finalizes one wholesale invoice per reseller at its wholesale prices (the finance desk's
 * wholesale cost) and sends it to the reseller's Stripe customer as an invoice with items. P's
 * payment fails (dunning: reminder to its support email, the Owner's overdue list) and is then
 * paid; Stripe refuses to invoice R, so the Owner collects R's invoice by hand in the browser.
 * Nobody reads another reseller's invoices.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholesaleApiIT {

  static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.UTC);
  static final YearMonth LAST_MONTH = THIS_MONTH.minusMonths(1);
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static GreenMailExtension smtp = SystemMails.greenMail();

  static StripeFake stripe;
  static String owner;
  static long p;
  static long q;
  static long r;
  static String rexP;
  static String rexQ;
  static String adminP;

  @BeforeAll
  static void three_resellers_whose_tenants_existed_last_month() throws Exception {
    stripe = StripeE2e.fake();
    owner = E2e.token("owner@omnireach.demo");
    stripe.refuseInvoicesFor("wsr" + RUN);
    p = createReseller("wsp" + RUN, "WsP Partners", "#0f766e", "rex@wsp" + RUN + ".test");
    q = createReseller("wsq" + RUN, "WsQ Partners", "#7c2d12", "rex@wsq" + RUN + ".test");
    r = createReseller("wsr" + RUN, "WsR Partners", "#1d4ed8", "rex@wsr" + RUN + ".test");
    rexP = E2e.token("rex@wsp" + RUN + ".test", PASSWORD, null);
    rexQ = E2e.token("rex@wsq" + RUN + ".test", PASSWORD, null);
    String rexR = E2e.token("rex@wsr" + RUN + ".test", PASSWORD, null);
    long p1 = createTenant(rexP, "wsp-one-" + RUN, "ann@wsp1-" + RUN + ".test");
    long q1 = createTenant(rexQ, "wsq-one-" + RUN, "bea@wsq1-" + RUN + ".test");
    long r1 = createTenant(rexR, "wsr-one-" + RUN, "cid@wsr1-" + RUN + ".test");
    adminP = E2e.token("ann@wsp1-" + RUN + ".test", PASSWORD, null);
    Instant mid = LAST_MONTH.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC);
    try (Connection c = database().getConnection()) {
      UsageLedger.ON.record(
          c, UsageEvent.of(p1, Meter.EMAILS_SENT, 12_345, "e2e:" + UUID.randomUUID(), mid));
      // from this moment the server's scheduler finalizes last month for the three resellers
      try (PreparedStatement ps =
          c.prepareStatement("update platform.tenants set created_at = ? where id = any(?)")) {
        ps.setObject(1, LAST_MONTH.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        ps.setArray(2, c.createArrayOf("bigint", new Long[] {p1, q1, r1}));
        ps.executeUpdate();
      }
    }
  }

  @Test
  @Order(1)
  void last_month_is_one_numbered_invoice_at_the_finance_desks_wholesale_cost() throws Exception {
    JsonNode invoice = lastMonths(rexP, p);
    assertThat(invoice.get("number").asText()).matches("ORW-\\d{4}-\\d{6}");
    assertThat(invoice.get("tenants").asInt()).isEqualTo(1);
    assertThat(invoice.get("periodEnd").asText()).isEqualTo(LAST_MONTH.atEndOfMonth().toString());
    JsonNode desk = json(E2e.get("/api/v1/finance/tenants?month=" + LAST_MONTH, rexP), 200);
    assertThat(invoice.get("total").asLong()).isEqualTo(desk.at("/totals/wholesaleCost").asLong());

    JsonNode detail =
        json(
            E2e.get("/api/v1/finance/resellers/" + p + "/invoices/" + invoice.get("id"), rexP),
            200);
    JsonNode emails = null;
    long sum = 0;
    for (JsonNode l : detail.get("lines")) {
      assertThat(l.get("tenant").asText()).isEqualTo("wsp-one-" + RUN);
      sum += l.get("amount").asLong();
      if ("emails_sent".equals(l.path("meter").asText())) {
        emails = l;
      }
    }
    assertThat(sum).isEqualTo(invoice.get("total").asLong());
    assertThat(emails).isNotNull();
    assertThat(emails.get("billable").asLong()).isEqualTo(2_345);

    // the running month is a draft, and the finalizer never makes a second one for last month
    List<JsonNode> all = list(rexP, p);
    assertThat(all).extracting(i -> i.get("status").asText()).containsExactly("DRAFT", "OPEN");

    HttpResponse<byte[]> pdf = BillingApiIT.bytes(invoice.get("pdfUrl").asText(), rexP);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("wholesale-" + invoice.get("number").asText() + ".pdf");
    PdfReader reader = new PdfReader(pdf.body());
    try {
      assertThat(new PdfTextExtractor(reader).getTextFromPage(1))
          .contains(invoice.get("number").asText(), "WsP Partners", "wsp-one-" + RUN + " · ");
    } finally {
      reader.close();
    }
  }

  @Test
  @Order(2)
  void a_reseller_never_reads_another_resellers_invoices_and_tenants_none() throws Exception {
    JsonNode ofP = lastMonths(rexP, p);
    String path = "/api/v1/finance/resellers/" + p + "/invoices";
    problem(E2e.get(path, rexQ), 404);
    problem(E2e.get(path + "/" + ofP.get("id"), rexQ), 404);
    assertThat(BillingApiIT.bytes(path + "/" + ofP.get("id") + ".pdf", rexQ).statusCode())
        .isEqualTo(404);
    // Q's own path with P's invoice id: Q's entity manager does not see P's row
    String qPath = "/api/v1/finance/resellers/" + q + "/invoices/" + ofP.get("id");
    problem(E2e.get(qPath, rexQ), 404);
    assertThat(E2e.get(path, adminP).statusCode()).isEqualTo(403);
    assertThat(E2e.send("POST", path + "/" + ofP.get("id") + "/paid", rexP, "").statusCode())
        .isEqualTo(403);
    assertThat(list(owner, p)).isNotEmpty();
    assertThat(list(rexQ, q)).extracting(i -> i.get("resellerId").asLong()).containsOnly(q);
    assertThat(E2e.get("/api/v1/finance/resellers/999999/invoices", owner).statusCode())
        .isEqualTo(404);
  }

  @Test
  @Order(3)
  void stripe_collects_it_a_failed_payment_reminds_the_reseller_and_reaches_the_owner()
      throws Exception {
    JsonNode sent =
        await("P's wholesale invoice in Stripe")
            .atMost(Duration.ofSeconds(60))
            .until(() -> lastMonths(rexP, p), i -> !i.get("stripeInvoiceId").isNull());
    String customer = stripe.customerWithMetadata("omnireach_slug", "wsp" + RUN).orElseThrow();
    List<JsonNode> inStripe = stripe.invoicesOf(customer);
    assertThat(inStripe).hasSize(1);
    JsonNode in = inStripe.get(0);
    assertThat(in.get("id").asText()).isEqualTo(sent.get("stripeInvoiceId").asText());
    assertThat(in.get("total").asLong()).isEqualTo(sent.get("total").asLong());
    assertThat(in.get("status").asText()).isEqualTo("open");
    String settle = "/api/v1/finance/resellers/" + p + "/invoices/" + sent.get("id") + "/paid";
    BillingApiIT.assertProblem(E2e.send("POST", settle, owner, ""), 409, "source");

    // the payment failed eight days ago: past the seven-day grace period
    Instant failed = Instant.now().minus(Duration.ofDays(8));
    assertThat(
            StripeE2e.deliver(
                    StripeE2e.event("evt_ws_" + RUN, "invoice.payment_failed", failed, in))
                .statusCode())
        .isEqualTo(200);
    MimeMessage reminder = SystemMails.await(smtp, "billing@wsp" + RUN + ".test", 1);
    assertThat(reminder.getSubject()).contains("wholesale invoice " + in.get("number").asText());
  }

  @Test
  @Order(4)
  void the_reseller_sees_its_invoices_and_the_owner_the_overdue_list_and_marks_one_paid()
      throws Exception {
    lastMonths(rexP, p);
    JsonNode ofR = lastMonths(E2e.token("rex@wsr" + RUN + ".test", PASSWORD, null), r);
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "rex@wsp" + RUN + ".test", PASSWORD);
      browser.open("/console/finance");
      WebElement panel = browser.await(By.id("wholesale-invoices"));
      browser.wait.until(d -> d.findElement(By.id("wholesale-grid")).getText().contains("ORW-"));
      assertThat(panel.getText())
          .contains("Wholesale invoices from the platform", "Draft", "Open", "PDF");
      assertThat(browser.await(By.id("payment-banner")).getText())
          .contains("Wholesale payment failed");
      scrollTo(browser, panel);
      browser.screenshot("73-wholesale-reseller");

      Journeys.signIn(browser, "owner@omnireach.demo");
      browser.open("/console/finance");
      WebElement overdue = browser.await(By.id("overdue-resellers"));
      assertThat(overdue.getText()).contains("WsP Partners");
      String key = r + "-" + ofR.get("id").asLong();
      WebElement paid = browser.await(By.id("wholesale-paid-" + key));
      scrollTo(browser, paid);
      browser.screenshot("74-wholesale-owner");
      paid.click();
      browser.await(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
      browser.wait.until(d -> d.findElements(By.id("wholesale-paid-" + key)).isEmpty());
      scrollTo(browser, browser.await(By.id("wholesale-grid")));
      browser.screenshot("74b-wholesale-owner-paid");
    }
    assertThat(lastMonths(owner, r).get("status").asText()).isEqualTo("PAID");
  }

  @Test
  @Order(5)
  void paid_in_stripe_the_invoice_is_paid() throws Exception {
    JsonNode sent = lastMonths(rexP, p);
    JsonNode paid = stripe.invoiceWithStatus(sent.get("stripeInvoiceId").asText(), "paid");
    assertThat(
            StripeE2e.deliver(
                    StripeE2e.event("evt_wsp_" + RUN, "invoice.paid", Instant.now(), paid))
                .statusCode())
        .isEqualTo(200);
    assertThat(lastMonths(rexP, p).get("status").asText()).isEqualTo("PAID");
  }

  @Test
  void every_wholesale_endpoint_is_in_the_openapi_document() throws Exception {
    assertThat(E2e.get("/openapi", null).body())
        .contains(
            "/api/v1/finance/resellers/{resellerId}/invoices:",
            "/api/v1/finance/resellers/{resellerId}/invoices/{id}:",
            "/api/v1/finance/resellers/{resellerId}/invoices/{id}.pdf:",
            "/api/v1/finance/resellers/{resellerId}/invoices/{id}/{status}:",
            "ORW-2026-000003");
  }

  // ---- helpers ------------------------------------------------------------------------------

  static List<JsonNode> list(String token, long reseller) throws Exception {
    JsonNode arr = json(E2e.get("/api/v1/finance/resellers/" + reseller + "/invoices", token), 200);
    List<JsonNode> out = new java.util.ArrayList<>();
    arr.forEach(out::add);
    return out;
  }

  /** Waits for the scheduler to finalize last month's wholesale invoice of the reseller. */
  static JsonNode lastMonths(String token, long reseller) {
    return await("last month's wholesale invoice of " + reseller)
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                list(token, reseller).stream()
                    .filter(
                        i -> i.get("periodStart").asText().equals(LAST_MONTH.atDay(1).toString()))
                    .findFirst()
                    .orElse(null),
            i -> i != null && !i.get("status").asText().equals("DRAFT"));
  }

  static void problem(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(r.body()).get("detail").asText()).isNotBlank();
  }

  private static void scrollTo(Browser browser, WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }
}
