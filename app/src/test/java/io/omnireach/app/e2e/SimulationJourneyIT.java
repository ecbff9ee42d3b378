package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.tenant.TenantSchema;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A sales manager simulates a workflow from the builder: picks the first three leads, scripts a
 * reply for the first, and reads the result page — progress, the chart, the blocked offer with its
 * excerpt marked, the exports — while nothing was sent; another workspace's user gets "not found"
 * for the same link.
 */
class SimulationJourneyIT {

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void a_workflow_is_simulated_from_the_builder_and_the_result_is_shared_inside_the_tenant()
      throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("simjr");
    String admin = t.token();
    String mailbox = PolicyJourneyIT.HttpMailbox.create(admin);
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/policies",
                    admin,
                    "{\"kind\":\"max_discount\",\"percent\":15,\"severity\":\"block\"}")
                .statusCode())
        .isEqualTo(201);
    Journeys.lead(admin, "Maria", "Garcia", "Northwind");
    Journeys.lead(admin, "Omar", "Haddad", "Contoso");
    Journeys.lead(admin, "Lena", "Berg", "Fabrikam");
    String wf = SimulationApiIT.workflow(admin, mailbox);

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, t.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/workflows/" + wf + "/edit");
      browser.click(By.id("workflow-simulate"));
      browser.await(By.id("simulate-run"));
      Journeys.type(browser, "#simulate-first-n input", "3");
      browser.click(By.id("simulate-add-reply"));
      browser.await(By.id("simulate-reply-day-1"));
      Journeys.type(browser, "#simulate-reply-day-1 input", "1");
      browser.screenshot("simulation-01-dialog");
      browser.click(By.id("simulate-run"));

      browser
          .waitFor(Duration.ofSeconds(60))
          .until(d -> d.findElement(By.id("simulation-status")).getText().equalsIgnoreCase("done"));
      WebElement blocked = browser.await(By.id("simulation-blocked"));
      assertThat(blocked.getText()).startsWith("2");
      assertThat(browser.await(By.id("simulation-blocked-by")).getText())
          .contains("Discounts up to 15%");
      assertThat(browser.driver.findElements(By.id("simulation-export-csv"))).hasSize(1);
      // the blocked leads' timelines open with the offending excerpt marked
      WebElement mark = browser.await(By.cssSelector("#simulation-leads .omni-policy-text mark"));
      assertThat(mark.getText()).isEqualTo("20% off");
      browser.screenshot("simulation-02-result");
      browser.driver.executeScript("document.getElementById('simulation-leads').scrollIntoView()");
      browser.screenshot("simulation-03-timelines");
      String url = browser.driver.getCurrentUrl();
      String path = url.substring(url.indexOf("/simulations/"));

      String schema = TenantSchema.schemaFor(t.slug());
      assertThat(
              StripeE2e.count(
                  "select count(*) from " + schema + ".messages where ?::text is not null", "x"))
          .isZero();

      // the link inside another workspace: not found
      StripeE2e.NewTenant other = StripeE2e.newTenant("simjro");
      browser.driver.manage().deleteAllCookies();
      Journeys.signIn(browser, other.adminEmail(), StripeE2e.PASSWORD);
      browser.open(path);
      browser.wait.until(d -> d.getPageSource().contains("Simulation not found"));
      browser.screenshot("simulation-04-other-tenant");
    }
  }
}
