package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** People meet the seeded personas as cards, create one in the editor, and Viewers only read. */
class PersonasJourneyIT {

  private static final List<String> SEEDED =
      List.of("Enterprise AE", "Founder-to-Founder", "Friendly SDR");

  @Test
  void an_admin_sees_the_seeded_personas_and_creates_one_in_the_editor() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@acme.demo");
      browser.open("/personas");
      for (String name : SEEDED) {
        browser.await(card(name));
      }
      assertThat(browser.driver.findElement(card("Enterprise AE")).getText())
          .contains("Enterprise Account Executive", "Logistics", "Email", "EN");
      browser.screenshot("20-personas");

      browser.await(By.id("new-persona")).click();
      WebElement name = browser.await(By.cssSelector("#persona-name input"));
      name.sendKeys("friendly sdr");
      browser.driver.findElement(By.id("persona-save")).click();
      browser.wait.until(
          d -> d.findElement(By.id("persona-name")).getDomAttribute("invalid") != null);
      assertThat(browser.driver.findElement(By.id("persona-name")).getText())
          .contains("already exists");

      name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Calm Closer");
      browser
          .driver
          .findElement(By.cssSelector("#persona-role input"))
          .sendKeys("Account Executive, Mid-Market");
      WebElement formality = browser.driver.findElement(By.id("persona-tone-formality"));
      for (int i = 0; i < 30; i++) {
        formality.sendKeys(Keys.ARROW_LEFT);
      }
      slide(browser, "persona-tone-detail", 72);
      slide(browser, "persona-tone-warmth", 35);
      WebElement industries =
          browser.driver.findElement(By.cssSelector("#persona-industries input"));
      industries.sendKeys("Robotics", Keys.ENTER);
      industries.sendKeys(Keys.TAB);

      inView(browser, By.id("persona-value-props-add")).click();
      inView(browser, By.cssSelector("#persona-value-props textarea"))
          .sendKeys("Fewer no-shows: reminders go out on the channel each lead answers.");
      browser
          .driver
          .findElement(By.cssSelector("#persona-samples textarea"))
          .sendKeys(
              "Hi {{first_name}}, saw {{company}} is opening a second site. Teams like yours"
                  + " usually lose a day a week to status updates; happy to show how others"
                  + " got it back. Worth 15 minutes next week?");
      browser
          .driver
          .findElement(By.cssSelector("#persona-signature textarea"))
          .sendKeys("Best,\nJordan Lee\nAccount Executive, Acme");
      browser.wait.until(
          d ->
              d.findElement(By.cssSelector(".omni-persona-slider-value"))
                  .getText()
                  .startsWith("20 "));
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'end'})",
          browser.driver.findElement(By.cssSelector("#persona-samples textarea")));
      browser.screenshot("21-persona-editor");

      browser.driver.findElement(By.id("persona-save")).click();
      WebElement created = browser.await(card("Calm Closer"));
      assertThat(created.getText())
          .contains("Account Executive, Mid-Market", "Robotics", "1 sample", "1 value prop");
      assertThat(browser.driver.findElements(By.cssSelector(".omni-persona-card")))
          .hasSizeGreaterThanOrEqualTo(4);
      browser.screenshot("22-personas-created");

      created.click();
      WebElement role = browser.await(By.cssSelector("#persona-role input"));
      role.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Senior Account Executive");
      slide(browser, "persona-tone-warmth", 90);
      browser.driver.findElement(By.id("persona-save")).click();
      // the card is re-rendered after the save: a stale element is retried, not a failure
      browser.wait.until(
          d -> {
            try {
              return d.findElement(card("Calm Closer"))
                  .getText()
                  .contains("Senior Account Executive");
            } catch (StaleElementReferenceException e) {
              return false;
            }
          });

      browser.driver.findElement(card("Calm Closer")).click();
      browser.await(By.id("persona-delete")).click();
      browser.await(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
      browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(card("Calm Closer")));
      for (String seeded : SEEDED) {
        assertThat(browser.driver.findElements(card(seeded))).hasSize(1);
      }
    }
  }

  @Test
  void an_admin_adds_a_sample_from_a_file_exports_and_imports_a_persona() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String name = "Studio " + System.nanoTime() % 100000;
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/personas",
            admin,
            "{\"name\":\"" + name + "\",\"role\":\"Account Executive\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    Path sample = Files.createTempFile("sample-", ".txt");
    Files.writeString(sample, "Hi Dana,\n\nquick one: worth a chat next week?\n\nCheers,\nSam");
    Path block = Files.createTempFile("persona-", ".json");
    Files.writeString(
        block,
        E2e.get("/api/v1/personas/" + E2e.field(created.body(), "id") + "/export", admin).body());

    try (Browser browser = new Browser()) {
      signIn(browser, "admin@acme.demo");
      browser.open("/personas");
      browser.click(card(name)); // scrolled into view: other tests add personas
      WebElement upload = browser.await(By.id("persona-sample-upload"));
      assertThat(inView(browser, By.id("persona-voice")).getText())
          .contains("Offline analysis", "Save a writing sample");
      assertThat(browser.driver.findElement(By.id("persona-export")).getDomAttribute("href"))
          .isNotBlank();
      upload
          .getShadowRoot()
          .findElement(By.cssSelector("input[type=file]"))
          .sendKeys(sample.toAbsolutePath().toString());
      browser.wait.until(
          d ->
              d.findElements(By.cssSelector("#persona-samples textarea")).stream()
                  .anyMatch(t -> t.getDomProperty("value").contains("worth a chat next week?")));
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'center'})",
          browser.driver.findElement(By.id("persona-sample-upload")));
      browser.screenshot("26-persona-sample-from-file");
      browser.driver.findElement(By.id("persona-save")).click();
      browser.wait.until(
          d -> {
            try {
              return d.findElement(card(name)).getText().contains("1 sample");
            } catch (StaleElementReferenceException e) {
              return false;
            }
          });

      // other tests add personas to acme too: the toolbar may be scrolled out of view
      inView(browser, By.id("persona-import"))
          .getShadowRoot()
          .findElement(By.cssSelector("input[type=file]"))
          .sendKeys(block.toAbsolutePath().toString());
      inView(browser, card(name + " (2)"));
      browser.screenshot("27-persona-imported");
      browser.click(card(name));
      WebElement voice = inView(browser, By.id("persona-voice"));
      assertThat(voice.getText()).contains("Offline analysis", "Greets with", "Hi", "Cheers");
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", voice);
      browser.screenshot("28-persona-voice");
    }
    String list = E2e.get("/api/v1/personas", admin).body();
    for (String item : PersonaApiIT.items(list)) {
      if (item.contains("\"name\":\"" + name)) {
        E2e.send("DELETE", "/api/v1/personas/" + E2e.field(item, "id"), admin, null);
      }
    }
  }

  @Test
  void a_viewer_sees_the_personas_but_cannot_create_or_change_them() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "viewer@acme.demo");
      browser.open("/personas");
      WebElement card = browser.await(card("Friendly SDR"));
      assertThat(browser.driver.findElements(By.id("new-persona")))
          .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
      card.click();
      browser.await(By.id("persona-close"));
      assertThat(browser.driver.findElements(By.id("persona-save"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("persona-delete"))).isEmpty();
      assertThat(browser.driver.findElement(By.id("persona-name")).getDomAttribute("readonly"))
          .isNotNull();
      browser.screenshot("23-persona-viewer");

      browser.driver.findElement(By.id("persona-close")).click();
      browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("persona-name")));
      browser.driver.findElement(By.id("theme-toggle")).click();
      browser.wait.until(
          d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("theme")));
      browser.screenshot("25-personas-dark");
    }
  }

  @Test
  void a_workspace_without_personas_invites_its_admin_to_create_the_first() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@globex.demo");
      browser.open("/personas");
      WebElement empty = browser.await(By.cssSelector(".omni-empty-card"));
      assertThat(empty.getText()).contains("Give your outreach a voice");
      assertThat(browser.driver.findElements(By.cssSelector(".omni-persona-card"))).isEmpty();
      assertThat(browser.driver.findElement(By.id("new-persona-empty")).isDisplayed()).isTrue();
      browser.screenshot("24-personas-empty");
    }
  }

  /**
   * The element, scrolled into the middle of its scroll container: the editor scrolls inside the
   * dialog overlay's shadow DOM, which Selenium does not scroll by itself.
   */
  private static WebElement inView(Browser browser, By by) {
    WebElement element = browser.wait.until(ExpectedConditions.presenceOfElementLocated(by));
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return element;
  }

  private static By card(String name) {
    return By.cssSelector(".omni-persona-card[data-persona='" + name + "']");
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

  private static void signIn(Browser browser, String email) {
    browser.open("/login");
    WebElement form = browser.await(By.id("login-form"));
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }
}
