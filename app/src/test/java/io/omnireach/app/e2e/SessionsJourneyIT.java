package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** The UI under revocation and under the Content-Security-Policy. */
class SessionsJourneyIT {

  @Test
  void a_member_removed_by_an_admin_is_signed_out_of_the_ui_on_the_next_click() throws Exception {
    Journeys.awaitReady();
    String email = "ui-leaver-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> invited =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            admin,
            "{\"email\":\"" + email + "\",\"role\":\"Sales\"}");
    String token = (String) JSONObjectUtils.parse(invited.body()).get("token");
    HttpResponse<String> accepted =
        E2e.send(
            "POST",
            "/api/v1/invitations/accept",
            null,
            "{\"token\":\""
                + token
                + "\",\"displayName\":\"Lee Leaver\",\"password\":\""
                + E2e.DEMO_PASSWORD
                + "\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    long id = ((Number) JSONObjectUtils.parse(accepted.body()).get("userId")).longValue();

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, email);
      browser.screenshot("sessions-01-signed-in");

      assertThat(E2e.send("DELETE", "/api/v1/users/" + id, admin, null).statusCode())
          .isEqualTo(204);

      browser.click(By.cssSelector("vaadin-side-nav-item[path='leads']"));
      assertThat(browser.await(By.cssSelector(".omni-login-notice")).getText())
          .contains("Your session has ended");
      assertThat(browser.driver.getCurrentUrl()).contains("/login");
      browser.screenshot("sessions-02-ended");

      browser.open("/leads");
      browser.await(By.id("login-form"));
      assertThat(browser.driver.findElements(By.cssSelector(".omni-brand-name"))).isEmpty();
    }
  }

  @Test
  void the_workflow_canvas_renders_with_no_content_security_policy_violation() throws Exception {
    Journeys.awaitReady();
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/workflows");
      browser.click(By.id("workflow-new"));
      browser
          .await(By.cssSelector("#workflow-new-name input"))
          .sendKeys(Keys.chord(Keys.CONTROL, "a"), "CSP check " + UUID.randomUUID());
      browser.click(By.id("template-blank"));
      browser.click(By.id("workflow-create"));
      List<String> violations = new java.util.ArrayList<>();
      browser.await(By.cssSelector("omni-workflow-canvas [data-node-id='start']"));
      browser.await(By.cssSelector("[data-palette-type='send_email']"));
      browser.screenshot("sessions-03-canvas-under-csp");
      // One deliberate violation proves the policy is enforced and that violations are seen.
      browser.driver.executeScript(
          "const i = document.createElement('img'); i.src = 'http://evil.invalid/p.png';"
              + " document.body.appendChild(i);");
      browser.wait.until(
          d -> {
            browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .forEach(violations::add);
            return violations.stream().anyMatch(v -> v.contains("evil.invalid"));
          });
      assertThat(violations).hasSize(1).allSatisfy(v -> assertThat(v).contains("evil.invalid"));
    }
  }
}
