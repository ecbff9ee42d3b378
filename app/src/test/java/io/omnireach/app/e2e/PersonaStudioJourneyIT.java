package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Persona Studio in the editor: pick a lead, see this persona's message next to another
 * persona's (each labelled with its writer and tone values), move a tone slider and see this
 * persona's side rewritten with the unsaved value, which stays unsaved.
 */
class PersonaStudioJourneyIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void an_admin_compares_two_personas_for_one_lead_and_tries_a_tone() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String company = "Fjord Freight " + tag;
    Journeys.lead(admin, "Nora", "Lindqvist", company);
    JsonNode sdr = persona(admin, "Friendly SDR");
    int savedFormality = sdr.get("tone").get("formality").asInt();

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/personas");
      browser.click(By.cssSelector(".omni-persona-card[data-persona='Friendly SDR']"));
      WebElement preview = browser.await(By.id("persona-preview"));
      assertThat(preview.getText()).containsIgnoringCase("Live preview").contains("Pick a lead");
      // below the fold of the editor: read it without scrolling the preview away
      assertThat(
              browser
                  .driver
                  .findElement(By.id("persona-voice-source"))
                  .getDomProperty("textContent"))
          .isEqualTo("Offline analysis");

      WebElement lead = browser.await(By.cssSelector("#persona-preview-lead input"));
      lead.sendKeys(company);
      browser.wait.until(
          d ->
              d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                  .anyMatch(i -> i.getText().contains(company)));
      browser.driver.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
          .filter(i -> i.getText().contains(company))
          .findFirst()
          .orElseThrow()
          .click();

      By mine = By.id("persona-preview-mine");
      By theirs = By.id("persona-preview-other-card");
      browser.wait.until(d -> d.findElement(mine).getText().contains("Nora"));

      // open the select as a click would (the dialog's own layer sits over its hit point)
      browser.driver.executeScript(
          "arguments[0].opened = true;",
          browser.driver.findElement(By.id("persona-preview-other")));
      browser.wait.until(
          d ->
              d.findElements(By.cssSelector("vaadin-select-item[role=option]")).stream()
                  .anyMatch(i -> i.getText().equals("Enterprise AE")));
      browser.driver.findElements(By.cssSelector("vaadin-select-item[role=option]")).stream()
          .filter(i -> i.getText().equals("Enterprise AE"))
          .findFirst()
          .ifPresent(i -> browser.driver.executeScript("arguments[0].click();", i));
      browser.wait.until(
          d ->
              d.findElement(theirs).getText().contains("Enterprise AE")
                  && d.findElement(theirs).getText().contains("Nora"));
      String mineText = browser.driver.findElement(mine).getText();
      String theirText = browser.driver.findElement(theirs).getText();
      assertThat(mineText)
          .contains("Friendly SDR", "Offline writer", "Formality " + savedFormality);
      assertThat(mineText).doesNotContain("unsaved");
      assertThat(theirText).contains("Offline writer");
      assertThat(body(browser, mine)).isNotEqualTo(body(browser, theirs));
      browser.screenshot("40-persona-studio-side-by-side");

      // a tone tried without saving: this persona's side is rewritten with it
      String before = body(browser, mine);
      int tried = savedFormality < 50 ? 95 : 5;
      slide(browser, "persona-tone-formality", tried);
      browser.wait.until(
          d ->
              d.findElement(mine).getText().contains("Formality " + tried)
                  && d.findElement(mine).getText().contains("unsaved"));
      assertThat(body(browser, mine)).isNotEqualTo(before);
      assertThat(browser.driver.findElement(theirs).getText()).doesNotContain("unsaved");
      browser.screenshot("41-persona-studio-tone-tried");

      browser.driver.executeScript(
          "arguments[0].click();", browser.driver.findElement(By.id("persona-preview-regenerate")));
      browser.wait.until(d -> d.findElement(mine).getText().contains("Formality " + tried));
    }
    assertThat(persona(admin, "Friendly SDR").get("tone").get("formality").asInt())
        .as("the preview saved nothing")
        .isEqualTo(savedFormality);
  }

  private static String body(Browser browser, By card) {
    return browser
        .driver
        .findElement(card)
        .findElement(By.className("omni-persona-preview-body"))
        .getText();
  }

  private static JsonNode persona(String token, String name) throws Exception {
    for (JsonNode p : JSON.readTree(E2e.get("/api/v1/personas", token).body()).get("items")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no persona " + name);
  }

  /** Sets a range input as a drag would: value, then the input and change events. */
  private static void slide(Browser browser, String id, int value) {
    browser.driver.executeScript(
        "const r = document.getElementById(arguments[0]); r.value = arguments[1];"
            + " r.dispatchEvent(new Event('input', {bubbles: true}));"
            + " r.dispatchEvent(new Event('change', {bubbles: true}));",
        id,
        Integer.toString(value));
  }
}
