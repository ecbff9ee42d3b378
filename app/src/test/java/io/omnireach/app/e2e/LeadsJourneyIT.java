package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The leads screens as people use them: a rep adds a lead in the drawer (a bad phone first), finds
 * it, opens it and changes many at once; a viewer only reads; another tenant sees none of it.
 */
class LeadsJourneyIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void a_rep_adds_a_lead_in_the_drawer_finds_it_and_opens_it() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    createShowcase(sales);
    String email = "grace.hopper." + RUN + "@navy.example";
    try (Browser browser = new Browser()) {
      signIn(browser, "sales@acme.demo");
      browser.open("/leads");
      WebElement grid = browser.await(By.id("leads-grid"));
      browser.wait.until(d -> !firstRowName(browser).isEmpty());
      // the server sorts: highest score first (our showcase leads lead)
      sorter(grid, "Score").click(); // ascending
      sorter(grid, "Score").click(); // descending
      browser.wait.until(d -> firstRowName(browser).equals("Carlos Mendes"));
      browser.screenshot("10-leads-grid");

      // a filter becomes a chip
      String everyone = browser.driver.findElement(By.id("lead-total")).getText();
      WebElement tagPicker = browser.driver.findElement(By.cssSelector("#filter-tag input"));
      tagPicker.sendKeys("enterprise");
      browser.wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
      tagPicker.sendKeys(Keys.ENTER);
      WebElement chip = browser.await(By.id("chip-tag"));
      assertThat(chip.getText()).contains("Tag", "enterprise");
      browser.wait.until(d -> !grid.getText().contains("Maya Patel"));
      assertThat(grid.getText()).contains("Chloé Dubois", "James O'Connor", "Lukas Becker");
      // one count per filter change, for the header and the grid's size alike
      browser.wait.until(d -> total(browser) >= 3 && total(browser) < count(everyone));
      assertThat(gridSize(browser)).isEqualTo(total(browser));
      browser.wait.until(d -> firstRowName(browser).equals("James O'Connor"));
      sorter(grid, "Company").click(); // Brightwave, Harbor, Lumière
      browser.wait.until(d -> firstRowName(browser).equals("Lukas Becker"));
      browser.driver.findElement(By.id("chip-tag-remove")).click();
      browser.wait.until(d -> d.findElements(By.id("chip-tag")).isEmpty());
      browser.wait.until(d -> d.findElement(By.id("lead-total")).getText().equals(everyone));
      browser.wait.until(d -> gridSize(browser) == count(everyone));

      browser.driver.findElement(By.id("lead-add")).click();
      browser.await(By.id("lead-form"));
      type(browser, "lead-first-name", "Grace");
      type(browser, "lead-last-name", "Hopper");
      // a name alone is no way to reach anyone: email, phone or LinkedIn is needed
      browser.driver.findElement(By.id("lead-save")).click();
      WebElement emailField = browser.driver.findElement(By.id("lead-email"));
      browser.wait.until(d -> emailField.getDomAttribute("invalid") != null);
      assertThat(emailField.findElement(By.cssSelector("[slot='error-message']")).getText())
          .isEqualTo("A lead needs at least one way to reach them: email, phone or LinkedIn URL.");
      type(browser, "lead-email", email);
      type(browser, "lead-company", "US Navy");
      type(browser, "lead-title", "Rear Admiral");
      type(browser, "lead-phone", "555-12");
      browser.driver.findElement(By.id("lead-save")).click();

      WebElement phone = browser.driver.findElement(By.id("lead-phone"));
      browser.wait.until(d -> phone.getDomAttribute("invalid") != null);
      assertThat(phone.findElement(By.cssSelector("[slot='error-message']")).getText())
          .contains("E.164");
      assertThat(browser.driver.findElement(By.id("lead-email")).getDomAttribute("invalid"))
          .isNull();
      browser.screenshot("11-lead-form");

      WebElement phoneInput = phone.findElement(By.tagName("input"));
      phoneInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      phoneInput.sendKeys("+1 202 555 0143");
      browser.driver.findElement(By.id("lead-save")).click();
      browser.wait.until(d -> d.findElements(By.id("lead-form")).isEmpty());

      browser.driver.findElement(By.cssSelector("#lead-search input")).sendKeys(email);
      browser.wait.until(d -> "1 lead".equals(d.findElement(By.id("lead-total")).getText()));
      browser.wait.until(d -> grid.getText().contains(email));
      assertThat(grid.getText()).doesNotContain("Maya Patel");
      assertThat(exportCsv(browser)).hasSize(2).last().asString().contains(email, "+12025550143");

      cell(browser, "Grace Hopper").click();
      WebElement name = browser.await(By.id("lead-name"));
      assertThat(name.getText()).isEqualTo("Grace Hopper");
      assertThat(browser.driver.findElement(By.id("lead-timeline-placeholder")).getText())
          .contains("Workflow steps will appear here");
      assertThat(browser.driver.findElement(By.id("lead-timeline")).getText())
          .contains("Created by sales@acme.demo");
      assertThat(browser.driver.getPageSource()).contains("US Navy", "+12025550143");

      // editing to an email another lead has: the 409 lands on the email field
      browser.driver.findElement(By.id("lead-edit")).click();
      browser.await(By.id("lead-form"));
      WebElement emailInput = browser.driver.findElement(By.cssSelector("#lead-email input"));
      emailInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      emailInput.sendKeys("maya.patel@northwindlogistics.example");
      browser.driver.findElement(By.id("lead-save")).click();
      WebElement editedEmail = browser.driver.findElement(By.id("lead-email"));
      browser.wait.until(d -> editedEmail.getDomAttribute("invalid") != null);
      assertThat(editedEmail.findElement(By.cssSelector("[slot='error-message']")).getText())
          .contains("already exists");
      browser.driver.findElement(By.id("lead-cancel")).click();
      browser.wait.until(d -> d.findElements(By.id("lead-form")).isEmpty());
      assertThat(name.getText()).isEqualTo("Grace Hopper");

      // a lead with everything filled in, for the picture
      browser.open("/leads");
      browser.await(By.cssSelector("#lead-search input")).sendKeys("aiko.tanaka@");
      browser.wait.until(d -> "1 lead".equals(d.findElement(By.id("lead-total")).getText()));
      cell(browser, "Aiko Tanaka").click();
      browser.wait.until(d -> d.findElement(By.id("lead-name")).getText().equals("Aiko Tanaka"));
      assertThat(browser.driver.findElement(By.id("lead-custom-fields")).getText())
          .contains("source", "Referral", "crmId");
      browser.screenshot("12-lead-detail");
    }
  }

  @Test
  void a_rep_moves_two_leads_to_another_stage_at_once_then_tags_and_deletes_them()
      throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String marker = RUN + "@bulkco.example";
    String first = create(sales, lead("Ines", "Moreau", "ines." + marker, "Bulk & Co", "new"));
    String second = create(sales, lead("Tom", "Becker", "tom." + marker, "Bulk & Co", "new"));
    try (Browser browser = new Browser()) {
      signIn(browser, "sales@acme.demo");
      browser.open("/leads");
      browser.await(By.id("leads-grid"));
      browser.driver.findElement(By.cssSelector("#lead-search input")).sendKeys(marker);
      browser.wait.until(d -> "2 leads".equals(d.findElement(By.id("lead-total")).getText()));
      browser.wait.until(d -> rowCheckboxes(browser).size() == 2);
      assertThat(browser.driver.findElements(By.id("bulk-bar")))
          .allSatisfy(bar -> assertThat(bar.isDisplayed()).isFalse());

      for (WebElement box : rowCheckboxes(browser)) {
        box.click();
      }
      WebElement bar = browser.await(By.id("bulk-bar"));
      // the bar shows after the first tick; the second tick's count comes one round trip later
      browser.wait.until(d -> bar.findElement(By.id("bulk-count")).getText().equals("2 selected"));
      browser.driver.findElement(By.id("bulk-stage")).click();
      WebElement meeting =
          browser.wait.until(
              d ->
                  d.findElements(By.cssSelector("vaadin-select-item")).stream()
                      .filter(i -> i.isDisplayed() && i.getText().equals("Meeting"))
                      .findFirst()
                      .orElse(null));
      browser.screenshot("13-leads-bulk");
      meeting.click();

      browser.wait.until(d -> !d.findElement(By.id("bulk-bar")).isDisplayed());

      WebElement grid = browser.driver.findElement(By.id("leads-grid"));
      browser.wait.until(d -> grid.getText().split("Meeting", -1).length == 3);
      for (String id : List.of(first, second)) {
        assertThat(E2e.get("/api/v1/leads/" + id, sales).body()).contains("\"stage\":\"meeting\"");
      }

      // a new tag for both, typed in the dialog
      rowCheckboxes(browser).forEach(WebElement::click);
      browser.await(By.id("bulk-tag")).click();
      WebElement tagInput = browser.await(By.cssSelector("#bulk-tag-input input"));
      tagInput.sendKeys("bulk-" + RUN, Keys.ENTER);
      browser.driver.findElement(By.id("bulk-tag-apply")).click();
      browser.wait.until(d -> grid.getText().split("bulk-" + RUN, -1).length == 3);

      // one owner for both
      rowCheckboxes(browser).forEach(WebElement::click);
      WebElement ownerInput = browser.await(By.cssSelector("#bulk-owner input"));
      ownerInput.sendKeys("Sam Sales");
      browser.wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
      ownerInput.sendKeys(Keys.ENTER);
      browser.wait.until(d -> grid.getText().split("Sam Sales", -1).length == 3);

      // delete both, after a confirmation that says how many
      rowCheckboxes(browser).forEach(WebElement::click);
      browser.await(By.id("bulk-delete")).click();
      WebElement confirm = browser.await(By.id("bulk-delete-confirm-button"));
      assertThat(confirm.getText()).isEqualTo("Delete 2 leads");
      confirm.click();
      browser.wait.until(d -> "0 leads".equals(d.findElement(By.id("lead-total")).getText()));
      browser.await(By.id("lead-no-matches"));
    }
    for (String id : List.of(first, second)) {
      assertThat(E2e.get("/api/v1/leads/" + id, sales).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void a_viewer_reads_leads_but_gets_no_controls_to_change_them() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String email = "viewer-sees." + RUN + "@leads.example";
    create(sales, lead("Vera", "Reader", email, "Readwell", "contacted"));
    try (Browser browser = new Browser()) {
      signIn(browser, "viewer@acme.demo");
      browser.open("/leads");
      WebElement grid = browser.await(By.id("leads-grid"));
      browser.driver.findElement(By.cssSelector("#lead-search input")).sendKeys(email);
      browser.wait.until(d -> grid.getText().contains("Vera Reader"));
      assertThat(browser.driver.findElements(By.id("lead-add"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("lead-import"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("bulk-bar"))).isEmpty();
      assertThat(grid.findElements(By.tagName("vaadin-checkbox"))).isEmpty();
      assertThat(browser.driver.findElement(By.id("lead-export")).isDisplayed()).isTrue();

      cell(browser, "Vera Reader").click();
      browser.await(By.id("lead-name"));
      assertThat(browser.driver.findElements(By.id("lead-edit"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("lead-delete"))).isEmpty();

      browser.driver.findElement(By.id("theme-toggle")).click();
      browser.wait.until(
          d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("theme")));
      browser.driver.findElement(By.id("lead-back")).click();
      browser.await(By.id("leads-grid"));
      browser.wait.until(d -> !firstRowName(browser).isEmpty());
      browser.screenshot("14-leads-viewer-dark");
    }
  }

  @Test
  void another_tenant_finds_none_of_acmes_leads_in_the_ui() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    // one lead of its own, so Globex sees the grid rather than the empty state
    String own =
        create(globex, lead("Gina", "Globex", "gina." + RUN + "@globex.example", "Globex", "new"));
    String acmeEmail = "secret." + RUN + "@acme-only.example";
    create(sales, lead("Secret", "Prospect", acmeEmail, "Acme Only", "meeting"));
    // ids count per tenant: take an Acme lead whose id Globex does not also have
    String acmeId = null;
    for (int i = 0;
        acmeId == null || E2e.get("/api/v1/leads/" + acmeId, globex).statusCode() != 404;
        i++) {
      acmeId = create(sales, lead("Secret", "Prospect", i + "." + acmeEmail, "Acme Only", "won"));
    }
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@globex.demo");
      browser.open("/leads");
      WebElement grid = browser.await(By.id("leads-grid"));
      browser.wait.until(d -> grid.getText().contains("Gina Globex"));
      assertThat(grid.getText()).doesNotContain("Secret Prospect");
      browser.driver.findElement(By.cssSelector("#lead-search input")).sendKeys(acmeEmail);
      browser.wait.until(d -> "0 leads".equals(d.findElement(By.id("lead-total")).getText()));
      browser.await(By.id("lead-no-matches"));
      assertThat(grid.getText()).doesNotContain("Secret Prospect");

      browser.open("/leads/" + acmeId);
      browser.await(By.id("lead-not-found"));
      assertThat(browser.driver.getPageSource()).doesNotContain("Secret Prospect", acmeEmail);
    } finally {
      E2e.send("DELETE", "/api/v1/leads/" + own, globex, null);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  private static void signIn(Browser browser, String email) {
    browser.open("/login");
    WebElement form = browser.await(By.id("login-form"));
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }

  /** The number the header shows ("1,234 leads"). */
  private static long count(String total) {
    return Long.parseLong(total.replaceAll("[^0-9]", ""));
  }

  private static long total(Browser browser) {
    return count(browser.driver.findElement(By.id("lead-total")).getText());
  }

  /** How many rows the grid was told it has (the size the server's count gave it). */
  private static long gridSize(Browser browser) {
    return ((Number)
            browser.driver.executeScript("return document.getElementById('leads-grid').size"))
        .longValue();
  }

  private static void type(Browser browser, String id, String text) {
    browser.driver.findElement(By.cssSelector("#" + id + " input")).sendKeys(text);
  }

  private static WebElement cell(Browser browser, String text) {
    return browser.wait.until(
        d ->
            d.findElements(By.cssSelector("#leads-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.isDisplayed() && c.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  private static WebElement sorter(WebElement grid, String header) {
    return grid.findElements(By.tagName("vaadin-grid-sorter")).stream()
        .filter(sorter -> sorter.getText().equalsIgnoreCase(header))
        .findFirst()
        .orElseThrow();
  }

  /** The name in the grid's top row (rows are reused, so DOM order is not screen order). */
  private static String firstRowName(Browser browser) {
    return browser.driver.findElements(By.cssSelector("#leads-grid .omni-lead-name")).stream()
        .filter(WebElement::isDisplayed)
        .min(java.util.Comparator.comparingInt(e -> e.getLocation().getY()))
        .map(WebElement::getText)
        .orElse("");
  }

  private static List<WebElement> rowCheckboxes(Browser browser) {
    return browser.driver.findElements(By.cssSelector("#leads-grid vaadin-checkbox")).stream()
        .filter(WebElement::isDisplayed)
        .filter(b -> !"Select All".equals(b.getDomAttribute("aria-label")))
        .toList();
  }

  /** Downloads what the Export link serves, in this browser's session; returns its lines. */
  private static List<String> exportCsv(Browser browser) throws Exception {
    String href = browser.driver.findElement(By.id("lead-export")).getDomProperty("href");
    Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session.getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    return r.body().lines().toList();
  }

  private static String create(String token, String json) throws Exception {
    HttpResponse<String> r = E2e.send("POST", "/api/v1/leads", token, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.field(r.body(), "id");
  }

  private static String lead(
      String first, String last, String email, String company, String stage) {
    return "{\"firstName\":\""
        + first
        + "\",\"lastName\":\""
        + last
        + "\",\"email\":\""
        + email
        + "\",\"company\":\""
        + company
        + "\",\"stage\":\""
        + stage
        + "\"}";
  }

  /** A dozen varied leads for the screenshots; already there when the test runs again. */
  private static void createShowcase(String token) throws Exception {
    String users = E2e.get("/api/v1/users", token).body();
    String admin = idOf(users, "admin@acme.demo");
    String rep = idOf(users, "sales@acme.demo");
    // first | last | company | title | industry | stage | score | tags | country | time zone
    String[] people = {
      "Priya|Raman|Orbit Cloud|VP Engineering|Software|new|47|trial|IN|Asia/Kolkata",
      "Chloé|Dubois|Lumière Media|CMO|Media|meeting|83|enterprise,inbound|FR|Europe/Paris",
      "Oliver|Smith|Pinecrest Realty|Broker|Real Estate|new|22||US|America/Denver",
      "Fatima|Zahra|Atlas Fintech|Head of Growth|Financial Services|replied|70|inbound|MA|Africa/Casablanca",
      "Noah|Williams|Summit Retail|Director of E-commerce|Retail|contacted|51|webinar|US|America/Chicago",
      "Emma|Larsen|Fjord Analytics|Data Lead|Software|lost|12|churned|NO|Europe/Oslo",
      "Carlos|Mendes|Lusa Energy|Procurement Lead|Energy|won|100|customer|PT|Europe/Lisbon",
      "Aiko|Tanaka|Kumo Robotics|CTO|Manufacturing|negotiation|95|priority,demo-requested,q3,expansion|JP|Asia/Tokyo",
      "James|O'Connor|Harbor Health|CIO|Healthcare|meeting|88|enterprise,priority|IE|Europe/Dublin",
      "Sofia|Rossi|Verdi Foods|COO|Food & Beverage|new|35||IT|Europe/Rome",
      "Lukas|Becker|Brightwave GmbH|Head of Sales|Software|replied|78|enterprise|DE|Europe/Berlin",
      "Maya|Patel|Northwind Logistics|VP Operations|Logistics|contacted|64|webinar,q3|GB|Europe/London"
    };
    for (int i = 0; i < people.length; i++) {
      String[] p = people[i].split("\\|", -1);
      String domain = p[2].toLowerCase().replaceAll("[^a-z]", "") + ".example";
      String email = (p[0] + "." + p[1]).toLowerCase().replaceAll("[^a-z.]", "") + "@" + domain;
      String tags = p[7].isEmpty() ? "" : "\"" + String.join("\",\"", p[7].split(",")) + "\"";
      String handle = email.substring(0, email.indexOf('@')).replace('.', '-');
      String json =
          String.format(
              "{\"firstName\":\"%s\",\"lastName\":\"%s\",\"email\":\"%s\",\"company\":\"%s\","
                  + "\"title\":\"%s\",\"industry\":\"%s\",\"stage\":\"%s\",\"score\":%s,"
                  + "\"tags\":[%s],\"country\":\"%s\",\"timezone\":\"%s\",\"ownerId\":%s,"
                  + "\"website\":\"%s\",\"phone\":\"+1 415 555 %04d\","
                  + "\"linkedinUrl\":\"linkedin.com/in/%s\","
                  + "\"customFields\":{\"source\":\"%s\",\"crmId\":\"0031x%05d\"}}",
              p[0],
              p[1],
              email,
              p[2],
              p[3],
              p[4],
              p[5],
              p[6],
              tags,
              p[8],
              p[9],
              i % 3 == 0 ? admin : rep,
              domain,
              1200 + i * 37,
              handle,
              i % 2 == 0 ? "Webinar" : "Referral",
              4200 + i);
      HttpResponse<String> r = E2e.send("POST", "/api/v1/leads", token, json);
      assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
    }
  }

  private static String idOf(String usersJson, String email) {
    for (String item : usersJson.split("\\},\\{")) {
      if (item.contains("\"" + email + "\"")) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(item);
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    throw new AssertionError(email + " not in " + usersJson);
  }
}
