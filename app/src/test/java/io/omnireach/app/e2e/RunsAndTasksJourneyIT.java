package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The runs list and the task list in the browser: three leads wait at a Task step; the status chips
 * count them, search finds one, a bulk pause pauses the selected run; the Admin completes a task
 * from Tasks (the badge counts down) and that run goes on to the end. A Viewer sees runs and tasks
 * but can change neither.
 */
class RunsAndTasksJourneyIT {

  static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void ready() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void runs_filter_and_pause_and_a_completed_task_lets_its_run_finish() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String wf =
        Journeys.publish(
            admin,
            "{\"name\":\"Call first "
                + RUN
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"call\",\"type\":\"task\",\"config\":{\"title\":\"Call before"
                + " emailing\",\"assignee\":\"admin@acme.demo\"}},"
                + "{\"id\":\"done\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"start\",\"target\":\"call\"},"
                + "{\"source\":\"call\",\"target\":\"done\"}]}");
    String ada = Journeys.lead(admin, "Ada", "Quill" + RUN, "Quillworks");
    String bo = Journeys.lead(admin, "Bo", "Stern" + RUN, "Sternhaus");
    String cy = Journeys.lead(admin, "Cy", "Vance" + RUN, "Vance & Co");
    Journeys.enrol(admin, wf, List.of(ada, bo, cy));
    Journeys.awaitRuns(admin, wf, "waiting", 3);
    String adaRun = Journeys.runOf(admin, wf, ada);
    String boRun = Journeys.runOf(admin, wf, bo);

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/runs?workflow=" + wf);
      WebElement waiting = browser.await(By.id("runs-chip-waiting"));
      assertThat(waiting.getText()).contains("Waiting", "3");
      assertThat(browser.driver.findElement(By.id("runs-total")).getText()).isEqualTo("3 runs");
      browser.click(By.id("runs-chip-waiting"));
      browser.wait.until(
          d ->
              d.findElement(By.id("runs-chip-waiting"))
                  .getAttribute("class")
                  .contains("is-active"));
      WebElement grid = browser.await(By.id("runs-grid"));
      browser.wait.until(d -> grid.getText().contains("Quill" + RUN));
      assertThat(grid.getText()).contains("Stern" + RUN, "Vance" + RUN, "Call first " + RUN);

      // search narrows to one lead
      Journeys.type(browser, "#runs-search input", "Stern" + RUN);
      browser.wait.until(d -> !grid.getText().contains("Quill" + RUN));
      assertThat(grid.getText()).contains("Stern" + RUN).doesNotContain("Vance" + RUN);
      browser
          .await(By.cssSelector("#runs-search input"))
          .sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      browser.wait.until(d -> grid.getText().contains("Quill" + RUN));

      // bulk: select Bo's run and pause it
      selectRow(browser, "Stern" + RUN);
      assertThat(browser.await(By.id("runs-bulk-count")).getText()).isEqualTo("1 run selected");
      browser.screenshot("74-runs-list");
      browser.click(By.id("runs-bulk-pause"));
      browser.wait.until(d -> d.findElement(By.id("runs-chip-paused")).getText().contains("1"));
      assertThat(browser.driver.findElement(By.id("runs-chip-waiting")).getText()).contains("2");
      Journeys.awaitRuns(admin, wf, "paused", 1);

      // Tasks: three open for the admin; complete Ada's
      browser.open("/tasks");
      WebElement list = browser.await(By.id("tasks-list"));
      browser.wait.until(d -> list.getText().contains("Quill" + RUN));
      String badge = browser.driver.findElement(By.id("nav-tasks-count")).getText();
      int before = Integer.parseInt(badge.replace("+", ""));
      assertThat(before).isGreaterThanOrEqualTo(3);
      WebElement card =
          browser.driver.findElement(
              By.xpath(
                  "//div[contains(@class,'omni-task-card') and .//a[contains(.,'Quill"
                      + RUN
                      + "')]]"));
      assertThat(card.getText()).contains("Call before emailing", "Call first " + RUN);
      browser.screenshot("75-tasks");
      card.findElement(By.cssSelector("vaadin-button")).click();
      browser.wait.until(d -> !list.getText().contains("Quill" + RUN));
      browser.wait.until(
          d ->
              d.findElements(By.id("nav-tasks-count")).isEmpty()
                  || !d.findElement(By.id("nav-tasks-count")).isDisplayed()
                  || Integer.parseInt(
                          d.findElement(By.id("nav-tasks-count")).getText().replace("+", ""))
                      == before - 1);
      assertThat(browser.driver.findElement(By.id("tasks-done")).getText())
          .contains("Call before emailing");

      // Ada's run goes on to the end; the run page shows the task done and the run completed
      browser.open("/runs/" + adaRun);
      Journeys.waitLong(browser)
          // the run page redraws its status while it polls
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> d.findElement(By.id("run-status")).getText().equals("Completed"));
      WebElement task =
          browser.await(
              By.cssSelector("#run-steps [data-node-id='call'][data-status='succeeded']"));
      assertThat(task.getText()).contains("Completed by admin@acme.demo");
      browser.screenshot("76-run-after-task");

      // Bo's paused run can be resumed from its page
      browser.open("/runs/" + boRun);
      assertThat(browser.await(By.id("run-status")).getText()).isEqualTo("Paused");
      browser.click(By.id("run-resume"));
      browser.wait.until(d -> !d.findElement(By.id("run-status")).getText().equals("Paused"));
    }

    // a Viewer reads runs and tasks but has no controls (a browser of their own)
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "viewer@acme.demo");
      browser.open("/runs?workflow=" + wf);
      WebElement viewerGrid = browser.await(By.id("runs-grid"));
      browser.wait.until(d -> viewerGrid.getText().contains("Quill" + RUN));
      assertThat(browser.driver.findElements(By.cssSelector("#runs-grid vaadin-checkbox")))
          .isEmpty();
      assertThat(browser.driver.findElements(By.id("runs-bulk"))).isEmpty();
      browser.open("/runs/" + boRun);
      browser.await(By.id("run-header"));
      assertThat(browser.driver.findElements(By.id("run-pause"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("run-cancel"))).isEmpty();
      browser.open("/tasks");
      browser.await(By.id("tasks-list"));
      assertThat(browser.driver.findElements(By.cssSelector("[id^='task-complete-']"))).isEmpty();
      browser.screenshot("77-runs-viewer");
    }
  }

  private static void selectRow(Browser browser, String text) {
    browser.driver.executeScript(
        "const grid = document.getElementById('runs-grid');"
            + "const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')]"
            + "  .find(c => c.textContent.includes(arguments[0]) && c.querySelector('a'));"
            + "const row = cell.assignedSlot.parentElement.parentElement;"
            + "const box = [...grid.querySelectorAll('vaadin-grid-cell-content')]"
            + "  .filter(c => c.querySelector('vaadin-checkbox'))"
            + "  .find(c => c.assignedSlot.parentElement.parentElement === row);"
            + "box.querySelector('vaadin-checkbox').click();",
        text);
  }
}
