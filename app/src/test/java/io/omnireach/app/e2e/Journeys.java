package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Steps the workflow-run journeys share: signing in, typing, REST set-up and waiting for runs. */
final class Journeys {

  private Journeys() {}

  /** On a busy machine the application may start well after the server reports ready. */
  static void awaitReady() throws Exception {
    E2eServer.awaitReady();
  }

  static void signIn(Browser browser, String email) {
    signIn(browser, email, E2e.DEMO_PASSWORD);
  }

  static void signIn(Browser browser, String email, String password) {
    browser.driver.manage().deleteAllCookies();
    browser.open("/login");
    WebElement form;
    try {
      form = browser.await(By.id("login-form"));
    } catch (org.openqa.selenium.TimeoutException coldServer) {
      browser.open("/login"); // the first Vaadin page of a fresh server can take long here
      form = browser.await(By.id("login-form"));
    }
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }

  static void type(Browser browser, String css, String text) {
    WebElement input = browser.await(By.cssSelector(css));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  static WebDriverWait waitLong(Browser browser) {
    return browser.waitFor(Duration.ofSeconds(90));
  }

  /**
   * Fits the workflow canvas until every given element lies inside the canvas pane: a fit right
   * after a drop or a panel change can run before the new step is measured, so it is repeated.
   */
  static void fitCanvasTo(Browser browser, String... css) {
    browser.wait.until(
        d -> {
          browser.click(org.openqa.selenium.By.cssSelector(".react-flow__controls-fitview"));
          return (Boolean)
              browser.driver.executeScript(
                  "const pane = document.querySelector('.react-flow').getBoundingClientRect();"
                      + "return Array.from(arguments).every(css => {"
                      + "  const e = document.querySelector(css); if (!e) return false;"
                      + "  const r = e.getBoundingClientRect();"
                      + "  return r.width > 0 && r.left >= pane.left && r.right <= pane.right"
                      + "    && r.top >= pane.top && r.bottom <= pane.bottom; });",
                  (Object[]) css);
        });
  }

  /** The centre of an element in viewport coordinates. */
  static int[] centre(Browser browser, String css) {
    @SuppressWarnings("unchecked")
    List<Number> xy =
        (List<Number>)
            browser.driver.executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                    + "return [r.x + r.width / 2, r.y + r.height / 2];",
                css);
    return new int[] {xy.get(0).intValue(), xy.get(1).intValue()};
  }

  static String lead(String token, String first, String last, String company) throws Exception {
    String email =
        first.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@runs.example";
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/leads",
            token,
            "{\"firstName\":\""
                + first
                + "\",\"lastName\":\""
                + last
                + "\",\"company\":\""
                + company
                + "\",\"email\":\""
                + email
                + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.field(r.body(), "id");
  }

  /** Creates and publishes a workflow from canvas JSON; returns its id. */
  static String publish(String token, String graph) throws Exception {
    HttpResponse<String> r = E2e.sendOnceMigrated("POST", "/api/v1/workflows", token, graph);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = E2e.field(r.body(), "id");
    HttpResponse<String> p = E2e.send("POST", "/api/v1/workflows/" + id + "/publish", token, null);
    assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
    return id;
  }

  static void enrol(String token, String workflowId, List<String> leadIds) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + workflowId + "/enrollments",
            token,
            "{\"leadIds\":[" + String.join(",", leadIds) + "]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  /** Polls the runs of a workflow until {@code count} have the status; returns the page body. */
  static String awaitRuns(String token, String workflowId, String status, int count)
      throws Exception {
    Pattern counted = Pattern.compile("\"" + status + "\":(\\d+)");
    return await(count + " runs " + status + " in workflow " + workflowId)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              HttpResponse<String> r = E2e.get("/api/v1/runs?workflowId=" + workflowId, token);
              assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
              return r.body();
            },
            body -> {
              Matcher m = counted.matcher(body);
              return m.find() && Integer.parseInt(m.group(1)) == count;
            });
  }

  /** The id of the (newest) run of a lead in a workflow. */
  static String runOf(String token, String workflowId, String leadId) throws Exception {
    HttpResponse<String> r =
        E2e.get("/api/v1/runs?workflowId=" + workflowId + "&leadId=" + leadId, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return E2e.field(r.body(), "id");
  }
}
