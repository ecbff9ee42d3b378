package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The daily queue in the browser: a workflow with a LinkedIn task (accepted → a Call step) shows
 * its four outputs on the canvas; a lead owned by the rep is enrolled; the rep finds the task in
 * Today with the text to copy and the profile link (new tab), sees the Snooze choices, records
 * "accepted", and the run takes the accepted output: the Call task with its talk track follows.
 */
class LinkedInTaskJourneyIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void ready() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void the_rep_records_accepted_and_the_run_takes_the_accepted_branch() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String salesId = JSON.readTree(E2e.get("/api/v1/me", sales).body()).path("id").asText();
    String wf =
        Journeys.publish(
            admin, laidOut(LinkedInTasksApiIT.linkedInThenCall("LinkedIn touch " + RUN)));
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/leads",
            admin,
            "{\"firstName\":\"Maya\",\"lastName\":\"Brooks"
                + RUN
                + "\",\"company\":\"Northwind\",\"title\":\"Head of Sales\",\"industry\":"
                + "\"logistics\",\"email\":\"maya."
                + RUN
                + "@runs.example\",\"linkedinUrl\":\"https://www.linkedin.com/in/maya-brooks-"
                + RUN
                + "\",\"phone\":\"+44 20 7946 0000\",\"ownerId\":"
                + salesId
                + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String lead = E2e.field(created.body(), "id");

    try (Browser browser = new Browser()) {
      // the workflow: the LinkedIn step's outputs are sent / accepted / replied / skipped
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/workflows/" + wf + "/edit");
      WebElement li = browser.await(By.cssSelector("omni-workflow-canvas [data-node-id='li']"));
      browser.wait.until(d -> li.getText().contains("LinkedIn task"));
      browser.wait.until(d -> d.findElements(By.cssSelector(".react-flow__edge")).size() >= 12);
      browser.click(By.cssSelector("omni-workflow-canvas [data-node-id='li']"));
      browser.wait.until(d -> d.findElement(By.id("node-panel-id")).getText().equals("li"));
      assertThat(browser.await(By.id("node-linkedin-action")).getText())
          .contains("connection request");
      browser.screenshot("80-workflow-linkedin-task");
    }

    Journeys.enrol(admin, wf, List.of(lead));
    Journeys.awaitRuns(admin, wf, "waiting", 1);
    String run = Journeys.runOf(admin, wf, lead);

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "sales@acme.demo");
      browser.open("/tasks");
      browser.await(By.id("tasks-tab-today"));
      WebElement list = browser.await(By.id("tasks-list"));
      browser.wait.until(d -> list.getText().contains("Brooks" + RUN));
      WebElement card = card(browser, "Brooks" + RUN);
      assertThat(card.getAttribute("data-kind")).isEqualTo("linkedin");
      assertThat(card.getText())
          .contains(
              "Connect with Maya Brooks" + RUN + " on LinkedIn",
              "LINKEDIN · CONNECT",
              "Hi Maya",
              "Head of Sales at Northwind",
              "Offline template",
              "Open LinkedIn profile");
      String id = card.getAttribute("id").substring("task-".length());
      WebElement profile = browser.driver.findElement(By.id("task-link-" + id));
      assertThat(profile.getAttribute("href"))
          .isEqualTo("https://www.linkedin.com/in/maya-brooks-" + RUN);
      assertThat(profile.getAttribute("target")).isEqualTo("_blank");
      assertThat(browser.driver.findElement(By.id("task-copy-" + id)).isDisplayed()).isTrue();
      browser.screenshot("81-tasks-today-linkedin");

      // Snooze offers presets and a picker
      browser.click(By.id("task-snooze-" + id));
      WebElement menu = browser.await(By.cssSelector("vaadin-context-menu-overlay"));
      browser.wait.until(d -> menu.getText().contains("Tomorrow, 09:00"));
      assertThat(menu.getText()).contains("In 3 hours", "Pick a date and time");
      browser.screenshot("82-tasks-snooze-menu");
      new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
      browser.wait.until(
          ExpectedConditions.invisibilityOfElementLocated(
              By.cssSelector("vaadin-context-menu-overlay")));

      // the rep records "accepted": the card leaves Today, Done recently shows the outcome
      browser.click(By.id("task-" + id + "-outcome-accepted"));
      browser.wait.until(d -> d.findElements(By.id("task-" + id)).isEmpty());
      WebElement done = browser.await(By.id("tasks-done"));
      browser.wait.until(d -> done.getText().contains("Accepted"));
      assertThat(done.getText()).contains("Connect with Maya Brooks" + RUN);

      // the run took the accepted output: the Call task is next in the queue
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () ->
                  E2e.get("/api/v1/tasks?mine=true&status=open&limit=500", sales)
                      .body()
                      .contains("Call Maya Brooks" + RUN));
      browser.open("/tasks");
      WebElement queue = browser.await(By.id("tasks-list"));
      browser.wait.until(d -> queue.getText().contains("Call Maya Brooks" + RUN));
      WebElement call = card(browser, "Call Maya Brooks" + RUN);
      assertThat(call.getAttribute("data-kind")).isEqualTo("call");
      assertThat(call.getText()).contains("Opener: Hi Maya", "Voicemail:", "No answer");
      assertThat(call.findElement(By.cssSelector("a.omni-task-link")).getAttribute("href"))
          .isEqualTo("tel:+442079460000");
      browser.screenshot("83-tasks-call-after-accepted");

      browser.click(By.id("tasks-tab-done"));
      browser.wait.until(
          d -> d.findElement(By.id("tasks-tab-done")).getAttribute("class").contains("is-active"));
      WebElement doneCard = card(browser, "Connect with Maya Brooks" + RUN);
      assertThat(doneCard.getText()).contains("Accepted", "by sales@acme.demo");
      browser.screenshot("84-tasks-done");

      // the run page: the LinkedIn step succeeded with "accepted", the Call step waits
      browser.open("/runs/" + run);
      WebElement step =
          browser.await(By.cssSelector("#run-steps [data-node-id='li'][data-status='succeeded']"));
      assertThat(step.getText()).contains("Outcome “accepted” recorded by sales@acme.demo");
      browser.await(By.cssSelector("#run-steps [data-node-id='call'][data-status='waiting']"));
      assertThat(
              browser.driver.findElements(By.cssSelector("#run-steps [data-node-id='tag_sent']")))
          .isEmpty();
      browser.screenshot("85-run-took-accepted");
    }
  }

  /** The graph with canvas positions: the LinkedIn step's four outputs side by side. */
  private static String laidOut(String graph) throws Exception {
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(graph);
    java.util.Map<String, int[]> at =
        java.util.Map.of(
            "start", new int[] {300, 0},
            "li", new int[] {300, 140},
            "tag_sent", new int[] {-20, 320},
            "call", new int[] {200, 320},
            "tag_replied", new int[] {420, 320},
            "tag_skipped", new int[] {640, 320},
            "tag_connected", new int[] {120, 500},
            "done", new int[] {300, 680});
    root.get("nodes")
        .forEach(
            n -> {
              int[] xy = at.get(n.path("id").asText());
              ((com.fasterxml.jackson.databind.node.ObjectNode) n)
                  .putObject("position")
                  .put("x", xy[0])
                  .put("y", xy[1]);
            });
    return JSON.writeValueAsString(root);
  }

  private static WebElement card(Browser browser, String text) {
    return browser.wait.until(
        d ->
            d.findElement(
                By.xpath(
                    "//div[contains(@class,'omni-task-card') and"
                        + " .//span[contains(@class,'omni-task-title') and contains(.,'"
                        + text
                        + "')]]")));
  }
}
