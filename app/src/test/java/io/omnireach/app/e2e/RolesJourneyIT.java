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
