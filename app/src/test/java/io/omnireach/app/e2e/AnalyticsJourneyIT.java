package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * After a real send, /analytics shows the headline cards and ECharts charts drawn by the
 * runtime-loaded {@code <omni-chart>} element, and the Channels section (grouped bars, tables per
 * channel and per step); a tenant that sent nothing sees the empty state.
 */
class AnalyticsJourneyIT {

  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  @Test
  void analytics_draw_charts_after_a_send_and_an_empty_state_before() throws Exception {
    AnalyticsApiIT.sendOne(E2e.token("admin@acme.demo"), smtp, SMTP_PASSWORD);
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@acme.demo");
      browser.open("/analytics");
      browser.await(By.id("kpi-replied"));
      assertThat(Long.parseLong(browser.await(By.id("kpi-sent")).getText().replace(",", "")))
          .isPositive();
      browser.await(By.id("kpi-meetings"));
      for (String chart : new String[] {"chart-daily", "chart-mailboxes"}) {
        WebElement canvas = browser.await(By.cssSelector("#" + chart + " canvas"));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(100);
        assertThat(canvas.getSize().getHeight()).isGreaterThan(100);
      }
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'end'})",
          browser.driver.findElement(By.id("chart-daily")));
      browser.screenshot("50-analytics"); // waits out ECharts' entry animation

      browser.click(By.id("range-7"));
      browser.wait.until(
          d ->
              d.findElement(By.id("range-7")).getDomAttribute("theme") != null
                  && d.findElement(By.id("range-7")).getDomAttribute("theme").contains("primary"));
      browser.await(By.cssSelector("#chart-daily canvas"));

      // Channels: a grouped bar chart and tables per channel and per step
      WebElement section = browser.await(By.id("analytics-channels-section"));
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", section);
      WebElement bars = browser.await(By.cssSelector("#chart-channels canvas"));
      assertThat(bars.getSize().getWidth()).isGreaterThan(100);
      String table = browser.await(By.id("analytics-channels")).getText();
      assertThat(table).contains("Email", "SMS", "LinkedIn", "Call");
      browser.await(By.cssSelector("#analytics-steps, #analytics-steps-empty"));
      // the channel chart draws without an entry animation: no wait before the screenshot
      browser.screenshot("52-analytics-channels");
    }
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@globex.demo");
      browser.open("/analytics");
      assertThat(browser.await(By.id("analytics-empty")).getText()).contains("Nothing sent");
      assertThat(browser.driver.findElements(By.tagName("omni-chart"))).isEmpty();
      browser.screenshot("51-analytics-empty");
    }
  }

  private static void signIn(Browser browser, String email) {
    browser.open("/login");
    WebElement form = browser.await(By.id("login-form"));
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }
}
