package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Settings → Calendly in the browser against the Calendly fake: a refused token shows Calendly's
 * reason on the field, a good one connects; a signed booking then shows on the lead's timeline;
 * Disconnect (confirmed) ends the connection.
 */
class CalendlyJourneyIT {

  static WireMockServer calendly;

  @BeforeAll
  static void start() throws Exception {
    Journeys.awaitReady();
    calendly = CalendlyApiIT.fake();
  }

  @AfterAll
  static void stop() {
    calendly.stop();
  }

  @Test
  void an_admin_connects_calendly_and_a_booking_shows_on_the_lead_page() throws Exception {
    String admin = E2e.token("admin@globex.demo");
    // another test may have connected Globex already: start from "not connected"
    E2e.send("DELETE", "/api/v1/channels/calendly", admin, null);
    String lead = Journeys.lead(admin, "Greta", "Lindqvist", "Initech");
    String email = E2e.field(E2e.get("/api/v1/leads/" + lead, admin).body(), "email");
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@globex.demo");
      browser.open("/settings");
      WebElement panel = browser.await(By.id("calendly-settings"));
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", panel);
      browser.wait.until(
          d -> d.findElement(By.id("calendly-status")).getText().equals("Not connected"));

      Journeys.type(browser, "#calendly-token input", "expired-token");
      browser.click(By.id("calendly-connect"));
      WebElement token = browser.driver.findElement(By.id("calendly-token"));
      browser.wait.until(d -> token.getDomAttribute("invalid") != null);
      assertThat(token.findElement(By.cssSelector("[slot='error-message']")).getText())
          .contains("Calendly refused the personal access token (401 Unauthorized");
      browser.screenshot("60-calendly-refused-token");

      Journeys.type(browser, "#calendly-token input", CalendlyApiIT.GLOBEX_TOKEN);
      browser.click(By.id("calendly-connect"));
      browser.wait.until(
          d -> d.findElement(By.id("calendly-status")).getText().equals("Connected"));
      assertThat(browser.await(By.id("calendly-scheduling-url")).getText())
          .isEqualTo("https://calendly.com/globex-rep/intro");
      assertThat(panel.getText())
          .contains(
              "•••• "
                  + CalendlyApiIT.GLOBEX_TOKEN.substring(CalendlyApiIT.GLOBEX_TOKEN.length() - 4))
          .contains(E2e.BASE_URL + "/webhooks/calendly")
          .doesNotContain(CalendlyApiIT.GLOBEX_TOKEN);
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", panel);
      browser.screenshot("61-calendly-connected");

      Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
      byte[] booking =
          CalendlyApiIT.invitee(
              "invitee.created", "GLOBEXUSER", "INVJ" + lead, email, "lead-" + lead, start);
      HttpResponse<String> applied =
          CalendlyApiIT.signed(CalendlyApiIT.signingKey("GLOBEXUSER"), booking);
      assertThat(applied.headers().firstValue("X-OmniReach-Outcome")).hasValue("APPLIED");

      browser.open("/leads/" + lead);
      WebElement timeline = browser.await(By.id("lead-timeline"));
      browser.wait.until(d -> timeline.getText().contains("Meeting booked on Calendly"));
      assertThat(timeline.getText()).contains("30 Minute Meeting on", "Booked");
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", timeline);
      browser.screenshot("62-calendly-lead-timeline");

      browser.open("/settings");
      browser.click(By.id("calendly-disconnect"));
      browser.await(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
      browser.wait.until(
          d -> d.findElement(By.id("calendly-status")).getText().equals("Not connected"));
      assertThat(E2e.get("/api/v1/channels/calendly", admin).statusCode()).isEqualTo(404);
    }
  }
}
