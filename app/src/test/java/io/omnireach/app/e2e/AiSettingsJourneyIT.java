package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Settings → AI in the browser: "Offline generator" without a key; Admins edit, others read. */
class AiSettingsJourneyIT {

  @Test
  void an_admin_sees_the_offline_generator_and_changes_the_budget() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@globex.demo");
      browser.open("/settings");
      WebElement status = browser.await(By.id("ai-generator-status"));
      browser.wait.until(d -> status.getText().contains("Offline generator"));
      assertThat(browser.await(By.id("ai-usage")).getText()).contains("AI usage this month");
      WebElement budget = browser.await(By.cssSelector("#ai-budget input"));
      budget.sendKeys(Keys.chord(Keys.CONTROL, "a"), "123456", Keys.TAB);
      browser.click(By.id("ai-save"));
      browser.wait.until(d -> d.getPageSource().contains("AI settings saved."));
      browser.wait.until(
          d -> d.findElement(By.id("ai-usage")).getText().contains("of 123,456 tokens"));
      browser.screenshot("30-settings-ai-admin");
      assertThat(E2e.get("/api/v1/settings/ai", E2e.token("admin@globex.demo")).body())
          .contains("\"monthlyTokenBudget\":123456", "\"keyConfigured\":false");
    }
  }

  @Test
  void a_viewer_reads_a_summary_without_controls() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "viewer@acme.demo");
      browser.open("/settings");
      WebElement status = browser.await(By.id("ai-generator-status"));
      browser.wait.until(d -> status.getText().contains("Offline generator"));
      assertThat(browser.driver.findElement(By.id("ai-settings")).getText())
          .contains("offline generator", "AI usage this month");
      assertThat(browser.driver.findElements(By.id("ai-save"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("ai-api-key"))).isEmpty();
      // what AI costs per workflow needs billing.read, as GET /api/v1/ai/costs
      assertThat(browser.driver.findElements(By.id("ai-costs"))).isEmpty();
      browser.screenshot("31-settings-ai-viewer");
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
