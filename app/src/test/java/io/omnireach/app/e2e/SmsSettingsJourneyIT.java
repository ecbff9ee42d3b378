package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Settings → SMS in the browser, in a workspace of its own: a bad number is refused on its field
 * with the reason and nothing is stored; a good one sets Twilio up, the panel shows the sender, cap
 * and the webhook addresses, and the API returns the same (the token never comes back).
 */
class SmsSettingsJourneyIT {

  static final String SID = "AC" + "5a".repeat(16);

  @BeforeAll
  static void ready() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void an_admin_sets_up_twilio_from_the_settings_page() throws Exception {
    StripeE2e.NewTenant tenant = StripeE2e.newTenant("sms");
    String admin = tenant.token();
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, tenant.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/settings");
      WebElement panel = browser.await(By.id("sms-settings"));
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", panel);
      browser.wait.until(d -> d.findElement(By.id("sms-status")).getText().equals("Not set up"));
      browser.screenshot("63-sms-settings-empty");

      Journeys.type(browser, "#sms-account-sid input", SID);
      Journeys.type(browser, "#sms-auth-token input", "twilio-secret-token");
      Journeys.type(browser, "#sms-from-number input", "0415 555 0177");
      browser.click(By.id("sms-save"));
      WebElement from = browser.driver.findElement(By.id("sms-from-number"));
      browser.wait.until(d -> "true".equals(from.getAttribute("invalid")));
      assertThat(from.getAttribute("errorMessage")).contains("E.164");
      assertThat(E2e.get("/api/v1/channels/sms", admin).statusCode()).isEqualTo(404);
      browser.screenshot("64-sms-settings-bad-number");

      Journeys.type(browser, "#sms-from-number input", "+14155550177");
      Journeys.type(browser, "#sms-daily-cap input", "500");
      browser.click(By.id("sms-save"));
      browser.wait.until(d -> d.findElement(By.id("sms-status")).getText().equals("Set up"));
      assertThat(browser.await(By.id("sms-sender")).getText()).isEqualTo("+14155550177");
      assertThat(panel.getText())
          .contains("500 SMS per day", E2e.BASE_URL + "/webhooks/twilio/sms")
          .doesNotContain("twilio-secret-token");
      browser.screenshot("65-sms-settings-set-up");
    }

    HttpResponse<String> saved = E2e.get("/api/v1/channels/sms", admin);
    assertThat(saved.statusCode()).isEqualTo(200);
    JsonNode s = new ObjectMapper().readTree(saved.body());
    assertThat(s.path("accountSid").asText()).isEqualTo(SID);
    assertThat(s.path("fromNumber").asText()).isEqualTo("+14155550177");
    assertThat(s.path("dailyCap").asInt()).isEqualTo(500);
    assertThat(s.path("authTokenSet").asBoolean()).isTrue();
    assertThat(saved.body()).doesNotContain("twilio-secret-token");
    // another workspace does not see them
    assertThat(E2e.get("/api/v1/channels/sms", E2e.token("admin@globex.demo")).body())
        .doesNotContain(SID);
  }
}
