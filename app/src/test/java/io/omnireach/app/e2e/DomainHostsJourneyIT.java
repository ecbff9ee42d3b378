package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.testing.FakeDnsZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * Host spoofing in a real browser: Chromium maps every *.example and *.test name to this server
 * (--host-resolver-rules), so the login page is requested with exactly the Host header a person
 * would send. Only a verified custom domain, or a slug under the base domain
 * (tenants.omnireach.test in the e2e server.env), shows a tenant's brand.
 */
class DomainHostsJourneyIT {

  static final int PORT = java.net.URI.create(E2e.BASE_URL).getPort();
  static FakeDnsZone zone;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    Journeys.awaitReady();
    zone = new FakeDnsZone(Integer.getInteger("omnireach.e2e.dns-port", 9053));
    admin = E2e.token("admin@acme.demo");
  }

  @AfterAll
  static void stop() {
    zone.close();
  }

  static Browser browser() {
    return new Browser("--host-resolver-rules=MAP *.example 127.0.0.1, MAP *.test 127.0.0.1");
  }

  static String brandOn(Browser browser, String host, String query) {
    browser.driver.manage().deleteAllCookies();
    browser.driver.get("http://" + host + ":" + PORT + "/login" + query);
    return browser.await(By.cssSelector(".omni-login-brand-name")).getText();
  }

  static JsonNode addDomain(String host) throws Exception {
    var r = E2e.send("POST", "/api/v1/domains", admin, "{\"host\":\"" + host + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return DomainsApiIT.JSON.readTree(r.body());
  }

  static void verify(JsonNode domain) throws Exception {
    zone.txt("_omnireach-challenge." + domain.get("host").asText(), domain.get("token").asText());
    var r =
        E2e.send("POST", "/api/v1/domains/" + domain.get("id").asLong() + "/verify", admin, null);
    assertThat(DomainsApiIT.JSON.readTree(r.body()).get("status").asText())
        .as(r.body())
        .isEqualTo("VERIFIED");
  }

  @Test
  void only_a_verified_host_or_a_base_domain_slug_shows_the_tenants_brand() throws Exception {
    addDomain("pending.acme-hosts.example");
    verify(addDomain("login.acme-hosts.example"));
    try (Browser browser = browser()) {
      assertThat(brandOn(browser, "acme.evil.example", "")).isEqualTo("OmniReach");
      browser.screenshot("domains-01-spoofed-host-neutral");
      assertThat(brandOn(browser, "acme.evil.example", "?tenant=acme"))
          .as("a ?tenant= hint on a host nobody verified")
          .isEqualTo("OmniReach");
      assertThat(brandOn(browser, "pending.acme-hosts.example", "")).isEqualTo("OmniReach");
      assertThat(brandOn(browser, "login.acme-hosts.example", "")).isEqualTo("Acme Demo");
      assertThat(brandOn(browser, "login.acme-hosts.example", "?tenant=globex"))
          .as("the host's tenant wins over a hint")
          .isEqualTo("Acme Demo");
      browser.screenshot("domains-02-verified-host-branded");
      assertThat(brandOn(browser, "globex.tenants.omnireach.test", ""))
          .isEqualTo("Globex Corporation");
      assertThat(brandOn(browser, "nobody.tenants.omnireach.test", "")).isEqualTo("OmniReach");
      assertThat(brandOn(browser, "localhost", "?tenant=acme"))
          .as("the platform's own host keeps the documented ?tenant= link")
          .isEqualTo("Acme Demo");
    }
  }

  @Test
  void signing_in_on_a_verified_host_signs_in_to_that_tenant_only() throws Exception {
    verify(addDomain("team.acme-hosts.example"));
    try (Browser browser = browser()) {
      brandOn(browser, "team.acme-hosts.example", "");
      WebElement form = browser.await(By.id("login-form"));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys("admin@globex.demo");
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
      form.findElement(By.cssSelector("vaadin-button")).click();
      browser.wait.until(
          d ->
              d.findElement(By.id("login-form"))
                  .getText()
                  .contains("You are not a member of tenant 'acme'."));

      brandOn(browser, "team.acme-hosts.example", "");
      form = browser.await(By.id("login-form"));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys("admin@acme.demo");
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
      form.findElement(By.cssSelector("vaadin-button")).click();
      assertThat(browser.await(By.cssSelector(".omni-brand-name")).getText())
          .isEqualTo("Acme Demo");
    }
  }

  @Test
  void an_admin_adds_verifies_and_removes_a_domain_in_settings() throws Exception {
    JsonNode failed = addDomain("broken.acme-ui.example");
    E2e.send("POST", "/api/v1/domains/" + failed.get("id").asLong() + "/verify", admin, null);
    try (Browser browser = browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/settings");
      browser.click(By.id("domain-add"));
      Journeys.type(browser, "#domain-host input", "10.1.2.3");
      browser.click(By.id("domain-save"));
      browser.wait.until(
          d ->
              "IP addresses cannot be custom domains: use a name."
                  .equals(d.findElement(By.id("domain-host")).getAttribute("errorMessage")));
      Journeys.type(browser, "#domain-host input", "app.acme-ui.example");
      browser.click(By.id("domain-save"));
      By card = By.cssSelector(".omni-domain-card[data-host='app.acme-ui.example']");
      WebElement added = browser.await(card);
      assertThat(added.getText())
          .contains("Pending", "CNAME", "_omnireach-challenge.app.acme-ui.example");

      String token =
          DomainsApiIT.JSON
              .readTree(E2e.get("/api/v1/domains", admin).body())
              .get("items")
              .findValues("token")
              .stream()
              .map(JsonNode::asText)
              .filter(t -> added.getText().contains(t))
              .findFirst()
              .orElseThrow();
      zone.txt("_omnireach-challenge.app.acme-ui.example", token);
      browser.click(
          By.cssSelector(".omni-domain-card[data-host='app.acme-ui.example'] .domain-verify"));
      browser.wait.until(d -> d.findElement(card).getText().contains("Verified"));
      WebElement panel = browser.await(By.id("domains-settings"));
      // the toasts of the steps above would cover the records in the picture
      browser.driver.executeScript(
          "document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false);"
              + " arguments[0].scrollIntoView({block: 'start'})",
          panel);
      browser.screenshot("domains-03-settings");
      Path dir = Path.of(System.getProperty("omnireach.screenshots", "target/screenshots"));
      Files.copy(
          panel.getScreenshotAs(OutputType.FILE).toPath(),
          dir.resolve("domains-04-settings-panel.png"),
          StandardCopyOption.REPLACE_EXISTING);
      assertThat(panel.getText()).contains("broken.acme-ui.example", "Not verified");
      browser.click(By.id("theme-toggle"));
      browser.wait.until(
          d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("theme")));
      Files.copy(
          panel.getScreenshotAs(OutputType.FILE).toPath(),
          dir.resolve("domains-05-settings-panel-dark.png"),
          StandardCopyOption.REPLACE_EXISTING);
      browser.click(By.id("theme-toggle"));

      browser.click(
          By.cssSelector(".omni-domain-card[data-host='app.acme-ui.example'] .domain-remove"));
      browser.await(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
      browser.wait.until(d -> d.findElements(card).isEmpty());
      assertThat(DomainsApiIT.hosts(admin)).doesNotContain("app.acme-ui.example");
    }
  }
}
