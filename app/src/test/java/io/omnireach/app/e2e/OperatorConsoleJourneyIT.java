package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.omnireach.testing.FakeDnsZone;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The white-label operator journey in the browser: the Owner opens a reseller, the reseller brands
 * its instance (colour and an uploaded logo) and launches a tenant with the wizard; the first admin
 * gets the invitation email, joins on the branded invitation page and signs in on the tenant's own
 * verified domain, in the reseller's brand. And a reseller never sees another reseller's tenants.
 */
class OperatorConsoleJourneyIT {

  @RegisterExtension static GreenMailExtension smtp = SystemMails.greenMail();

  private static final String PASSWORD = "northwind-secret-42";
  private static final String ADMIN_PASSWORD = "contoso-admin-secret-7";

  @BeforeAll
  static void serverIsReady() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void the_owner_opens_a_reseller_who_brands_it_and_launches_a_tenant() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String resellerEmail = "ops-" + tag + "@northwind.example";
    String tenantName = "Contoso " + tag;
    String tenantSlug = "contoso-" + tag;
    String adminEmail = "it-" + tag + "@contoso.example";
    try (Browser browser = new Browser("--host-resolver-rules=MAP *.example 127.0.0.1")) {
      signIn(browser, "owner@omnireach.demo", E2e.DEMO_PASSWORD);
      browser.await(By.id("tenants-grid"));
      browser.screenshot("30-console-owner-tenants");

      createReseller(browser, "Northwind " + tag, resellerEmail);
      browser.wait.until(
          d -> d.findElement(By.id("resellers-grid")).getText().contains("Northwind " + tag));
      browser.screenshot("31-console-owner-resellers");

      signIn(browser, resellerEmail, PASSWORD);
      browser.await(By.id("new-tenant-empty"));
      browser.screenshot("32-console-reseller-first-run");

      // brand it: product name, a colour too light to be allowed, then a good one, and a logo
      browser.open("/console/brand");
      Journeys.type(browser, "#brand-product-name input", "Northwind Reach");
      Journeys.type(browser, "#primary-colour input", "#a5f3fc\n");
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("primary-colour-warning"), "Too light"));
      browser.screenshot("33-console-brand-contrast-warning");
      Journeys.type(browser, "#primary-colour input", "#0f766e\n");
      browser.wait.until(
          ExpectedConditions.invisibilityOfElementLocated(By.id("primary-colour-warning")));
      WebElement upload = browser.await(By.id("logo-upload"));
      upload
          .getShadowRoot()
          .findElement(By.cssSelector("input[type=file]"))
          .sendKeys(logo().toAbsolutePath().toString());
      browser.wait.until(
          d ->
              d.findElement(By.cssSelector("#reseller-brand-form .omni-brand-image"))
                  .getDomAttribute("src")
                  .contains("brand-assets/"));
      browser.click(By.id("save-brand"));
      browser.wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Brand saved"));
      // the shell takes the new brand at once
      browser.wait.until(
          d ->
              d.findElement(By.cssSelector(".omni-brand-name"))
                  .getText()
                  .equals("Northwind Reach"));
      browser.screenshot("34-console-reseller-brand");

      // the shell now carries the brand
      browser.open("/console/tenants");
      browser.wait.until(
          d ->
              d.findElement(By.cssSelector(".omni-brand-name"))
                  .getText()
                  .equals("Northwind Reach"));
      assertThat(browser.driver.getTitle()).isEqualTo("Tenants · Northwind Reach");
      assertThat(browser.await(By.cssSelector(".omni-brand-logo")).getDomAttribute("src"))
          .contains("brand-assets/");
      // no favicon uploaded: the tab shows the logo
      assertThat(
              (String)
                  browser.driver.executeScript(
                      "return document.querySelector('link[rel~=icon]').href"))
          .contains("/brand-assets/");

      // launch a tenant with the wizard
      browser.click(By.id("new-tenant-empty"));
      browser.await(By.id("tenant-name"));
      Journeys.type(browser, "#tenant-slug input", "acme");
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("slug-status"), "taken"));
      Journeys.type(browser, "#tenant-name input", tenantName);
      Journeys.type(browser, "#tenant-slug input", tenantSlug);
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("slug-status"), "available"));
      browser.screenshot("35-console-wizard-workspace");
      browser.click(By.id("wizard-next"));
      browser.click(By.id("plan-scale"));
      browser.wait.until(
          d -> "true".equals(d.findElement(By.id("plan-scale")).getDomAttribute("aria-checked")));
      browser.screenshot("36-console-wizard-plan");
      browser.click(By.id("wizard-next"));
      browser.await(By.id("primary-colour"));
      browser.click(By.id("wizard-next"));
      Journeys.type(browser, "#admin-email input", adminEmail);
      browser.screenshot("37-console-wizard-admin");
      browser.click(By.id("wizard-next"));
      WebElement sent = browser.await(By.id("invitation-sent"));
      assertThat(sent.getText()).isEqualTo("Invitation sent to " + adminEmail);
      browser.screenshot("38-console-wizard-done");
      browser.click(By.id("wizard-done"));

      WebElement grid = browser.await(By.id("tenants-grid"));
      browser.wait.until(d -> grid.getText().contains(tenantName));
      assertThat(grid.getText()).contains("Scale", "Active").doesNotContain("Acme Demo");
      browser.screenshot("39-console-reseller-tenants");

      // suspend it: the confirmation wants the slug typed
      browser.click(By.id("actions-" + tenantSlug));
      browser.click(By.id("suspend-" + tenantSlug));
      WebElement confirm = browser.await(By.id("confirm-action"));
      assertThat(confirm.getDomAttribute("disabled")).isNotNull();
      Journeys.type(browser, "#confirm-slug input", tenantSlug);
      browser.wait.until(
          d -> d.findElement(By.id("confirm-action")).getDomAttribute("disabled") == null);
      browser.screenshot("40-console-confirm-suspend");
      browser.click(By.id("confirm-action"));
      browser.wait.until(d -> grid.getText().contains("Suspended"));

      browser.driver.findElement(By.id("theme-toggle")).click();
      browser.wait.until(
          d -> "dark".equals(d.findElement(By.tagName("html")).getDomAttribute("theme")));
      browser.screenshot("41-console-reseller-tenants-dark");
      browser.open("/console/brand");
      browser.await(By.id("brand-preview"));
      browser.screenshot("42-console-reseller-brand-dark");
      browser.click(By.id("theme-toggle"));
      browser.wait.until(
          d -> !"dark".equals(d.findElement(By.tagName("html")).getDomAttribute("theme")));

      // resume it: no confirmation needed to undo a suspension
      browser.open("/console/tenants");
      browser.click(By.id("actions-" + tenantSlug));
      browser.click(By.id("resume-" + tenantSlug));
      browser.wait.until(d -> d.findElement(By.id("tenants-grid")).getText().contains("Active"));

      // the tenant's login page carries the reseller's brand
      browser.driver.manage().deleteAllCookies();
      browser.open("/login?tenant=" + tenantSlug);
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".omni-login-brand-name"), tenantName));
      assertThat(browser.await(By.cssSelector(".omni-login-logo")).getDomAttribute("src"))
          .contains("brand-assets/");
      browser.screenshot("43-console-tenant-login-branded");

      // the first admin's invitation arrives in the reseller's brand and leads to a branded page
      MimeMessage invitation = SystemMails.await(smtp, adminEmail, 1);
      assertThat(invitation.getSubject())
          .isEqualTo("You're invited to join " + tenantName + " on Northwind Reach");
      String token = SystemMails.token(invitation, "/accept-invitation");
      browser.driver.manage().deleteAllCookies();
      browser.open("/accept-invitation?token=" + token);
      assertThat(browser.await(By.id("invitation-summary")).getText())
          .contains("join " + tenantName + " as an Admin");
      assertThat(browser.await(By.cssSelector(".omni-login-brand-name")).getText())
          .isEqualTo(tenantName);
      assertThat(browser.await(By.id("login-foot")).getText())
          .isEqualTo("Northwind Reach · Powered by OmniReach");
      assertThat(browser.await(By.cssSelector("#invitation-email input")).getDomProperty("value"))
          .isEqualTo(adminEmail);
      assertThat(browser.driver.getTitle()).isEqualTo("Join " + tenantName + " · Northwind Reach");
      Journeys.type(browser, "#invitation-name input", "Ivo Admin");
      Journeys.type(browser, "#invitation-password input", ADMIN_PASSWORD);
      browser.screenshot("48-invitation-branded");
      browser.click(By.id("invitation-join"));
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".omni-login-notice"), "Your account is ready"));
      assertThat(browser.driver.findElements(By.id("demo-hint")))
          .as("the demo credentials are not advertised on a customer's page")
          .noneMatch(WebElement::isDisplayed);
      browser.open("/login");
      assertThat(browser.await(By.id("demo-hint")).isDisplayed())
          .as("but on the platform's own page in dev mode")
          .isTrue();
      // the link is single-use
      browser.open("/accept-invitation?token=" + token);
      assertThat(browser.await(By.id("invitation-unusable")).getText()).contains("expired");

      // the admin gives the workspace its own domain and signs in there
      String host = "app." + tag + ".contoso.example";
      String admin = E2e.token(adminEmail, ADMIN_PASSWORD, tenantSlug);
      var added = E2e.send("POST", "/api/v1/domains", admin, "{\"host\":\"" + host + "\"}");
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      JsonNode domain = SystemMails.json(added);
      try (FakeDnsZone zone = new FakeDnsZone(Integer.getInteger("omnireach.e2e.dns-port", 9053))) {
        zone.txt("_omnireach-challenge." + host, domain.get("token").asText());
        var verified =
            E2e.send(
                "POST", "/api/v1/domains/" + domain.get("id").asLong() + "/verify", admin, null);
        assertThat(SystemMails.json(verified).get("status").asText())
            .as(verified.body())
            .isEqualTo("VERIFIED");
      }
      browser.driver.manage().deleteAllCookies();
      browser.driver.get(
          "http://" + host + ":" + java.net.URI.create(E2e.BASE_URL).getPort() + "/login");
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".omni-login-brand-name"), tenantName));
      assertThat(browser.driver.getTitle()).isEqualTo("Sign in · " + tenantName);
      browser.screenshot("49-custom-domain-login");
      WebElement form = browser.await(By.id("login-form"));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys(adminEmail);
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(ADMIN_PASSWORD);
      form.findElement(By.cssSelector("vaadin-button")).click();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("brand-sub"), "Northwind Reach"));
      assertThat(browser.await(By.cssSelector(".omni-brand-name")).getText()).isEqualTo(tenantName);
      assertThat(browser.await(By.cssSelector(".omni-brand-logo")).getDomAttribute("src"))
          .contains("brand-assets/");
      assertThat(browser.driver.getCurrentUrl()).startsWith("http://" + host + ":");
      browser.screenshot("50-custom-domain-dashboard");
    }
  }

  @Test
  void a_reseller_never_sees_another_resellers_tenants() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String email = "ops-" + tag + "@fabrikam.example";
    try (Browser browser = new Browser()) {
      signIn(browser, "owner@omnireach.demo", E2e.DEMO_PASSWORD);
      createReseller(browser, "Fabrikam " + tag, email);
      browser.wait.until(
          d -> d.findElement(By.id("resellers-grid")).getText().contains("Fabrikam " + tag));
      // the Owner edits the reseller's brand, "Powered by" included (a plan term)
      browser.click(By.id("actions-fabrikam-" + tag));
      browser.click(By.id("brand-fabrikam-" + tag));
      WebElement poweredBy = browser.await(By.id("powered-by"));
      assertThat(poweredBy.getDomAttribute("readonly")).isNull();
      browser.screenshot("46-console-owner-edits-reseller-brand");

      signIn(browser, email, PASSWORD);
      browser.click(By.id("new-tenant-empty"));
      Journeys.type(browser, "#tenant-name input", "Fabrikam Client " + tag);
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("slug-status"), "available"));
      for (int step = 0; step < 3; step++) {
        browser.click(By.id("wizard-next"));
      }
      Journeys.type(browser, "#admin-email input", "admin-" + tag + "@fabrikam.example");
      browser.click(By.id("wizard-next"));
      browser.await(By.id("invitation-sent"));
      browser.click(By.id("wizard-done"));
      WebElement mine = browser.await(By.id("tenants-grid"));
      browser.wait.until(d -> mine.getText().contains("Fabrikam Client " + tag));
      assertThat(mine.getText()).doesNotContain("Acme Demo", "Globex Corporation");
      // a foreign tenant's actions are not reachable either: the demo tenants have no row here
      assertThat(browser.driver.findElements(By.id("actions-acme"))).isEmpty();

      signIn(browser, "reseller@omnireach.demo", E2e.DEMO_PASSWORD);
      WebElement theirs = browser.await(By.id("tenants-grid"));
      browser.wait.until(d -> theirs.getText().contains("Acme Demo"));
      assertThat(theirs.getText()).doesNotContain("Fabrikam Client " + tag);
      assertThat(browser.driver.findElements(By.id("actions-fabrikam-client-" + tag))).isEmpty();
      browser.screenshot("44-console-demo-reseller-tenants");

      browser.open("/console/resellers");
      browser.await(By.cssSelector(".omni-empty-card"));
      assertThat(browser.driver.findElement(By.tagName("body")).getText())
          .contains("This page is not for your role");

      // its own reseller deletes it, after typing the slug
      String slug = "fabrikam-client-" + tag;
      signIn(browser, email, PASSWORD);
      browser.click(By.id("actions-" + slug));
      browser.click(By.id("delete-" + slug));
      Journeys.type(browser, "#confirm-slug input", slug);
      browser.wait.until(
          d -> d.findElement(By.id("confirm-action")).getDomAttribute("disabled") == null);
      browser.click(By.id("confirm-action"));
      browser.await(By.id("new-tenant-empty"));
    }
  }

  @Test
  void a_tenant_admin_changes_only_the_brand_fields_the_reseller_allows() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@globex.demo", E2e.DEMO_PASSWORD);
      browser.open("/settings");
      WebElement panel = browser.await(By.id("tenant-branding"));
      // the Demo Reseller lets tenants change logo and primary colour, not the product name
      assertThat(browser.await(By.id("brand-product-name")).getDomAttribute("readonly"))
          .isNotNull();
      assertThat(panel.findElements(By.id("favicon-upload"))).isEmpty();
      assertThat(panel.findElements(By.id("logo-upload"))).hasSize(1);
      Journeys.type(browser, "#primary-colour input", "#9d174d\n");
      browser.click(By.id("save-tenant-branding"));
      browser.wait.until(
          d -> d.findElement(By.tagName("body")).getText().contains("Branding saved"));
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", panel);
      browser.screenshot("45-settings-tenant-branding");
      browser.open("/");
      browser.wait.until(
          d ->
              String.valueOf(
                      ((org.openqa.selenium.JavascriptExecutor) d)
                          .executeScript(
                              "return getComputedStyle(document.body)"
                                  + ".getPropertyValue('--lumo-primary-color').trim()"))
                  .equals("#9d174d"));

      // in dark mode, text in the brand colour becomes a lighter tint that reads on dark grey
      browser.click(By.id("theme-toggle"));
      browser.wait.until(
          d -> "dark".equals(d.findElement(By.tagName("html")).getDomAttribute("theme")));
      String tint =
          String.valueOf(
                  browser.driver.executeScript(
                      "return getComputedStyle(document.body)"
                          + ".getPropertyValue('--lumo-primary-text-color').trim()"))
              .toLowerCase(java.util.Locale.ROOT);
      assertThat(tint).startsWith("#").isNotEqualTo("#9d174d");
      browser.screenshot("47-tenant-dashboard-dark-brand-tint");
      browser.click(By.id("theme-toggle"));
      browser.wait.until(
          d -> !"dark".equals(d.findElement(By.tagName("html")).getDomAttribute("theme")));
    }
  }

  private static void createReseller(Browser browser, String name, String email) {
    browser.open("/console/resellers");
    browser.click(By.cssSelector("#new-reseller, #new-reseller-empty"));
    browser.await(By.id("reseller-name"));
    Journeys.type(browser, "#reseller-name input", name);
    Journeys.type(browser, "#reseller-user-name input", "Nora Operator");
    Journeys.type(browser, "#reseller-user-email input", email);
    Journeys.type(browser, "#reseller-user-password input", PASSWORD);
    browser.click(By.id("create-reseller"));
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reseller-name")));
    browser.wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-dialog-overlay")));
  }

  private static void signIn(Browser browser, String email, String password) {
    browser.driver.manage().deleteAllCookies();
    browser.open("/login");
    WebElement form;
    try {
      form = browser.await(By.id("login-form"));
    } catch (org.openqa.selenium.TimeoutException coldServer) {
      browser.open("/login"); // the first Vaadin page of a fresh server can take long here
      form = browser.await(By.id("login-form"));
    }
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }

  /** A small PNG logo: a teal rounded square with a white bar. */
  private static Path logo() throws Exception {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x0f, 0x76, 0x6e));
    g.fillRoundRect(0, 0, 64, 64, 18, 18);
    g.setColor(Color.WHITE);
    g.fillRoundRect(14, 26, 36, 12, 6, 6);
    g.dispose();
    Path file = Files.createTempFile("logo-", ".png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
