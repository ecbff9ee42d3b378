package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A workspace admin signs in, changes a policy, and finds both in the Audit log: filters by action,
 * verifies the chain and sees the CSV link; a Sales member has no Audit log. The Owner finds the
 * same entries in the console's platform audit log, narrowed to the tenant.
 */
class AuditJourneyIT {

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void an_admin_searches_and_verifies_the_audit_log_and_the_owner_sees_it_platform_wide()
      throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("audjr");
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, t.adminEmail(), StripeE2e.PASSWORD);
      String token = t.token();
      assertThat(
              E2e.send(
                      "POST",
                      "/api/v1/policies",
                      token,
                      "{\"kind\":\"forbidden_phrase\",\"phrases\":[\"guarantee\"]}")
                  .statusCode())
          .isEqualTo(201);

      browser.click(By.id("nav-audit"));
      browser.await(By.id("audit-grid"));
      browser.wait.until(
          d -> {
            String grid = d.findElement(By.id("audit-grid")).getText();
            return grid.contains("auth.sign-in") && grid.contains("policy.create");
          });
      assertThat(browser.driver.findElement(By.id("audit-grid")).getText())
          .contains(t.adminEmail());
      browser.screenshot("audit-01-log");

      Journeys.type(browser, "#audit-action input", "policy.");
      browser.driver.findElement(By.cssSelector("#audit-action input")).sendKeys(Keys.ENTER);
      browser.wait.until(
          d -> !d.findElement(By.id("audit-grid")).getText().contains("auth.sign-in"));
      assertThat(browser.driver.findElement(By.id("audit-grid")).getText())
          .contains("policy.create", "guarantee");

      browser.click(By.id("audit-verify"));
      browser.wait.until(
          d -> d.findElement(By.id("audit-verification")).getText().contains("Chain intact"));
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("#audit-verification [data-ok]"))
                  .getDomAttribute("data-ok"))
          .isEqualTo("true");
      assertThat(browser.driver.findElement(By.id("audit-csv")).getDomAttribute("href"))
          .isNotBlank();
      browser.screenshot("audit-02-filtered-verified");

      // a Sales member has no audit log
      Journeys.signIn(browser, "sales@acme.demo");
      assertThat(browser.driver.findElements(By.id("nav-audit"))).isEmpty();

      // the Owner's console: every tenant's entries, narrowed to this one
      Journeys.signIn(browser, "owner@omnireach.demo");
      browser.click(By.id("nav-audit"));
      browser.await(By.id("audit-grid"));
      Journeys.type(browser, "#audit-tenant input", t.slug());
      browser.wait.until(
          d -> {
            String grid = d.findElement(By.id("audit-grid")).getText();
            // only this tenant's entries: the demo tenants' and the platform's are filtered out
            return grid.contains("policy.create")
                && grid.contains(t.adminEmail())
                && !grid.contains("sales@acme.demo")
                && !grid.contains("platform");
          });
      browser.screenshot("audit-03-platform");
    }
  }
}
