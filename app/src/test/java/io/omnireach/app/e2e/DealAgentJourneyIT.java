package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A manager sets the agent up and checks its work in the browser: autonomy and who approves what
 * (Deals → Agent), volume tiers in the price book, approves an escalation in the "Why?" panel, and
 * replays a counter with the current playbook and with bigger discount steps.
 */
class DealAgentJourneyIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  private static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  @Test
  void a_manager_sets_the_agent_approves_and_replays() throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("agentjr");
    String admin = t.token();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String lead = Journeys.lead(admin, "Ada", "Lovelace", "Engines " + tag);
    long product =
        ok(
                E2e.send(
                    "POST",
                    "/api/v1/products",
                    admin,
                    "{\"name\":\"Growth seat\",\"currency\":\"USD\",\"listPrice\":1200,"
                        + "\"floorPrice\":900,\"maxDiscountPercent\":15,\"paymentTerms\":"
                        + "[\"net30\"],\"contractMonths\":[12,24]}"),
                201)
            .get("id")
            .asLong();
    long deal =
        ok(
                E2e.send(
                    "POST",
                    "/api/v1/deals",
                    admin,
                    "{\"leadId\":"
                        + lead
                        + ",\"title\":\"Engines "
                        + tag
                        + "\",\"currency\":\"USD\",\"stage\":\"negotiation\",\"termMonths\":24,"
                        + "\"lines\":[{\"productId\":"
                        + product
                        + ",\"quantity\":25}]}"),
                201)
            .get("id")
            .asLong();
    long counter = 0;
    for (int i = 0; i < 4; i++) {
      JsonNode n =
          ok(
              E2e.send(
                  "POST",
                  "/api/v1/deals/" + deal + "/negotiate",
                  admin,
                  "{\"message\":\"We need 40% off to sign.\"}"),
              200);
      if (i == 0) {
        counter = n.get("decisionId").asLong();
      }
    }

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, t.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/deals");
      browser.await(By.id("deal-board"));
      browser.click(By.id("deals-tab-agent"));
      browser.await(By.id("agent-settings"));
      Journeys.type(browser, "#agent-approvers textarea", "up to 10: Sales, lee@engines.example");
      browser.click(By.id("agent-save"));
      browser.wait.until(
          d -> d.findElement(By.id("agent-settings")).getText().contains("Playbook version 2"));
      JsonNode rules = ok(E2e.get("/api/v1/approver-rules", admin), 200);
      assertThat(rules.toString()).contains("lee@engines.example", "\"Sales\"");
      browser.screenshot("deal-agent-01-settings");

      // volume tiers in the price book
      browser.click(By.id("deals-tab-price-book"));
      browser.await(By.id("product-grid"));
      browser.wait.until(d -> d.findElement(By.id("product-grid")).getText().contains("Growth"));
      browser.await(By.xpath("//vaadin-grid-cell-content[contains(., 'Growth seat')]")).click();
      browser.await(By.id("product-tiers"));
      Journeys.type(browser, "#product-tiers input", "50: 800");
      browser.click(By.id("product-save"));
      browser.wait.until(
          d -> "true".equals(d.findElement(By.id("product-tiers")).getDomProperty("invalid")));
      assertThat(browser.driver.findElement(By.id("product-tiers")).getDomProperty("errorMessage"))
          .contains("floorPrice");
      Journeys.type(browser, "#product-tiers input", "50: 1000");
      browser.click(By.id("product-save"));
      browser.wait.until(d -> d.findElement(By.id("product-grid")).getText().contains("1 tier"));
      assertThat(ok(E2e.get("/api/v1/products/" + product, admin), 200).toString())
          .contains("\"minQuantity\":50");

      // the latest decision is the escalation: approve it in the Why? panel
      browser.open("/deals/" + deal);
      browser.await(By.id("approve-decision"));
      Journeys.type(browser, "#approval-note input", "Fine for 24 months.");
      browser.click(By.id("approve-decision"));
      browser.wait.until(
          d ->
              d.findElement(By.id("deal-why")).getText().contains("Approved by " + t.adminEmail()));
      assertThat(browser.driver.findElement(By.id("deal-timeline")).getText())
          .contains("Approved by");

      // replay the first counter: as it is, then with 15 % steps
      // the timeline is drawn again after the approval, and a click on a button the server has
      // already replaced is dropped: click the counter's Why? afresh until its panel shows
      String whyFirst = "why-" + counter;
      String counterPanel = "#deal-why[data-decision='" + counter + "']";
      browser
          .wait
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          // the approval's toast may still cover the button for a moment
          .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
          .until(
              d -> {
                if (!d.findElements(By.cssSelector(counterPanel)).isEmpty()) {
                  return true;
                }
                WebElement why = d.findElement(By.id(whyFirst));
                browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", why);
                why.click();
                return false;
              });
      // the Why? panel sits at the top of the page, far above the timeline, and is redrawn
      // after each answer: find, scroll and click afresh until it takes
      clickAfresh(browser, By.cssSelector(counterPanel + " #replay-current"));
      browser
          .wait
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> d.findElement(By.id("replay-result")).getText().contains("Same decision"));
      clickAfresh(browser, By.cssSelector(".omni-why-replay-edit"));
      Journeys.type(browser, "#replay-step input", "15");
      clickAfresh(browser, By.id("replay-edited"));
      browser
          .wait
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> d.findElement(By.id("replay-result")).getText().contains("discountPercent"));
      assertThat(browser.driver.findElement(By.id("replay-result")).getText())
          .contains("5 → 15", "not stored");
      browser.screenshot("deal-agent-02-why-replay");
    }
    assertThat(ok(E2e.get("/api/v1/deals/" + deal + "/decisions", admin), 200).get("items").size())
        .isEqualTo(4);
  }

  private static void clickAfresh(Browser browser, By by) {
    browser
        .wait
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .until(
            d -> {
              WebElement element = d.findElement(by);
              browser.driver.executeScript(
                  "arguments[0].scrollIntoView({block: 'center'})", element);
              element.click();
              return true;
            });
  }
}
