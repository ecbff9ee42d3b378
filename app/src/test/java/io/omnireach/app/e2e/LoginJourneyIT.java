package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A person opens the branded login page, signs in and reaches the dashboard with real numbers. */
class LoginJourneyIT {

  @Test
  void the_demo_admin_signs_in_and_sees_the_branded_dashboard() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open("/login?tenant=acme");
      WebElement form = browser.await(By.id("login-form"));
      browser.await(By.cssSelector(".omni-login-brand-name"));
      assertThat(browser.driver.findElement(By.cssSelector(".omni-login-brand-name")).getText())
          .isEqualTo("Acme Demo");
      browser.screenshot("01-login");

      form.findElement(By.cssSelector("input[name=username]")).sendKeys("admin@acme.demo");
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
      form.findElement(By.cssSelector("vaadin-button")).click();

      WebElement team = browser.await(By.id("stat-team"));
      assertThat(Integer.parseInt(team.getText()))
          .isEqualTo(4); // Admin, Sales, Viewer and Finance of the demo seed
      assertThat(browser.driver.findElement(By.cssSelector(".omni-brand-name")).getText())
          .isEqualTo("Acme Demo");
      browser.screenshot("02-dashboard");

      browser.driver.findElement(By.id("theme-toggle")).click();
      browser.wait.until(
          d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("theme")));
      browser.screenshot("03-dashboard-dark");
    }
  }

  @Test
  void an_admin_manages_the_team_and_sees_only_her_own_tenant() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@globex.demo", null);
      browser.open("/settings");
      WebElement grid = browser.await(By.id("members-grid"));
      browser.wait.until(d -> grid.getText().contains("admin@globex.demo"));
      assertThat(grid.getText()).doesNotContain("acme.demo");
      assertThat(browser.driver.findElement(By.id("invite-button")).isDisplayed()).isTrue();
      browser.screenshot("05-settings-admin");
      // Globex's leads only (other tests may have added some, so it need not be empty)
      browser.open("/leads");
      browser.await(By.cssSelector(".omni-empty-card, #lead-total"));
      assertThat(browser.driver.findElement(By.tagName("body")).getText())
          .doesNotContain("acme.example", "Acme Demo");
      browser.screenshot("06-leads-globex");
    }
  }

  @Test
  void a_viewer_sees_the_team_but_no_controls_to_change_it() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "viewer@acme.demo", null);
      browser.open("/settings");
      WebElement grid = browser.await(By.id("members-grid"));
      browser.wait.until(d -> grid.getText().contains("admin@acme.demo"));
      assertThat(browser.driver.findElements(By.id("invite-button")))
          .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
      assertThat(grid.findElements(By.tagName("vaadin-select"))).isEmpty();
      browser.screenshot("07-settings-viewer");
    }
  }

  @Test
  void the_owner_lands_on_the_tenant_overview() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "owner@omnireach.demo", null);
      browser.wait.until(d -> d.getPageSource().contains("Platform tenants"));
      // the grid's rows arrive after the heading (and other tests add tenants to the list)
      WebElement grid = browser.await(By.id("tenants-grid"));
      browser.wait.until(
          d ->
              grid.getText().contains("Acme Demo")
                  && grid.getText().contains("Globex Corporation"));
      browser.screenshot("08-operator-home");
    }
  }

  private static void signIn(Browser browser, String email, String tenant) {
    browser.open(tenant == null ? "/login" : "/login?tenant=" + tenant);
    WebElement form = browser.await(By.id("login-form"));
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }

  @Test
  void a_wrong_password_shows_a_readable_error() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open("/login");
      WebElement form = browser.await(By.id("login-form"));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys("admin@acme.demo");
      form.findElement(By.cssSelector("input[name=password]")).sendKeys("not-the-password");
      form.findElement(By.cssSelector("vaadin-button")).click();
      browser.wait.until(d -> form.getDomAttribute("error") != null);
      assertThat(form.getText()).contains("Email or password is incorrect.");
      browser.screenshot("04-login-error");
    }
  }
}
