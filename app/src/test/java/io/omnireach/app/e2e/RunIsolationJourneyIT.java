package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Tenant isolation through the UI: Globex's Admin, given the address of an Acme run page, its
 * workflow results and its runs list filter, sees "not found" and none of Acme's data; Acme's Admin
 * sees the same pages with the data.
 */
class RunIsolationJourneyIT {

  static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void ready() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void another_workspace_cannot_open_a_run_or_its_workflow() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String wf =
        Journeys.publish(
            acme,
            "{\"name\":\"Acme secret "
                + RUN
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"call\",\"type\":\"task\",\"config\":{\"title\":\"Secret call "
                + RUN
                + "\",\"assignee\":\"admin@acme.demo\"}},"
                + "{\"id\":\"done\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"start\",\"target\":\"call\"},"
                + "{\"source\":\"call\",\"target\":\"done\"}]}");
    String lead = Journeys.lead(acme, "Iris", "Secret" + RUN, "Acme Secrets");
    Journeys.enrol(acme, wf, List.of(lead));
    Journeys.awaitRuns(acme, wf, "waiting", 1);
    String run = Journeys.runOf(acme, wf, lead);

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/runs/" + run);
      assertThat(browser.await(By.id("run-lead")).getText()).isEqualTo("Iris Secret" + RUN);

      Journeys.signIn(browser, "admin@globex.demo");
      browser.open("/runs/" + run);
      browser.await(By.id("run-not-found"));
      assertThat(browser.driver.findElements(By.id("run-header"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("run-canvas"))).isEmpty();
      String page = browser.driver.findElement(By.tagName("body")).getText();
      assertThat(page).contains("Run not found").doesNotContain("Secret" + RUN, "Acme secret");
      browser.screenshot("77-run-other-tenant");

      browser.open("/workflows/" + wf + "/results");
      browser.await(By.id("results-not-found"));
      assertThat(browser.driver.findElement(By.tagName("body")).getText())
          .doesNotContain("Acme secret " + RUN);

      browser.open("/runs?workflow=" + wf);
      // the page has rendered: its run count, or the empty state of a workspace without workflows
      browser.wait.until(
          d ->
              !d.findElements(By.cssSelector(".omni-empty")).isEmpty()
                  || d.findElements(By.id("runs-total")).stream()
                      .anyMatch(
                          t -> t.getText().endsWith(" runs") || t.getText().endsWith(" run")));
      assertThat(browser.driver.findElement(By.tagName("body")).getText())
          .doesNotContain("Secret" + RUN, "Acme secret " + RUN);

      browser.open("/tasks");
      browser.await(By.cssSelector(".omni-tasks"));
      assertThat(browser.driver.findElement(By.tagName("body")).getText())
          .doesNotContain("Secret call " + RUN);
    }
  }
}
