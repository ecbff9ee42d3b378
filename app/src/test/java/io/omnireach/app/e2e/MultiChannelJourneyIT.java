package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantSchema;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 12's whole multi-channel journey in the browser, in a workspace of its own: the admin draws
 * email → wait → LinkedIn task → SMS (→ wait; the task's other outcomes end) on the canvas and
 * publishes it, enrols a lead, completes the LinkedIn task as the lead's rep in Today, the SMS
 * reaches the Twilio fake, a signed Calendly booking arrives, and the run ends with the lead in
 * <em>meeting</em>. Screenshots 90–96.
 */
class MultiChannelJourneyIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static final String SID = "AC" + SmsApiIT.hex32();
  static final String TOKEN = "multi-token-" + UUID.randomUUID();
  static final String FROM = "+14155550123";
  static final String CALENDLY_TOKEN = "multi-pat-" + UUID.randomUUID();
  static final String CALENDLY_USER = "MULTI" + RUN.toUpperCase();

  /** The mailbox fixture's GreenMail, registered here too so it runs for this class. */
  @RegisterExtension static GreenMailExtension smtp = WorkflowEngineIT.smtp;

  static WireMockServer twilio;
  static WireMockServer calendly;

  @BeforeAll
  static void fakes() throws Exception {
    Journeys.awaitReady();
    twilio = TwilioFake.start(SID);
    calendly = CalendlyApiIT.fake();
    CalendlyApiIT.me(
        CALENDLY_TOKEN,
        CALENDLY_USER,
        "https://calendly.com/multi-rep/30min",
        "MULTIORG" + RUN.toUpperCase());
  }

  @AfterAll
  static void stopFakes() {
    twilio.stop();
    calendly.stop();
  }

  @Test
  void email_wait_linkedin_sms_then_a_calendly_booking_ends_the_run_with_the_lead_in_meeting()
      throws Exception {
    StripeE2e.NewTenant tenant = StripeE2e.newTenant("multi");
    String admin = tenant.token();
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, FROM).statusCode()).isEqualTo(200);
    WorkflowEngineIT.mailbox(admin);
    HttpResponse<String> connected = CalendlyApiIT.connect(admin, CALENDLY_TOKEN);
    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    String ownerId = SmsApiIT.json(E2e.get("/api/v1/me", admin)).path("id").asText();
    String phone = FallbackAndCallsIT.phone();
    String email = "amara." + RUN + "@harbor.example";
    ObjectNode body =
        SmsApiIT.JSON
            .createObjectNode()
            .put("firstName", "Amara")
            .put("lastName", "Okafor")
            .put("company", "Harbor Freight " + RUN)
            .put("title", "Head of Logistics")
            .put("email", email)
            .put("phone", phone)
            .put("linkedinUrl", "https://www.linkedin.com/in/amara-okafor-" + RUN)
            .put("timezone", SmsApiIT.zoneAt(14).getId())
            .put("ownerId", Long.parseLong(ownerId));
    body.putObject("consent").putObject("sms").put("status", "granted").put("source", "form");
    HttpResponse<String> created = E2e.send("POST", "/api/v1/leads", admin, body.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String lead = E2e.field(created.body(), "id");
    String smsText = "Hi Amara, following up on LinkedIn: got 15 minutes this week? " + RUN;

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, tenant.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/workflows");
      browser.click(By.id("workflow-new"));
      Journeys.type(browser, "#workflow-new-name input", "Multi-channel " + RUN);
      browser.click(By.id("template-blank"));
      browser.click(By.id("workflow-create"));
      browser.await(By.cssSelector("omni-workflow-canvas [data-node-id='start']"));
      Matcher m = Pattern.compile("/workflows/(\\d+)/edit").matcher(browser.driver.getCurrentUrl());
      assertThat(m.find()).isTrue();
      String wf = m.group(1);

      // 1. Send email: dragged from the palette, configured in the side panel
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
      browser.click(By.id("node-mailbox"));
      WebElement option =
          browser.wait.until(d -> d.findElement(By.xpath("//vaadin-select-item[@role='option']")));
      option.click();
      Journeys.type(browser, "#node-subject input", "Freight routing for {{lead.company}}");
      Journeys.type(
          browser, "#node-body textarea", "Hi {{lead.firstName}}, one idea for your lanes.");
      browser.click(By.id("node-apply"));
      browser.wait.until(
          d ->
              d.findElement(By.cssSelector("[data-node-id='send_email_1'] .omni-node-summary"))
                  .getText()
                  .contains("Freight routing"));
      // start → email, drawn by hand
      Journeys.fitCanvasTo(
          browser,
          "[data-node-id='start'] .react-flow__handle-bottom",
          "[data-node-id='send_email_1'] .react-flow__handle-top");
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

      // 2. Wait one minute: click-to-add after the email, set in the panel
      selectNode(browser, "send_email_1");
      addAfterSelected(browser, wf, admin, "wait", "wait_1", 2);
      selectNode(browser, "wait_1");
      Journeys.type(browser, "#node-wait-amount input", "1");
      browser.click(By.id("node-wait-unit"));
      browser
          .wait
          .until(
              d ->
                  d.findElement(
                      By.xpath(
                          "//vaadin-select-item[@role='option' and normalize-space(.)='minutes']")))
          .click();
      browser.click(By.id("node-apply"));
      browser.wait.until(
          d ->
              d.findElement(By.cssSelector("[data-node-id='wait_1'] .omni-node-summary"))
                  .getText()
                  .equals("Wait 1 minute"));
      browser.screenshot("96-multichannel-wait-one-minute");

      // 3. LinkedIn task (connect, the defaults), 4. SMS on its "sent" output, 5. a last wait
      // the booking ends
      selectNode(browser, "wait_1");
      addAfterSelected(browser, wf, admin, "linkedin_task", "linkedin_task_1", 3);
      selectNode(browser, "linkedin_task_1");
      addAfterSelected(browser, wf, admin, "send_sms", "send_sms_1", 4);
      selectNode(browser, "send_sms_1");
      Journeys.type(browser, "#node-sms-body textarea", smsText);
      browser.click(By.id("node-apply"));
      selectNode(browser, "send_sms_1");
      addAfterSelected(browser, wf, admin, "wait", "wait_2", 5);
      // the task's other outcomes (accepted, replied, skipped) end the run: each click on "End"
      // takes the next free output
      for (int i = 1; i <= 3; i++) {
        selectNode(browser, "linkedin_task_1");
        addAfterSelected(browser, wf, admin, "end", "end_" + i, 5 + i);
      }

      // the autosaved draft has all of it, then publish
      String[] draft = {""};
      Journeys.waitLong(browser)
          .withMessage("the draft has the whole sequence")
          .until(
              d -> {
                try {
                  draft[0] = E2e.get("/api/v1/workflows/" + wf, admin).body();
                } catch (Exception e) {
                  return false;
                }
                return draft[0].contains("end_3") && draft[0].contains("got 15 minutes");
              });
      java.util.List<String> edges = new java.util.ArrayList<>();
      SmsApiIT.JSON
          .readTree(draft[0])
          .get("edges")
          .forEach(
              e ->
                  edges.add(
                      e.get("source").asText()
                          + ">"
                          + e.get("target").asText()
                          + (e.path("condition").isTextual()
                              ? ":" + e.get("condition").asText()
                              : "")));
      assertThat(edges)
          .containsExactlyInAnyOrder(
              "start>send_email_1",
              "send_email_1>wait_1",
              "wait_1>linkedin_task_1",
              "linkedin_task_1>send_sms_1:sent",
              "send_sms_1>wait_2",
              "linkedin_task_1>end_1:accepted",
              "linkedin_task_1>end_2:replied",
              "linkedin_task_1>end_3:skipped");
      assertThat(draft[0]).contains("\"PT1M\"");
      browser.driver.executeScript(
          "document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
      browser.click(By.id("node-close"));
      browser.click(By.id("workflow-publish"));
      browser.wait.until(
          d -> d.findElement(By.id("workflow-version")).getText().contains("Published v1"));
      Journeys.fitCanvasTo(browser, "[data-node-id='start']", "[data-node-id='end_3']");
      browser.screenshot("90-multichannel-canvas");

      // enrol the lead from the results page
      browser.open("/workflows/" + wf + "/results");
      browser.await(By.id("results-empty"));
      browser.click(By.id("results-enrol"));
      browser.click(By.xpath("//vaadin-radio-button[contains(normalize-space(.), 'Lead ids')]"));
      Journeys.type(browser, "#enrol-ids textarea", lead);
      browser.wait.until(
          d -> d.findElement(By.id("enrol-submit")).getText().equals("Enrol 1 lead"));
      browser.click(By.id("enrol-submit"));
      assertThat(browser.await(By.id("enrol-summary")).getText()).isEqualTo("Enrolled 1.");
      browser.click(By.id("enrol-close"));
      String run = Journeys.runOf(admin, wf, lead);

      // past the email the run waits a minute: due 59-90 s after the wait began. Not
      // idled through: once that is checked, its due time is moved to now
      JsonNode wait =
          await("the run waits at wait_1")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> step(admin, run, "wait_1"),
                  w -> w != null && w.path("output").hasNonNull("waitUntil"));
      Instant began = Instant.parse(wait.get("startedAt").asText());
      assertThat(Duration.between(began, Instant.parse(wait.at("/output/waitUntil").asText())))
          .as("the wait's length: " + wait)
          .isBetween(Duration.ofSeconds(59), Duration.ofSeconds(90));
      if ("waiting".equals(wait.get("status").asText())) {
        // the time the engine acts on
        Instant due = Instant.parse(wait.get("dueAt").asText());
        assertThat(Duration.between(began, due))
            .as("the waiting step's due time: " + wait)
            .isBetween(Duration.ofSeconds(59), Duration.ofSeconds(90));
        if (makeDueNow(tenant.slug(), wait.get("id").asLong()) == 0) {
          // only when the minute ran out meanwhile and the engine woke the step by itself
          assertThat(Instant.now()).isAfter(due.minusSeconds(2));
        }
      } // else a slow machine took the minute anyway: the step ended by its timer all the same

      // after the wait the LinkedIn task is in the rep's Today queue
      await("the LinkedIn task")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  E2e.get("/api/v1/tasks?mine=true&status=open&limit=500", admin)
                      .body()
                      .contains("Amara Okafor"));
      browser.open("/tasks");
      WebElement list = browser.await(By.id("tasks-list"));
      browser.wait.until(d -> list.getText().contains("Amara Okafor"));
      WebElement card =
          browser.wait.until(
              d ->
                  d.findElement(
                      By.xpath(
                          "//div[contains(@class,'omni-task-card') and"
                              + " .//span[contains(@class,'omni-task-title') and"
                              + " contains(.,'Amara Okafor')]]")));
      assertThat(card.getAttribute("data-kind")).isEqualTo("linkedin");
      assertThat(card.getText()).contains("Open LinkedIn profile");
      String task = card.getAttribute("id").substring("task-".length());
      browser.screenshot("91-multichannel-linkedin-task");
      browser.click(By.id("task-" + task + "-outcome-sent"));
      browser.wait.until(d -> d.findElements(By.id("task-" + task)).isEmpty());
      browser.screenshot("92-multichannel-task-done");

      // the run took "sent": the SMS reaches Twilio from the workspace's number
      LoggedRequest sms =
          await("the SMS at the Twilio fake")
              .atMost(Duration.ofSeconds(90))
              .until(
                  () ->
                      twilio
                          .findAll(postRequestedFor(urlPathEqualTo(TwilioFake.messages(SID))))
                          .stream()
                          .filter(r -> smsText.equals(SmsApiIT.form(r).get("Body")))
                          .findFirst(),
                  Optional::isPresent)
              .orElseThrow();
      assertThat(SmsApiIT.form(sms)).containsEntry("To", phone).containsEntry("From", FROM);
      browser.open("/runs/" + run);
      browser.await(
          By.cssSelector("#run-steps [data-node-id='send_sms_1'][data-status='succeeded']"));
      browser.await(By.cssSelector("#run-steps [data-node-id='wait_2'][data-status='waiting']"));
      browser.screenshot("93-multichannel-run-waiting");

      // the lead books through Calendly: a signed invitee.created
      String invitee = "INV" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      byte[] booking =
          CalendlyApiIT.invitee(
              "invitee.created",
              CALENDLY_USER,
              invitee,
              email,
              "lead-" + lead,
              Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES));
      HttpResponse<String> applied =
          CalendlyApiIT.signed(CalendlyApiIT.signingKey(CALENDLY_USER), booking);
      assertThat(applied.statusCode()).as(applied.body()).isEqualTo(204);
      assertThat(applied.headers().firstValue("X-OmniReach-Outcome")).hasValue("APPLIED");

      JsonNode ended =
          await("the run ends")
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> SmsApiIT.json(E2e.get("/api/v1/runs/" + run, admin)).get("run"),
                  r -> !"waiting".equals(r.get("status").asText()));
      assertThat(ended.get("status").asText()).isEqualTo("cancelled");
      assertThat(ended.get("stopReason").asText()).contains("Meeting booked on Calendly");
      assertThat(E2e.field(E2e.get("/api/v1/leads/" + lead, admin).body(), "stage"))
          .isEqualTo("meeting");
      browser.open("/runs/" + run);
      assertThat(browser.await(By.id("run-stop-reason")).getText())
          .contains("Meeting booked on Calendly");
      browser.await(
          By.cssSelector("#run-steps [data-node-id='linkedin_task_1'][data-status='succeeded']"));
      assertThat(step(admin, run, "wait_1").path("output").path("endedBy").asText())
          .isEqualTo("timer");
      browser.screenshot("94-multichannel-run-ended");
      browser.open("/leads/" + lead);
      browser.await(By.cssSelector(".omni-lead-stage-meeting"));
      browser.screenshot("95-multichannel-lead-meeting");
    }
    // another workspace does not see the lead
    // (each workspace numbers its own leads, so the same id may exist there: check by content)
    String globex = E2e.token("admin@globex.demo");
    assertThat(E2e.get("/api/v1/leads/" + lead, globex).body()).doesNotContain(email);
    assertThat(E2e.get("/api/v1/leads?q=" + email, globex).body()).doesNotContain(email);
  }

  /** The run's last step at {@code nodeId}, or null while the run has not reached it. */
  private static JsonNode step(String token, String run, String nodeId) throws Exception {
    JsonNode found = null;
    for (JsonNode s : SmsApiIT.json(E2e.get("/api/v1/runs/" + run, token)).get("steps")) {
      if (nodeId.equals(s.get("nodeId").asText())) {
        found = s;
      }
    }
    return found;
  }

  /**
   * Moves a waiting step's due time to now in the test database (what the minute's passing would
   * do); the engine's next tick wakes it by its timer. Returns 1, or 0 when the step was no longer
   * waiting for a time to come.
   */
  private static int makeDueNow(String slug, long stepId) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(
        "jdbc:postgresql://127.0.0.1:5432/"
            + System.getProperty("omnireach.test.db", "omnireach_e2e"));
    ds.setUser("postgres");
    return new Transactions(ds)
        .platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update "
                          + TenantSchema.schemaFor(slug)
                          + ".node_runs set due_at = now()"
                          + " where id = ? and status = 'waiting' and due_at > now()")) {
                ps.setLong(1, stepId);
                return ps.executeUpdate();
              }
            });
  }

  /** Clicks a step on the canvas and waits for the side panel to show it. */
  private static void selectNode(Browser browser, String id) {
    // adding a step pans the canvas to it: bring every step into view first
    browser.click(By.cssSelector(".react-flow__controls-fitview"));
    browser.click(By.cssSelector("[data-node-id='" + id + "'] .omni-node-icon"));
    browser.wait.until(d -> d.findElement(By.id("node-panel-id")).getText().equals(id));
  }

  /** A palette click adds the step after the selected one, connected; waits for the edge. */
  private static void addAfterSelected(
      Browser browser, String wf, String admin, String type, String id, int edges) {
    browser.click(By.cssSelector("[data-palette-type='" + type + "']"));
    browser.await(By.cssSelector("[data-node-id='" + id + "']"));
    browser.wait.until(d -> d.findElements(By.cssSelector(".react-flow__edge")).size() == edges);
    // the canvas saves debounced: wait until the server's draft has the step
    await("the draft has " + id)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> E2e.get("/api/v1/workflows/" + wf, admin).body(),
            b -> b.contains("\"" + id + "\""));
  }
}
