package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An Admin opens a lead's Privacy dialog, exports the person's data (progress, then a download
 * link), erases them by typing their email (progress, then back to the leads list), and sets the
 * workspace's retention under Settings → Privacy.
 */
class PrivacyJourneyIT {

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void an_admin_exports_and_erases_a_person_and_sets_retention() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String email = "sven-" + UUID.randomUUID().toString().substring(0, 8) + "@fjord.example";
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/leads",
            admin,
            "{\"firstName\":\"Sven\",\"lastName\":\"Lund\",\"company\":\"Fjord Freight\","
                + "\"email\":\""
                + email
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String leadId = E2e.field(created.body(), "id");

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/leads/" + leadId);
      browser.click(By.id("lead-privacy"));
      browser.await(By.id("privacy-export"));

      browser.click(By.id("privacy-export"));
      browser.await(By.id("privacy-export-download"));
      assertThat(browser.driver.findElement(By.id("privacy-export-status")).getText())
          .startsWith("Export ready");
      assertThat(
              browser.driver.findElement(By.id("privacy-export-download")).getDomAttribute("href"))
          .isNotBlank();
      browser.screenshot("privacy-01-exported");

      // the erase button waits for the email typed out
      assertThat(browser.driver.findElement(By.id("privacy-erase")).getDomAttribute("disabled"))
          .isNotNull();
      Journeys.type(browser, "#privacy-erase-confirm input", email);
      browser.wait.until(
          d -> d.findElement(By.id("privacy-erase")).getDomAttribute("disabled") == null);
      browser.screenshot("privacy-02-confirm-erase");
      browser.click(By.id("privacy-erase"));
      browser.wait.until(d -> d.getCurrentUrl().endsWith("/leads"));
      assertThat(E2e.get("/api/v1/leads/" + leadId, admin).statusCode()).isEqualTo(404);

      browser.open("/settings");
      browser.await(By.id("privacy-settings"));
      Journeys.type(browser, "#retention-messages input", "24");
      Journeys.type(browser, "#retention-ai input", "30");
      browser.click(By.id("retention-save"));
      browser.wait.until(
          d -> d.findElement(By.id("privacy-retention-status")).getText().equals("Retention on"));
      browser.driver.executeScript("document.getElementById('privacy-settings').scrollIntoView()");
      browser.screenshot("privacy-03-retention");
    }
    String retention = E2e.get("/api/v1/privacy/retention", admin).body();
    assertThat(E2e.field(retention, "messageBodyMonths")).isEqualTo("24");
    assertThat(E2e.field(retention, "aiCacheDays")).isEqualTo("30");
    assertThat(E2e.send("PUT", "/api/v1/privacy/retention", admin, "{}").statusCode())
        .isEqualTo(200);
  }
}
