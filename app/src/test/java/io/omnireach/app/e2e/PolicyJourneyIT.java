package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An admin writes the tenant's policies on the Policies page (a maximum discount that blocks, a
 * forbidden phrase that warns), checks a text and sees the offending excerpts marked, edits a rule
 * and reads its history; then on a lead's page a send that offers too much is stopped with the rule
 * shown, and one with a warning goes only after "Send anyway".
 */
class PolicyJourneyIT {

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void an_admin_writes_policies_checks_a_text_and_a_send_is_stopped() throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("poljr");
    String admin = t.token();
    HttpMailbox.create(admin);
    String lead = Journeys.lead(admin, "Maria", "Garcia", "Northwind " + UUID.randomUUID());

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, t.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/policies");
      browser.await(By.id("policy-new"));
      browser.screenshot("policy-01-empty");

      // a maximum discount of 15 %, blocking (the dialog's defaults)
      browser.click(By.id("policy-new"));
      browser.await(By.id("policy-percent"));
      Journeys.type(browser, "#policy-percent input", "15");
      browser.screenshot("policy-02-editor");
      browser.click(By.id("policy-save"));
      browser.wait.until(d -> d.findElement(By.id("policy-grid")).getText().contains("15%"));

      // a forbidden phrase that only warns
      browser.click(By.id("policy-new"));
      browser.await(By.id("policy-kind"));
      choose(browser, "policy-kind", "Forbidden phrases");
      Journeys.type(browser, "#policy-phrases textarea", "guarantee");
      choose(browser, "policy-severity", "Warn — a person confirms");
      browser.click(By.id("policy-save"));
      browser.wait.until(
          d -> d.findElement(By.id("policy-grid")).getText().contains("Forbidden phrases"));

      // check a text: both rules found, the excerpts marked in place
      Journeys.type(
          browser,
          "#policy-check-body textarea",
          "Hi Maria, we guar\u0430ntee results and can take a fifth off list this month.");
      browser.click(By.id("policy-check"));
      WebElement verdict = browser.await(By.id("policy-verdict"));
      assertThat(verdict.getText()).isEqualToIgnoringCase("block");
      List<WebElement> marks =
          browser.driver.findElements(By.cssSelector("#policy-check-marked mark"));
      assertThat(marks)
          .extracting(WebElement::getText)
          .containsExactly("guar\u0430ntee", "a fifth off");
      browser.screenshot("policy-03-check-marked");

      // edit the discount rule: a new version, with the history in the dialog
      browser.click(By.xpath("//*[@id='policy-grid']//*[contains(text(),'Discounts up to 15%')]"));
      browser.await(By.id("policy-history"));
      Journeys.type(browser, "#policy-percent input", "20");
      Journeys.type(browser, "#policy-name input", "Discounts up to 20%");
      browser.click(By.id("policy-save"));
      browser.wait.until(d -> d.findElement(By.id("policy-grid")).getText().contains("v2"));
      browser.click(By.xpath("//*[@id='policy-grid']//*[contains(text(),'Discounts up to 20%')]"));
      WebElement history = browser.await(By.id("policy-history"));
      assertThat(history.getText()).contains("v2", "updated by " + t.adminEmail(), "v1", "created");
      browser.screenshot("policy-04-history");
      browser.click(By.xpath("//vaadin-button[normalize-space(.)='Cancel']"));

      // on the lead's page: too big a discount is stopped with the rule
      browser.open("/leads/" + lead);
      Journeys.type(browser, "#draft-subject input", "Northwind and routing");
      Journeys.type(
          browser, "#draft-body textarea", "Hi Maria,\n\nSign this week and get 30 percent off.");
      browser.click(By.id("send-button"));
      browser.wait.until(
          d -> d.findElement(By.id("send-state")).getText().contains("breaks a blocking policy"));
      assertThat(browser.driver.findElement(By.cssSelector("#send-policy mark")).getText())
          .isEqualTo("30 percent off");
      browser.screenshot("policy-05-send-blocked");

      // a warning needs a confirmation, then the message is queued
      Journeys.type(
          browser, "#draft-body textarea", "Hi Maria,\n\nWe guarantee a reply within a day.");
      browser.click(By.id("send-button"));
      WebElement sendAnyway = browser.await(By.cssSelector("vaadin-button[slot='confirm-button']"));
      browser.screenshot("policy-06-confirm-warning");
      sendAnyway.click();
      browser.wait.until(d -> d.findElement(By.id("send-state")).getText().startsWith("Queued"));
      browser.screenshot("policy-07-queued-after-confirmation");
    }
  }

  /**
   * Sales lacks policies.manage: no "New policy", the AI review is read-only, and REST says 403.
   */
  @Test
  void a_rep_reads_and_checks_policies_but_cannot_change_them() throws Exception {
    HttpResponse<String> viaApi =
        E2e.send("POST", "/api/v1/policies", E2e.token("sales@acme.demo"), "{}");
    assertThat(viaApi.statusCode()).isEqualTo(403);
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "sales@acme.demo");
      browser.open("/policies");
      browser.await(By.id("policy-check"));
      assertThat(browser.driver.findElements(By.id("policy-new"))).isEmpty();
      assertThat(browser.driver.findElement(By.id("policy-llm-check")).getDomProperty("disabled"))
          .isEqualTo("true");
    }
  }

  private static void choose(Browser browser, String selectId, String label) {
    browser.click(By.id(selectId));
    browser.click(
        By.xpath("//vaadin-select-item[@role='option' and normalize-space(.)='" + label + "']"));
  }

  /** A mailbox over the API (the sends here never reach it: the relay may fail them). */
  static final class HttpMailbox {
    static String create(String admin) throws Exception {
      var r =
          E2e.send(
              "POST",
              "/api/v1/mailboxes",
              admin,
              "{\"name\":\"Policy journey\",\"host\":\"127.0.0.1\",\"port\":2525,"
                  + "\"tls\":false,\"fromAddress\":\"elena@poljr.example\","
                  + "\"fromName\":\"Elena Marsh\",\"dailyCap\":50}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      return E2e.field(r.body(), "id");
    }
  }
}
