package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The builder as people use it: a new blank workflow, a step dragged from the palette onto the
 * React Flow canvas, an edge drawn by hand, a step added by click and configured in the side panel;
 * every change reaches the server (autosaved draft, read back over REST); validation marks the step
 * at fault. Screenshots in light and dark mode.
 */
class WorkflowBuilderJourneyIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void a_rep_draws_a_sequence_on_the_canvas_and_the_server_keeps_it() throws Exception {
    String name = "Canvas journey " + RUN;
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@acme.demo");
      browser.open("/workflows");
      browser.click(By.id("workflow-new"));
      WebElement nameField = browser.await(By.cssSelector("#workflow-new-name input"));
      nameField.sendKeys(Keys.chord(Keys.CONTROL, "a"), name);
      browser.click(By.id("template-blank"));
      browser.click(By.id("workflow-create"));

      browser.await(By.cssSelector("omni-workflow-canvas [data-node-id='start']"));
      Matcher m = Pattern.compile("/workflows/(\\d+)/edit").matcher(browser.driver.getCurrentUrl());
      assertThat(m.find()).isTrue();
      String id = m.group(1);

      // drag "Send email" from the palette onto the canvas
      WebElement item = browser.await(By.cssSelector("[data-palette-type='send_email']"));
      WebElement pane = browser.driver.findElement(By.cssSelector(".omni-wf-flow"));
      new Actions(browser.driver)
          .clickAndHold(item)
          .moveByOffset(30, 0)
          .moveToElement(pane, 0, 60)
          .release()
          .perform();
      browser.await(By.cssSelector("[data-node-id='send_email_1']"));
      // node-selected reached the server: the side panel shows the new step
      browser.wait.until(
          d -> d.findElement(By.id("node-panel-id")).getText().equals("send_email_1"));

      // both nodes in view (the drop may have panned the canvas), then connect start →
      // send_email_1 by dragging from one handle to the other
      browser.click(By.cssSelector(".react-flow__controls-fitview"));
      int[] from = centre(browser, "[data-node-id='start'] .react-flow__handle-bottom");
      int[] to = centre(browser, "[data-node-id='send_email_1'] .react-flow__handle-top");
      new Actions(browser.driver)
          .moveToLocation(from[0], from[1])
          .clickAndHold()
          .moveToLocation(from[0] + 10, from[1] + 25)
          .moveToLocation(to[0], to[1])
          .release()
          .perform();
      browser.wait.until(d -> !d.findElements(By.cssSelector(".react-flow__edge")).isEmpty());

      // send_email_1 is still selected: a click on "Wait" adds the next step after it
      browser.click(By.cssSelector("[data-palette-type='wait']"));
      browser.await(By.cssSelector("[data-node-id='wait_1']"));
      // the canvas saves debounced: wait until the server's draft has the step
      String admin = E2e.token("admin@acme.demo");
      await("the draft has wait_1")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> E2e.get("/api/v1/workflows/" + id, admin).body(),
              b -> b.contains("\"wait_1\""));
      browser.click(By.cssSelector("[data-node-id='wait_1'] .omni-node-icon"));
      browser.wait.until(d -> d.findElement(By.id("node-panel-id")).getText().equals("wait_1"));
      WebElement amount = browser.await(By.cssSelector("#node-wait-amount input"));
      amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
      browser.click(By.id("node-apply"));
      browser.wait.until(
          d ->
              d.findElement(By.cssSelector("[data-node-id='wait_1'] .omni-node-summary"))
                  .getText()
                  .equals("Wait 3 days"));

      // graph-changed reached the server: the autosaved draft has all of it
      String token = E2e.token("admin@acme.demo");
      String[] draft = {""};
      browser.wait.until(
          d -> {
            try {
              draft[0] = E2e.get("/api/v1/workflows/" + id, token).body();
            } catch (Exception e) {
              return false;
            }
            return draft[0].contains("\"P3D\"") && draft[0].contains("send_email_1");
          });
      assertThat(draft[0].replace(" ", ""))
          .contains("\"source\":\"start\",\"target\":\"send_email_1\"")
          .contains("\"source\":\"send_email_1\",\"target\":\"wait_1\"");
      assertThat(draft[0]).contains("\"name\":\"" + name + "\"");

      // validation names the step at fault on the canvas
      browser.click(By.id("workflow-validate"));
      WebElement faulty =
          browser.await(
              By.cssSelector("[data-node-id='send_email_1'].has-issues .omni-node-issues"));
      assertThat(faulty.getText()).isNotBlank();
      browser.click(By.cssSelector("[data-node-id='send_email_1']"));
      browser.wait.until(
          d -> d.findElement(By.id("node-panel-id")).getText().equals("send_email_1"));
      browser.screenshot("60-workflow-builder");

      browser.click(By.id("theme-toggle"));
      browser.wait.until(
          d ->
              String.valueOf(
                      browser.driver.executeScript(
                          "return document.documentElement.getAttribute('theme')"))
                  .contains("dark"));
      browser.screenshot("61-workflow-builder-dark");
      browser.click(By.id("theme-toggle"));

      // the list shows it as a draft
      browser.open("/workflows");
      WebElement grid = browser.await(By.id("workflows-grid"));
      browser.wait.until(d -> grid.getText().contains(name));
      assertThat(grid.getText()).contains("Draft");
      browser.screenshot("62-workflows-list");
    }
  }

  @Test
  void a_template_opens_laid_out_top_down() throws Exception {
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@acme.demo");
      browser.open("/workflows");
      browser.click(By.id("workflow-new"));
      browser.click(By.id("template-cold-outreach-3-touches"));
      browser.click(By.id("workflow-create"));
      browser.await(By.cssSelector("omni-workflow-canvas .react-flow__node"));
      browser.wait.until(d -> d.findElements(By.cssSelector(".react-flow__node")).size() > 10);
      browser.screenshot("63-workflow-template");
      // no card sits on another one (rectangles in flow coordinates, zoom left out)
      @SuppressWarnings("unchecked")
      List<List<Number>> rects =
          (List<List<Number>>)
              browser.driver.executeScript(
                  "return [...document.querySelectorAll('.react-flow__node')].map(n => {"
                      + " const t = new DOMMatrix(getComputedStyle(n).transform);"
                      + " return [t.e, t.f, n.offsetWidth, n.offsetHeight]; })");
      assertThat(rects).hasSizeGreaterThan(10);
      for (int i = 0; i < rects.size(); i++) {
        for (int j = i + 1; j < rects.size(); j++) {
          double[] a = rect(rects.get(i));
          double[] b = rect(rects.get(j));
          boolean overlap =
              a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
          assertThat(overlap).as("cards %s and %s overlap", rects.get(i), rects.get(j)).isFalse();
        }
      }
    }
  }

  private static double[] rect(List<Number> r) {
    return new double[] {
      r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).doubleValue(), r.get(3).doubleValue()
    };
  }

  private static int[] centre(Browser browser, String css) {
    @SuppressWarnings("unchecked")
    List<Number> xy =
        (List<Number>)
            browser.driver.executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                    + "return [r.x + r.width / 2, r.y + r.height / 2];",
                css);
    return new int[] {xy.get(0).intValue(), xy.get(1).intValue()};
  }

  private static void signIn(Browser browser, String email) {
    browser.open("/login");
    WebElement form;
    try {
      form = browser.await(By.id("login-form"));
    } catch (org.openqa.selenium.TimeoutException coldServer) {
      browser.open("/login"); // the first Vaadin page of a fresh server can take long here
      form = browser.await(By.id("login-form"));
    }
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }
}
