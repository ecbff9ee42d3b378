package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The journey in the browser: draw start → send email → end on the canvas (a step dragged
 * from the palette, an edge drawn between handles, a step added by click), fill the send step's
 * form (a mailbox pointing at GreenMail, subject and body with {{lead.firstName}}), publish, enrol
 * a lead from the results page, see the email arrive, and open the run page where the send step is
 * done. Screenshots of the canvas, the enrol dialog, the run page and the results.
 */
class WorkflowRunJourneyIT {

  static final String SMTP_PASSWORD = "smtp-runs-" + UUID.randomUUID();
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("runsrelay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  @BeforeAll
  static void ready() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void a_rep_draws_publishes_enrols_and_follows_the_run_to_the_inbox() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String mailboxName = "Journey " + RUN;
    String mailbox =
        "{\"name\":\""
            + mailboxName
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"username\":\"runsrelay\",\"password\":\""
            + SMTP_PASSWORD
            + "\",\"tls\":false,\"fromAddress\":\"journey@acme.example\","
            + "\"fromName\":\"Jo Journey\",\"dailyCap\":50}";
    HttpResponse<String> created =
        E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, mailbox);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(
            E2e.send(
                    "PUT",
                    "/api/v1/compliance",
                    admin,
                    "{\"postalAddress\":\"Acme Demo Inc., 1 Market St, San Francisco\"}")
                .statusCode())
        .isEqualTo(200);
    String leadId = Journeys.lead(admin, "Lena", "Journey" + RUN, "Routeworks " + RUN);
    String leadEmail = E2e.field(E2e.get("/api/v1/leads/" + leadId, admin).body(), "email");
    String name = "Journey " + RUN;

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/workflows");
      browser.click(By.id("workflow-new"));
      Journeys.type(browser, "#workflow-new-name input", name);
      browser.click(By.id("template-blank"));
      browser.click(By.id("workflow-create"));
      browser.await(By.cssSelector("omni-workflow-canvas [data-node-id='start']"));
      Matcher m = Pattern.compile("/workflows/(\\d+)/edit").matcher(browser.driver.getCurrentUrl());
      assertThat(m.find()).isTrue();
      String wf = m.group(1);

      // drag "Send email" from the palette onto the canvas, below the start
      WebElement item = browser.await(By.cssSelector("[data-palette-type='send_email']"));
      WebElement pane = browser.driver.findElement(By.cssSelector(".omni-wf-flow"));
      new Actions(browser.driver)
          .clickAndHold(item)
          .moveByOffset(30, 0)
          .moveToElement(pane, 0, 90)
          .release()
          .perform();
      browser.await(By.cssSelector("[data-node-id='send_email_1']"));
      browser.wait.until(
          d -> d.findElement(By.id("node-panel-id")).getText().equals("send_email_1"));

      // its form: the GreenMail mailbox, subject and body with a merge field
      browser.click(By.id("node-mailbox"));
      // other tests' mailboxes make the list long: bring ours into the overlay's view first
      WebElement option =
          browser.wait.until(
              d ->
                  d.findElement(
                      By.xpath(
                          "//vaadin-select-item[@role='option' and contains(normalize-space(.), '"
                              + mailboxName
                              + "')]")));
      browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", option);
      browser.wait.until(d -> option.isDisplayed());
      option.click();
      Journeys.type(browser, "#node-subject input", "Routing ideas for {{lead.firstName}}");
      Journeys.type(
          browser,
          "#node-body textarea",
          "Hi {{lead.firstName}}, a quick idea for your routes. Worth a chat?");
      browser.click(By.id("node-apply"));
      browser.wait.until(
          d ->
              d.findElement(By.cssSelector("[data-node-id='send_email_1'] .omni-node-summary"))
                  .getText()
                  .contains("Routing ideas"));

      // connect start → send by dragging from one handle to the other
      int[] from = Journeys.centre(browser, "[data-node-id='start'] .react-flow__handle-bottom");
      int[] to = Journeys.centre(browser, "[data-node-id='send_email_1'] .react-flow__handle-top");
      new Actions(browser.driver)
          .moveToLocation(from[0], from[1])
          .clickAndHold()
          .moveToLocation(from[0] + 10, from[1] + 25)
          .moveToLocation(to[0], to[1])
          .release()
          .perform();
      browser.wait.until(d -> !d.findElements(By.cssSelector(".react-flow__edge")).isEmpty());

      // with the send step selected, a click on "End" adds it after it, connected
      browser.click(By.cssSelector("[data-node-id='send_email_1']"));
      browser.click(By.cssSelector("[data-palette-type='end']"));
      browser.await(By.cssSelector("[data-node-id='end_1']"));
      browser.wait.until(d -> d.findElements(By.cssSelector(".react-flow__edge")).size() == 2);

      // the autosaved draft has all of it, then publish
      String[] draft = {""};
      new org.openqa.selenium.support.ui.WebDriverWait(
              browser.driver, java.time.Duration.ofSeconds(30))
          .withMessage("the draft has the end step and the subject: " + draft[0])
          .until(
              d -> {
                try {
                  draft[0] = E2e.get("/api/v1/workflows/" + wf, admin).body();
                } catch (Exception e) {
                  return false;
                }
                return draft[0].contains("end_1") && draft[0].contains("Routing ideas");
              });
      // a "saved" toast may still cover the panel's corner
      browser.driver.executeScript(
          "document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
      browser.click(By.id("node-close"));
      browser.click(By.id("workflow-publish"));
      try {
        browser.wait.until(
            d -> d.findElement(By.id("workflow-version")).getText().contains("Published v1"));
      } catch (org.openqa.selenium.TimeoutException e) {
        browser.screenshot("70-journey-publish-failed");
        throw e;
      }
      browser.screenshot("70-journey-canvas");

      // enrol the lead from the results page
      browser.open("/workflows/" + wf + "/results");
      browser.await(By.id("results-empty"));
      browser.click(By.id("results-enrol"));
      browser.click(By.xpath("//vaadin-radio-button[contains(normalize-space(.), 'Lead ids')]"));
      Journeys.type(browser, "#enrol-ids textarea", leadId);
      browser.wait.until(
          d -> d.findElement(By.id("enrol-submit")).getText().equals("Enrol 1 lead"));
      browser.click(By.id("enrol-submit"));
      assertThat(browser.await(By.id("enrol-summary")).getText()).isEqualTo("Enrolled 1.");
      browser.screenshot("71-enrol-dialog");
      browser.click(By.id("enrol-close"));

      // the email arrives, merged
      await("the email to " + leadEmail)
          .atMost(Duration.ofSeconds(90))
          .until(() -> !receivedBy(leadEmail).isEmpty());
      List<MimeMessage> got = receivedBy(leadEmail);
      assertThat(got).as("emails to " + leadEmail).hasSize(1);
      assertThat(got.get(0).getSubject()).isEqualTo("Routing ideas for Lena");

      // the runs list finds the run; its page shows the send step done, on the graph too
      browser.open("/runs?workflow=" + wf);
      WebElement row =
          browser.await(
              By.xpath(
                  "//a[contains(@class,'omni-lead-person') and contains(., 'Journey"
                      + RUN
                      + "')]"));
      row.click();
      browser.await(By.id("run-header"));
      Journeys.waitLong(browser)
          .until(
              d ->
                  !d.findElements(
                          By.cssSelector(
                              "#run-steps [data-node-id='send_email_1'][data-status='succeeded']"))
                      .isEmpty());
      Journeys.waitLong(browser)
          .until(d -> d.findElement(By.id("run-status")).getText().equals("Completed"));
      browser.await(
          By.cssSelector(
              "#run-canvas [data-node-id='send_email_1'] .omni-badge[data-status='succeeded']"));
      WebElement send =
          browser.driver.findElement(By.cssSelector("#run-steps [data-node-id='send_email_1']"));
      assertThat(send.getText()).contains("Subject: “Routing ideas for Lena”", "Attempt 1 of");
      assertThat(send.findElements(By.cssSelector(".omni-steplog-link"))).hasSize(1);
      assertThat(browser.driver.findElement(By.id("run-lead")).getText())
          .isEqualTo("Lena Journey" + RUN);
      browser.screenshot("72-run-page");

      // the results page counts the run and the email on the graph and in the funnel
      browser.open("/workflows/" + wf + "/results");
      browser.await(By.id("results-steps"));
      assertThat(browser.await(By.id("results-kpi-runs")).getText()).isEqualTo("1");
      assertThat(browser.driver.findElement(By.id("results-kpi-sent")).getText()).isEqualTo("1");
      browser.await(By.cssSelector("#results-canvas [data-node-id='send_email_1'] .omni-badge"));
      browser.screenshot("73-workflow-results");
    }
    // a second delivery would show up within this time
    await("no second delivery")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> receivedBy(leadEmail).size() == 1);
  }

  static List<MimeMessage> receivedBy(String email) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(email);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
