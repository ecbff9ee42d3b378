package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A sales rep imports a CSV through the wizard and sees the rows arrive. */
class LeadImportJourneyIT {

  @Test
  void a_csv_is_uploaded_mapped_imported_and_its_rows_listed() throws Exception {
    String tag = "ui" + UUID.randomUUID().toString().substring(0, 6);
    StringBuilder csv =
        new StringBuilder("Given Name;Surname;Work Email;Employer;Favourite Tool\n");
    for (int i = 0; i < 40; i++) {
      csv.append("Léa;Dupont")
          .append(i)
          .append(";lea.")
          .append(i)
          .append('.')
          .append(tag)
          .append("@import.example;Maison ")
          .append(tag)
          .append(";Figma\n");
    }
    csv.append("Broken;Row;not-an-email;X;Y\n");
    Path file = Files.createTempFile("leads-", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    try (Browser browser = new Browser()) {
      browser.open("/login");
      WebElement form = browser.await(By.id("login-form"));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys("sales@acme.demo");
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
      form.findElement(By.cssSelector("vaadin-button")).click();
      browser.await(By.cssSelector(".omni-brand-name"));

      browser.open("/leads/import");
      WebElement upload = browser.await(By.id("import-upload"));
      browser.screenshot("14-import-upload");
      WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
      input.sendKeys(file.toAbsolutePath().toString());

      browser.await(By.id("import-preview"));
      assertThat(browser.driver.findElement(By.cssSelector(".omni-import-facts")).getText())
          .contains("semicolon separated", "5 columns");
      browser.screenshot("15-import-mapping");
      browser.click(By.id("import-start"));

      browser.wait.until(
          d -> d.findElement(By.id("import-status")).getText().contains("Import finished"));
      assertThat(browser.driver.findElement(By.id("import-imported")).getText()).isEqualTo("40");
      assertThat(browser.driver.findElement(By.id("import-failed")).getText()).isEqualTo("1");
      browser.screenshot("16-import-done");

      browser.click(By.id("import-view-leads"));
      browser.await(By.cssSelector("#lead-search input")).sendKeys(tag);
      browser.wait.until(d -> d.findElement(By.id("lead-total")).getText().startsWith("40 "));
      browser.wait.until(
          d -> d.findElement(By.id("leads-grid")).getText().contains(tag + "@import.example"));
      browser.screenshot("17-imported-leads-in-grid");
    }
    String token = E2e.token("sales@acme.demo");
    String page = E2e.get("/api/v1/leads?q=" + tag + "&limit=50", token).body();
    assertThat(page.split("\"email\":\"lea\\.", -1)).hasSize(41);
    assertThat(page)
        .contains("\"firstName\":\"Léa\"", "\"customFields\":{\"Favourite Tool\":\"Figma\"}");
  }
}
