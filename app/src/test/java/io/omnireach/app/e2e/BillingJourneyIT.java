package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Billing in the browser: a tenant admin's plan card (usage against limits, the soft-limit warning)
 * and invoices (last month's finalized by the server, this month's draft, PDFs), and the finance
 * desk of the reseller and of the Owner (cards, chart, grid with totals, CSV).
 */
class BillingJourneyIT {

  static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.UTC);
  static final YearMonth LAST_MONTH = THIS_MONTH.minusMonths(1);

  @BeforeAll
  static void acme_and_globex_have_usage_and_acme_existed_last_month() throws Exception {
    Journeys.awaitReady();
    long acme = tenantId("acme");
    long globex = tenantId("globex");
    Instant now = Instant.now();
    Instant last = LAST_MONTH.atDay(12).atStartOfDay().toInstant(ZoneOffset.UTC);
    try (Connection c = BillingApiIT.database().getConnection()) {
      record(c, acme, Meter.EMAILS_SENT, 8_640, now);
      record(c, acme, Meter.AI_INPUT_TOKENS, 1_240_000, now);
      record(c, acme, Meter.AI_OUTPUT_TOKENS, 310_000, now);
      record(c, acme, Meter.WORKFLOW_STEPS, 52_300, now);
      record(c, globex, Meter.EMAILS_SENT, 3_150, now);
      record(c, globex, Meter.AI_INPUT_TOKENS, 420_000, now);
      record(c, acme, Meter.EMAILS_SENT, 11_870, last);
      try (PreparedStatement ps =
          c.prepareStatement("update platform.tenants set created_at = ? where slug = 'acme'")) {
        ps.setObject(1, LAST_MONTH.minusMonths(1).atDay(3).atStartOfDay().atOffset(ZoneOffset.UTC));
        ps.executeUpdate();
      }
    }
  }

  @Test
  void an_admin_sees_plan_limits_and_invoices_and_operators_see_the_finance_desk()
      throws Exception {
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/billing");
      WebElement plan = browser.await(By.id("plan-section"));
      assertThat(plan.getText()).contains("Team plan", "Billed by Demo Reseller");
      // the 8,640 recorded here plus any email another test of this run sent from acme
      java.util.regex.Matcher used =
          java.util.regex.Pattern.compile("([\\d,]+) of the 10,000 emails included")
              .matcher(plan.getText());
      assertThat(used.find()).as(plan.getText()).isTrue();
      assertThat(Integer.parseInt(used.group(1).replace(",", ""))).isBetween(8_640, 8_700);
      assertThat(browser.await(By.id("limit-workflow_steps")).getText()).contains("Overage");
      // the server's scheduler finalizes last month's invoice
      browser
          .waitFor(Duration.ofSeconds(90))
          .pollingEvery(Duration.ofSeconds(3))
          .until(
              d -> {
                browser.open("/billing");
                return browser.await(By.id("invoices-grid")).getText().contains("DEMO-");
              });
      WebElement invoices = browser.await(By.id("invoices-grid"));
      assertThat(invoices.getText()).contains("Draft", "Open");
      assertThat(browser.driver.findElements(By.cssSelector(".omni-invoice-pdf")))
          .allSatisfy(a -> assertThat(a.getAttribute("href")).isNotBlank());
      browser.screenshot("70-billing-plan-and-invoices");
      scrollTo(browser, invoices);
      browser.screenshot("70b-billing-invoices");

      Journeys.signIn(browser, "reseller@omnireach.demo");
      browser.open("/console/finance");
      WebElement grid = browser.await(By.id("finance-grid"));
      browser.wait.until(d -> d.findElement(By.id("finance-grid")).getText().contains("Globex"));
      assertThat(grid.getText()).contains("Acme Demo", "Total");
      assertThat(browser.await(By.id("finance-margin")).getText()).startsWith("$");
      assertThat(browser.await(By.id("finance-export")).getAttribute("href")).isNotBlank();
      browser.await(By.cssSelector("#finance-chart canvas"));
      browser.screenshot("71-finance-reseller");
      scrollTo(browser, grid);
      browser.screenshot("71b-finance-reseller-tenants");

      // last month Acme's invoice went out by hand: the reseller records the bank transfer
      scrollTo(browser, browser.driver.findElement(By.id("finance-month")));
      browser.click(By.id("finance-month"));
      browser.click(
          By.xpath(
              "//vaadin-select-item[@role='option' and normalize-space(.)='"
                  + LAST_MONTH.format(
                      java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH))
                  + "']"));
      browser.click(By.id("invoice-paid-acme"));
      browser.await(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
      browser.wait.until(
          d ->
              d.findElements(By.id("invoice-paid-acme")).isEmpty()
                  && d.findElement(By.id("finance-grid")).getText().contains("Paid"));
      browser.screenshot("71c-finance-reseller-invoice-paid");

      Journeys.signIn(browser, "owner@omnireach.demo");
      browser.open("/console/finance");
      WebElement all = browser.await(By.id("finance-grid"));
      browser.wait.until(
          d -> d.findElement(By.id("finance-grid")).getText().contains("Demo Reseller"));
      assertThat(all.getText()).contains("Reseller", "Acme Demo");
      browser.await(By.cssSelector("#finance-chart canvas"));
      browser.screenshot("72-finance-owner");

      Journeys.signIn(browser, "sales@acme.demo");
      browser.open("/billing");
      browser.wait.until(
          d ->
              d.findElement(By.tagName("body"))
                  .getText()
                  .contains("This page is not for your role"));
      assertThat(browser.driver.findElements(By.id("plan-section"))).isEmpty();
    }
  }

  private static void scrollTo(Browser browser, WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  private static void record(Connection c, long tenant, Meter meter, long quantity, Instant at)
      throws Exception {
    UsageLedger.ON.record(
        c, UsageEvent.of(tenant, meter, quantity, "journey:" + UUID.randomUUID(), at));
  }

  private static long tenantId(String slug) throws Exception {
    String owner = E2e.token("owner@omnireach.demo");
    return Long.parseLong(E2e.field(E2e.get("/api/v1/tenants/" + slug, owner).body(), "id"));
  }
}
