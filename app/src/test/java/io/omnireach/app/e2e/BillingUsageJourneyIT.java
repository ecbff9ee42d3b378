package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnireach.ui.billing.UsageCharts;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The finance desk in the browser: Finance signs in and lands on Billing — the only page in its
 * menu — sees the emails meter with the API's figure, switches the period, downloads the CSV, and
 * is told that sales pages are not for its role; Admins see Billing too, Sales do not.
 */
class BillingUsageJourneyIT {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void acme_has_sent_an_email_and_run_a_workflow() throws Exception {
    Journeys.awaitReady();
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String mailbox =
        "{\"name\":\"Billing journey "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"tls\":false,\"fromAddress\":\"elena@acme.example\",\"fromName\":\"Elena\"}";
    HttpResponse<String> box =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> E2e.send("POST", "/api/v1/mailboxes", admin, mailbox),
                r -> r.statusCode() != 500);
    assertThat(box.statusCode()).as(box.body()).isEqualTo(201);
    String lead = Journeys.lead(sales, "Fay", "Ledger", "Northwind");
    HttpResponse<String> sent =
        E2e.send(
            "POST",
            "/api/v1/leads/" + lead + "/messages",
            sales,
            "{\"mailboxId\":"
                + E2e.field(box.body(), "id")
                + ",\"subject\":\"Quarter close\",\"body\":\"Hi Fay, a short question.\"}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    String message = E2e.field(sent.body(), "id");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                E2e.field(E2e.get("/api/v1/messages/" + message, sales).body(), "status")
                    .equals("SENT"));
    String wf =
        Journeys.publish(
            sales,
            "{\"name\":\"Journey steps "
                + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},{\"id\":\"tag\","
                + "\"type\":\"update_lead\",\"config\":{\"addTag\":\"closing\"}},"
                + "{\"id\":\"e\",\"type\":\"end\"}],\"edges\":[{\"source\":\"s\",\"target\":\"tag\"},"
                + "{\"source\":\"tag\",\"target\":\"e\"}]}");
    Journeys.enrol(sales, wf, List.of(lead));
  }

  static long apiQuantity(String meter) throws Exception {
    return apiQuantity(meter, "");
  }

  static long apiQuantity(String meter, String query) throws Exception {
    JsonNode usage =
        JSON.readTree(
            E2e.get("/api/v1/billing/usage" + query, E2e.token("finance@acme.demo")).body());
    for (JsonNode m : usage.get("meters")) {
      if (m.get("meter").asText().equals(meter)) {
        return m.get("quantity").asLong();
      }
    }
    throw new AssertionError(meter);
  }

  static List<String> navItems(Browser browser) {
    return browser.driver.findElements(By.cssSelector(".omni-nav vaadin-side-nav-item")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .collect(Collectors.toList());
  }

  /** Waits until the chart's canvas stops changing (ECharts' entry animation is over). */
  static void chartSettled(Browser browser, String id) {
    String[] last = {""};
    browser
        .waitFor(Duration.ofSeconds(20))
        .pollingEvery(Duration.ofMillis(400))
        .until(
            d -> {
              String now =
                  (String)
                      browser.driver.executeScript(
                          "const c = document.querySelector('#' + arguments[0] + ' canvas');"
                              + "return c ? c.toDataURL() : '';",
                          id);
              boolean same = !now.isEmpty() && now.equals(last[0]);
              last[0] = now;
              return same;
            });
  }

  @Test
  void finance_lands_on_billing_sees_the_emails_meter_and_downloads_the_csv() throws Exception {
    long emails = apiQuantity("emails_sent");
    assertThat(emails).isPositive();
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "finance@acme.demo");
      browser.wait.until(ExpectedConditions.urlMatches("/billing$"));
      assertThat(navItems(browser)).containsExactly("Billing");
      assertThat(browser.await(By.id("meter-emails_sent")).getText().replace(",", ""))
          .isEqualTo(Long.toString(emails));
      assertThat(browser.await(By.id("card-emails_sent")).getText())
          .contains("Emails sent", "of 10,000 included");
      assertThat(browser.await(By.id("usage-days-left")).getText()).containsPattern("day");
      for (String chart : List.of("chart-usage-allowance", "chart-usage-trend")) {
        WebElement canvas = browser.await(By.cssSelector("#" + chart + " canvas"));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(200);
      }
      chartSettled(browser, "chart-usage-trend");
      browser.screenshot("90-billing-finance");
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'end'})",
          browser.driver.findElement(By.id("chart-usage-trend")));
      chartSettled(browser, "chart-usage-allowance");
      browser.screenshot("91-billing-finance-charts");

      browser.click(By.id("theme-toggle"));
      browser.wait.until(
          d -> "dark".equals(d.findElement(By.tagName("html")).getDomAttribute("theme")));
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'start'})",
          browser.driver.findElement(By.id("usage-section")));
      chartSettled(browser, "chart-usage-trend");
      browser.screenshot("92-billing-finance-dark");
      browser.click(By.id("theme-toggle"));

      // the CSV link streams this period's export, by day
      String href = browser.driver.findElement(By.id("export-day")).getDomProperty("href");
      HttpResponse<String> csv = download(browser, href);
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
      List<CSVRecord> rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(csv.body()))
              .getRecords();
      assertThat(rows.get(0).getParser().getHeaderNames())
          .containsExactly("day", "meter", "unit", "quantity");
      assertThat(
              rows.stream()
                  .filter(r -> r.get("meter").equals("emails_sent"))
                  .mapToLong(r -> Long.parseLong(r.get("quantity")))
                  .sum())
          .isEqualTo(emails);
      assertThat(
              download(
                      browser,
                      browser.driver.findElement(By.id("export-workflow")).getDomProperty("href"))
                  .body())
          .startsWith("day,meter,unit,workflow_id,workflow,quantity");

      // last month: another period, with what the API says of it (other journeys may add to it)
      YearMonth last = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
      String lastMonth =
          UsageCharts.number(
              apiQuantity("emails_sent", "?from=" + last.atDay(1) + "&to=" + last.atEndOfMonth()));
      browser.click(By.id("period-last-month"));
      browser.wait.until(
          d ->
              !d.findElement(By.id("usage-period")).getText().isBlank()
                  && d.findElement(By.id("meter-emails_sent")).getText().equals(lastMonth));
      assertThat(browser.driver.findElement(By.id("usage-days-left")).isDisplayed()).isFalse();
      browser.click(By.id("period-custom"));
      browser.await(By.id("usage-apply"));
      browser.screenshot("93-billing-finance-custom-period");

      // sales pages say they are not for Finance; home is billing
      for (String path : List.of("/workflows", "/analytics", "/settings", "/leads")) {
        browser.open(path);
        browser.wait.until(
            d ->
                d.findElement(By.tagName("body"))
                    .getText()
                    .contains("This page is not for your role"));
        assertThat(navItems(browser)).containsExactly("Billing");
      }
      browser.screenshot("94-billing-finance-no-leads");
      browser.open("/");
      browser.wait.until(ExpectedConditions.urlMatches("/billing$"));
      browser.await(By.id("usage-section"));
    }
  }

  @Test
  void admins_see_billing_and_sales_do_not() throws Exception {
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      assertThat(navItems(browser)).contains("Leads", "Billing", "Settings");
      browser.click(By.id("nav-billing"));
      browser.await(By.id("card-workflow_steps"));
      assertThat(browser.driver.getTitle()).startsWith("Billing");
      chartSettled(browser, "chart-usage-trend");
      browser.screenshot("95-billing-admin");

      // the role pickers offer Finance
      browser.open("/settings");
      browser.click(By.id("invite-button"));
      browser.await(By.id("invite-email"));
      browser.click(By.id("invite-role"));
      browser.wait.until(
          d ->
              d.findElements(By.cssSelector("vaadin-select-item")).stream()
                  .anyMatch(i -> i.getText().trim().equals("Finance")));
      browser.screenshot("96-billing-invite-finance");

      Journeys.signIn(browser, "sales@acme.demo");
      assertThat(navItems(browser)).contains("Leads").doesNotContain("Billing");
      browser.open("/billing");
      browser.wait.until(
          d ->
              d.findElement(By.tagName("body"))
                  .getText()
                  .contains("This page is not for your role"));
      assertThat(browser.driver.findElements(By.id("usage-section"))).isEmpty();
    }
  }

  /** Fetches a link of the page with the browser's session cookie. */
  static HttpResponse<String> download(Browser browser, String href) throws Exception {
    String cookies =
        browser.driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    URI uri = URI.create(browser.driver.getCurrentUrl()).resolve(href);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).header("Cookie", cookies).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
