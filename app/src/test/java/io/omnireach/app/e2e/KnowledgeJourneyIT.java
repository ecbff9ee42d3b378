package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A rep uploads account notes on the Knowledge page, watches them get indexed, searches them, sees
 * a broken file fail with its reason, and then a draft on the lead's page cites the notes.
 */
class KnowledgeJourneyIT {

  @Test
  void notes_are_uploaded_indexed_searched_and_cited_under_a_draft() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 5);
    String company = "Kramerica " + tag;
    Path notes = Files.createTempDirectory("kb").resolve(company + " account notes.md");
    Files.writeString(
        notes,
        "# "
            + company
            + "\n\n"
            + company
            + " is rolling out its oil tanker bladder system to three ports this spring.\n\n"
            + "Decision maker: Cosmo, who prefers short emails.",
        StandardCharsets.UTF_8);
    Path broken = Files.createTempDirectory("kb").resolve("scan-" + tag + ".pdf");
    Files.writeString(broken, "%PDF-1.4 not a real pdf", StandardCharsets.UTF_8);
    String sales = E2e.token("sales@acme.demo");
    String leadId = Journeys.lead(sales, "Cosmo", "Kramer", company);

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "sales@acme.demo");
      browser.open("/knowledge");
      WebElement upload = browser.await(By.id("knowledge-upload"));
      browser.screenshot("kb-01-knowledge-page");
      WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
      // both in one go: a second sendKeys would upload the first file again
      input.sendKeys(notes.toAbsolutePath() + "\n" + broken.toAbsolutePath());

      Journeys.waitLong(browser)
          .until(
              d -> {
                String grid = d.findElement(By.id("knowledge-documents")).getText();
                return grid.contains(company + " account notes.md")
                    && grid.contains("Ready")
                    && grid.contains("scan-" + tag + ".pdf")
                    && grid.contains("Failed");
              });
      assertThat(browser.driver.findElement(By.id("knowledge-documents")).getText())
          .contains("Not a readable PDF file");
      browser.screenshot("kb-02-indexed-and-failed");

      Journeys.type(browser, "#knowledge-query input", "What is " + company + " rolling out?");
      browser.click(By.id("knowledge-search"));
      browser.wait.until(
          d -> d.findElement(By.id("knowledge-hits")).getText().contains("oil tanker bladder"));
      String hits = browser.driver.findElement(By.id("knowledge-hits")).getText();
      assertThat(hits).contains(company + " account notes.md").containsPattern("0\\.\\d\\d");
      browser.screenshot("kb-03-search-hits");

      browser.open("/leads/" + leadId);
      browser.click(By.id("draft-write"));
      WebElement sources = browser.await(By.id("draft-sources"));
      assertThat(sources.getText()).contains(company + " account notes.md");
      String body =
          browser
              .driver
              .findElement(By.cssSelector("#draft-body textarea"))
              .getDomProperty("value");
      assertThat(body).contains("oil tanker bladder system");
      browser.screenshot("kb-04-draft-with-sources");

      // delete both documents again through the page
      browser.open("/knowledge");
      for (String name : new String[] {company + " account notes.md", "scan-" + tag + ".pdf"}) {
        browser.click(By.cssSelector("vaadin-button[aria-label='Delete " + name + "']"));
        browser.await(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
        browser.wait.until(
            d -> !d.findElement(By.id("knowledge-documents")).getText().contains(name));
      }
    }
    assertThat(E2e.get("/api/v1/knowledge/documents", sales).body()).doesNotContain(company);
  }
}
