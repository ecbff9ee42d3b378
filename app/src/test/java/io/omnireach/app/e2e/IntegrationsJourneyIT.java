package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Settings → Integrations in the browser, in a workspace of its own: a bad URL is refused on its
 * field, a webhook to a local receiver is added with its secret shown once, and the test event
 * appears in the delivery log as delivered; another workspace does not see the webhook.
 */
class IntegrationsJourneyIT {

  private static WireMockServer receiver;

  @BeforeAll
  static void ready() throws Exception {
    Journeys.awaitReady();
    receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    receiver.start();
    receiver.stubFor(
        post(urlEqualTo("/crm")).willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  @AfterAll
  static void stop() {
    receiver.stop();
  }

  @Test
  void an_admin_adds_a_webhook_and_sees_its_deliveries() throws Exception {
    StripeE2e.NewTenant tenant = StripeE2e.newTenant("hooks");
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, tenant.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/settings");
      // the settings page builds every panel first: give a loaded machine time
      WebElement panel =
          Journeys.waitLong(browser).until(d -> d.findElement(By.id("integrations-settings")));
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", panel);
      assertThat(browser.await(By.id("webhook-list")).getText()).contains("No webhooks yet");

      browser.click(By.id("webhook-add"));
      Journeys.type(browser, "#webhook-url input", "ftp://hooks.example.com/x");
      browser.click(By.id("webhook-save"));
      WebElement url = browser.driver.findElement(By.id("webhook-url"));
      browser.wait.until(d -> "true".equals(url.getAttribute("invalid")));
      assertThat(url.getAttribute("errorMessage")).contains("https://");

      // a local receiver is allowed in dev mode (OMNIREACH_CHANNEL_ALLOW_PRIVATE_HOSTS)
      String hook = "http://127.0.0.1:" + receiver.port() + "/crm";
      Journeys.type(browser, "#webhook-url input", hook);
      browser.driver.findElements(By.cssSelector("#webhook-events vaadin-checkbox")).get(0).click();
      browser.driver.findElements(By.cssSelector("#webhook-events vaadin-checkbox")).get(2).click();
      browser.click(By.id("webhook-save"));
      String secret = browser.await(By.id("webhook-secret")).getText();
      assertThat(secret).startsWith("whsec_");
      browser.screenshot("90-integrations-webhook-secret");
      browser.driver.findElement(By.xpath("//vaadin-button[normalize-space()='Done']")).click();

      browser
          .driver
          .findElement(By.xpath("//vaadin-button[normalize-space()='Send test']"))
          .click();
      // the relay delivers within seconds; then the page shows it in the log
      org.awaitility.Awaitility.await("the test event delivered")
          .atMost(java.time.Duration.ofSeconds(60))
          .until(
              () -> E2e.get("/api/v1/webhook-deliveries?status=delivered", tenant.token()).body(),
              body -> body.contains("\"event\":\"ping\""));
      browser.open("/settings");
      WebElement log =
          Journeys.waitLong(browser)
              .until(
                  d -> {
                    WebElement grid = d.findElement(By.id("webhook-log"));
                    return grid.getText().contains("HTTP 200") ? grid : null;
                  });
      assertThat(log.getText()).contains("ping", "delivered");
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", log);
      browser.screenshot("91-integrations-delivery-log");
    }
    HttpResponse<String> mine = E2e.get("/api/v1/webhooks", tenant.token());
    assertThat(mine.body()).contains("/crm", "lead.created").doesNotContain("whsec_");
    assertThat(E2e.get("/api/v1/webhooks", E2e.token("admin@globex.demo")).body())
        .doesNotContain(":" + receiver.port() + "/crm");
  }
}
