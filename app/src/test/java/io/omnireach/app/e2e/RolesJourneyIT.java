package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An admin creates a custom role in Settings → Roles with the permission checklist; a member who
 * holds it sees only the parts of the app its permissions open, in the menu and by address.
 */
class RolesJourneyIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void an_admin_creates_a_custom_role_and_its_holder_sees_only_what_it_grants() throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("roljr");
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, t.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/settings");
      browser.await(By.id("roles-settings"));
      assertThat(browser.driver.findElement(By.id("role-list")).getText())
          .contains("Admin", "Sales", "Viewer", "Finance");

      browser.click(By.id("role-new"));
      Journeys.type(browser, "#role-name input", "Researcher");
      Journeys.type(browser, "#role-description textarea", "Reads and exports leads");
      tick(browser, "role-area-leads", "See leads");
      tick(browser, "role-area-leads", "Export leads");
      browser.screenshot("roles-01-editor");
      browser.click(By.id("role-save"));
      browser.wait.until(d -> d.findElement(By.id("role-list")).getText().contains("Researcher"));
      assertThat(browser.driver.findElement(By.id("role-list")).getText())
          .contains("Reads and exports leads", "read, export", "0 members");
      browser.screenshot("roles-02-panel");

      JsonNode roles = JSON.readTree(E2e.get("/api/v1/roles", t.token()).body());
      long roleId = 0;
      for (JsonNode r : roles) {
        if (r.get("name").asText().equals("Researcher")) {
          roleId = r.get("id").asLong();
        }
      }
      assertThat(roleId).isPositive();
      String email = "researcher@" + t.slug() + ".example";
      long userId = CustomRolesApiIT.inviteTo(t.token(), email, roleId);
      assertThat(userId).isPositive();

      Journeys.signIn(browser, email, CustomRolesApiIT.PASSWORD);
      String nav = browser.await(By.cssSelector(".omni-nav")).getText();
      assertThat(nav).contains("Leads", "Accounts").doesNotContain("Workflows", "Settings");
      browser.screenshot("roles-03-custom-member");
      browser.open("/workflows");
      browser.wait.until(d -> d.getPageSource().contains("Ask an Admin"));
      HttpResponse<String> viaApi =
          E2e.get("/api/v1/workflows", E2e.token(email, CustomRolesApiIT.PASSWORD, t.slug()));
      assertThat(viaApi.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void a_custom_role_that_may_edit_leads_gets_the_edit_controls_but_not_delete_or_import()
      throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("roled");
    HttpResponse<String> role =
        E2e.send(
            "POST",
            "/api/v1/roles",
            t.token(),
            "{\"name\":\"Lead editor\",\"permissions\":[\"leads.read\",\"leads.write\"]}");
    assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
    long roleId = JSON.readTree(role.body()).get("id").asLong();
    HttpResponse<String> lead =
        E2e.send("POST", "/api/v1/leads", t.token(), "{\"email\":\"ada@roled.example\"}");
    assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
    String leadId = E2e.field(lead.body(), "id");
    String email = "editor@" + t.slug() + ".example";
    CustomRolesApiIT.inviteTo(t.token(), email, roleId);

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, email, CustomRolesApiIT.PASSWORD);
      browser.open("/leads");
      browser.await(By.id("lead-add"));
      assertThat(browser.driver.findElements(By.id("lead-import")))
          .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
      browser.open("/leads/" + leadId);
      browser.await(By.id("lead-edit"));
      assertThat(browser.driver.findElements(By.id("lead-delete"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("lead-new-deal"))).isEmpty();
      browser.screenshot("roles-04-lead-editor");
    }
  }

  /**
   * The UI offers an action exactly when the REST API would allow it: a custom role (not Admin)
   * with deals.configure, policies.manage, mailboxes.manage, settings.manage and billing.read gets
   * the price book, templates, agent settings, decision replay, policy, mailbox, AI settings and AI
   * cost controls; one with only the matching read permissions gets none of them, and its REST
   * calls are refused with 403.
   */
  @Test
  void the_ui_offers_configuration_exactly_to_roles_the_api_allows() throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("rolcf");
    String admin = t.token();
    String lead =
        E2e.field(
            E2e.send("POST", "/api/v1/leads", admin, "{\"email\":\"ada@rolcf.example\"}").body(),
            "id");
    String product =
        E2e.field(
            E2e.send(
                    "POST",
                    "/api/v1/products",
                    admin,
                    "{\"name\":\"Seat\",\"currency\":\"USD\",\"listPrice\":100,"
                        + "\"floorPrice\":80,\"maxDiscountPercent\":15}")
                .body(),
            "id");
    HttpResponse<String> deal =
        E2e.send(
            "POST",
            "/api/v1/deals",
            admin,
            "{\"leadId\":"
                + lead
                + ",\"title\":\"Seats\",\"currency\":\"USD\",\"stage\":\"negotiation\","
                + "\"lines\":[{\"productId\":"
                + product
                + ",\"quantity\":10}]}");
    assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
    String dealId = E2e.field(deal.body(), "id");
    HttpResponse<String> negotiated =
        E2e.send(
            "POST",
            "/api/v1/deals/" + dealId + "/negotiate",
            admin,
            "{\"message\":\"We need 40% off to sign.\"}");
    assertThat(negotiated.statusCode()).as(negotiated.body()).isEqualTo(200);
    String decision = E2e.field(negotiated.body(), "decisionId");

    String reads = "\"deals.read\",\"policies.read\",\"mailboxes.read\",\"settings.read\"";
    String configurer =
        member(
            t,
            "configurer",
            "Configurer",
            reads
                + ",\"deals.configure\",\"policies.manage\",\"mailboxes.manage\","
                + "\"settings.manage\",\"billing.read\"");
    String reader = member(t, "reader", "Reader", reads);

    // the REST API: the reader is refused what the UI will not offer it
    String readerToken = E2e.token(reader, CustomRolesApiIT.PASSWORD, t.slug());
    String configurerToken = E2e.token(configurer, CustomRolesApiIT.PASSWORD, t.slug());
    for (String[] call :
        new String[][] {
          {"POST", "/api/v1/products", "{}"},
          {"POST", "/api/v1/deal-templates", "{}"},
          {"PUT", "/api/v1/deal-playbook", "{}"},
          {"POST", "/api/v1/decisions/" + decision + "/replay", "{}"},
          {"POST", "/api/v1/policies", "{}"},
          {"POST", "/api/v1/mailboxes", "{}"},
          {"PUT", "/api/v1/settings/ai", "{}"},
          {"GET", "/api/v1/ai/costs", null}
        }) {
      assertThat(E2e.send(call[0], call[1], readerToken, call[2]).statusCode())
          .as(call[0] + " " + call[1])
          .isEqualTo(403);
      assertThat(E2e.send(call[0], call[1], configurerToken, call[2]).statusCode())
          .as(call[0] + " " + call[1])
          .isNotEqualTo(403);
    }

    try (Browser browser = new Browser()) {
      for (String email : new String[] {configurer, reader}) {
        boolean may = email.equals(configurer);
        Journeys.signIn(browser, email, CustomRolesApiIT.PASSWORD);
        browser.open("/deals");
        browser.await(By.id("deal-board"));
        browser.click(By.id("deals-tab-price-book"));
        browser.await(By.id("product-grid"));
        assertThat(browser.driver.findElements(By.id("product-add"))).hasSize(may ? 1 : 0);
        browser.click(By.id("deals-tab-templates"));
        browser.await(By.id("templates-and-clauses"));
        assertThat(browser.driver.findElements(By.id("template-add"))).hasSize(may ? 1 : 0);
        assertThat(browser.driver.findElements(By.id("clause-add"))).hasSize(may ? 1 : 0);
        browser.click(By.id("deals-tab-agent"));
        browser.await(By.id("agent-settings"));
        assertThat(browser.driver.findElements(By.id("agent-save"))).hasSize(may ? 1 : 0);
        browser.screenshot("roles-05-agent-" + (may ? "configurer" : "reader"));

        browser.open("/deals/" + dealId);
        browser.await(By.id("deal-why"));
        assertThat(browser.driver.findElements(By.id("replay-current"))).hasSize(may ? 1 : 0);

        browser.open("/policies");
        browser.await(By.id("policy-check"));
        assertThat(browser.driver.findElements(By.id("policy-new"))).hasSize(may ? 1 : 0);
        assertThat(browser.driver.findElement(By.id("policy-llm-check")).getDomProperty("disabled"))
            .isEqualTo(may ? "false" : "true");

        browser.open("/settings");
        browser.await(By.id("mailboxes-settings"));
        // a hidden button is not sent to the browser at all
        assertThat(browser.driver.findElements(By.id("mailbox-add")))
            .filteredOn(WebElement::isDisplayed)
            .hasSize(may ? 1 : 0);
        assertThat(browser.driver.findElements(By.id("postal-save"))).hasSize(may ? 1 : 0);
        browser.await(By.id("ai-settings"));
        assertThat(browser.driver.findElements(By.id("ai-save"))).hasSize(may ? 1 : 0);
        assertThat(browser.driver.findElements(By.id("ai-costs"))).hasSize(may ? 1 : 0);
        browser.screenshot("roles-06-settings-" + (may ? "configurer" : "reader"));
      }
    }
  }

  /** Invites a member with a new custom role of these permissions; returns their email. */
  private static String member(StripeE2e.NewTenant t, String who, String name, String permissions)
      throws Exception {
    HttpResponse<String> role =
        E2e.send(
            "POST",
            "/api/v1/roles",
            t.token(),
            "{\"name\":\"" + name + "\",\"permissions\":[" + permissions + "]}");
    assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
    String email = who + "@" + t.slug() + ".example";
    CustomRolesApiIT.inviteTo(t.token(), email, JSON.readTree(role.body()).get("id").asLong());
    return email;
  }

  /** Ticks the checkbox whose label starts with {@code label} in one area of the checklist. */
  private static void tick(Browser browser, String groupId, String label) {
    for (WebElement box :
        browser.await(By.id(groupId)).findElements(By.tagName("vaadin-checkbox"))) {
      if (box.getText().startsWith(label)) {
        box.click();
        return;
      }
    }
    throw new AssertionError("No checkbox " + label + " in " + groupId);
  }
}
