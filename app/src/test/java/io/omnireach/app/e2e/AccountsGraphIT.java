package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Accounts and the relationship graph through the real server: leads on a work domain and on Gmail
 * become one account; a meeting (the lead's stage) and a manual introduction make a four-hop warm
 * path; the account's graph and team contacts; bad input as problem+json; another tenant sees
 * nothing. Then the same in the browser: the Accounts grid, the account page with its graph (a
 * click on a node opens the person), the lead page's warm path, and a connection added by hand.
 */
class AccountsGraphIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void accounts_graph_warm_path_and_connections_through_api_and_browser() throws Exception {
    Journeys.awaitReady();
    String sales = E2e.token("sales@acme.demo");
    String viewer = E2e.token("viewer@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String domain = "graph-" + tag + ".example";
    String company = "Globex Graph " + tag;
    JsonNode me = json(E2e.send("GET", "/api/v1/me", sales, null), 200);
    long salesId = me.get("id").asLong();
    String salesName = me.get("displayName").asText();

    String hank = lead(sales, "Hank", "Scorpio", "hank@" + domain, company + " Corporation");
    String jane = lead(sales, "Jane", "Doe", "jane@eu." + domain, company.toLowerCase());
    String lisa = lead(sales, "Lisa", "Chen", "lisa." + tag + "@gmail.com", company + ", Inc.");
    String priya =
        lead(sales, "Priya", "Patel", "priya@initech-" + tag + ".example", "Initech " + tag);
    String omar = lead(sales, "Omar", "Haddad", "omar." + tag + "@gmail.com", "Solo " + tag);
    // Hank met the sales rep (stage meeting, owned by them)
    HttpResponse<String> r =
        E2e.send(
            "PATCH",
            "/api/v1/leads/" + hank,
            sales,
            "{\"stage\":\"meeting\",\"ownerId\":" + salesId + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

    // one account: the work domain, and Lisa on Gmail by company name
    JsonNode list = json(E2e.send("GET", "/api/v1/accounts?q=" + domain, viewer, null), 200);
    assertThat(list.get("total").asInt()).isEqualTo(1);
    JsonNode account = list.get("items").get(0);
    assertThat(account.get("domain").asText()).isEqualTo(domain);
    assertThat(account.get("name").asText()).isEqualTo(company + " Corporation");
    assertThat(account.get("leads").asInt()).isEqualTo(3);
    String accountId = account.get("id").asText();

    JsonNode detail = json(E2e.send("GET", "/api/v1/accounts/" + accountId, viewer, null), 200);
    assertThat(detail.get("people").findValuesAsText("name"))
        .containsExactlyInAnyOrder("Hank Scorpio", "Jane Doe", "Lisa Chen");
    JsonNode team = detail.get("team");
    assertThat(team).hasSize(1);
    assertThat(team.get(0).get("userId").asLong()).isEqualTo(salesId);
    assertThat(team.get(0).get("meetings").asInt()).isEqualTo(1);
    assertThat(team.get(0).get("level").asText()).isIn("hot", "warm", "cool", "cold");

    JsonNode graph =
        json(E2e.send("GET", "/api/v1/accounts/" + accountId + "/graph", viewer, null), 200);
    assertThat(graph.get("nodes").findValuesAsText("id"))
        .contains(
            "account:" + accountId,
            "lead:" + hank,
            "lead:" + jane,
            "lead:" + lisa,
            "user:" + salesId);
    assertThat(graph.get("nodes").get(0).get("kind").asText()).isEqualTo("account");
    List<String> edges = new ArrayList<>();
    graph
        .get("edges")
        .forEach(
            e ->
                edges.add(
                    e.get("source").asText()
                        + " "
                        + e.get("kind").asText()
                        + " "
                        + e.get("target").asText()));
    assertThat(edges)
        .contains(
            "lead:" + lisa + " works_at account:" + accountId,
            "user:" + salesId + " met lead:" + hank);
    assertThat(graph.get("edges").get(0).has("strength")).isTrue();
    assertThat(graph.get("edges").get(0).has("lastAt")).isTrue();

    // no warm path to Priya yet; then Jane introduces her: rep - Hank - Globex - Jane - Priya
    JsonNode none =
        json(E2e.send("GET", "/api/v1/leads/" + priya + "/warm-path", viewer, null), 200);
    assertThat(none.get("found").asBoolean()).isFalse();
    String intro = "{\"kind\":\"introduced_by\",\"leadId\":" + jane + ",\"note\":\"Old friends\"}";
    r = E2e.send("POST", "/api/v1/leads/" + priya + "/connections", viewer, intro);
    assertThat(r.statusCode()).isEqualTo(403);
    r = E2e.send("POST", "/api/v1/leads/" + priya + "/connections", globex, intro);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    JsonNode added =
        json(E2e.send("POST", "/api/v1/leads/" + priya + "/connections", sales, intro), 201);
    assertThat(added.get("peerLabel").asText()).isEqualTo("Jane Doe");
    r = E2e.send("POST", "/api/v1/leads/" + priya + "/connections", sales, intro);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    problem(
        E2e.send("POST", "/api/v1/leads/" + priya + "/connections", sales, "{\"kind\":\"met\"}"),
        "kind");
    problem(
        E2e.send(
            "POST",
            "/api/v1/leads/" + priya + "/connections",
            sales,
            "{\"kind\":\"knows\",\"leadId\":" + jane + ",\"userId\":" + salesId + "}"),
        "leadId");
    problem(
        E2e.send(
            "POST",
            "/api/v1/leads/" + priya + "/connections",
            sales,
            "{\"kind\":\"knows\",\"leadId\":" + priya + "}"),
        "leadId");
    problem(E2e.send("GET", "/api/v1/accounts?sort=size", viewer, null), "sort");

    JsonNode path =
        json(E2e.send("GET", "/api/v1/leads/" + priya + "/warm-path", viewer, null), 200);
    assertThat(path.get("found").asBoolean()).isTrue();
    assertThat(path.get("hops").asInt()).isEqualTo(4);
    assertThat(path.get("nodes").findValuesAsText("id"))
        .containsExactly(
            "user:" + salesId,
            "lead:" + hank,
            "account:" + accountId,
            "lead:" + jane,
            "lead:" + priya);
    assertThat(path.get("edges").findValuesAsText("kind"))
        .containsExactly("met", "works_at", "works_at", "introduced_by");
    JsonNode around = json(E2e.send("GET", "/api/v1/leads/" + jane + "/graph", viewer, null), 200);
    assertThat(around.get("focus").asText()).isEqualTo("lead:" + jane);
    assertThat(around.get("nodes").findValuesAsText("id")).contains("lead:" + priya);

    // another tenant: nothing of it, ids included
    for (String p :
        List.of(
            "/api/v1/accounts/" + accountId,
            "/api/v1/accounts/" + accountId + "/graph",
            "/api/v1/leads/" + priya + "/warm-path",
            "/api/v1/leads/" + priya + "/graph",
            "/api/v1/leads/" + priya + "/connections")) {
      r = E2e.send("GET", p, globex, null);
      assertThat(r.statusCode()).as(p).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    r = E2e.send("GET", "/api/v1/accounts?q=" + domain, globex, null);
    assertThat(json(r, 200).get("total").asInt()).isZero();
    r =
        E2e.send(
            "DELETE", "/api/v1/leads/" + priya + "/connections/" + added.get("id"), globex, null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(E2e.get("/openapi", null).body())
        .contains(
            "/api/v1/accounts/{id}/graph",
            "/api/v1/leads/{leadId}/warm-path",
            "/api/v1/leads/{leadId}/connections",
            "account graph",
            "through a colleague");

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "sales@acme.demo");
      browser.open("/accounts");
      Journeys.type(browser, "#accounts-search input", domain);
      // the search applied: only this account, not Priya's Initech
      browser.wait.until(
          d -> {
            String grid = d.findElement(By.id("accounts-grid")).getText();
            return grid.contains(company + " Corporation") && !grid.contains("Initech " + tag);
          });
      browser.screenshot("70-accounts");
      browser.click(By.cssSelector("#accounts-grid a.omni-account-cell"));
      WebElement name = browser.await(By.id("account-name"));
      assertThat(name.getText()).isEqualTo(company + " Corporation");
      assertThat(browser.await(By.id("account-team")).getText()).contains(salesName, "1 meeting");
      assertThat(browser.await(By.id("account-people")).getText())
          .contains("Hank Scorpio", "Jane Doe", "Lisa Chen");
      browser.await(By.cssSelector("#relationship-graph-chart canvas"));
      browser.screenshot("71-account-graph");

      // a click on Jane's node opens her page
      clickNode(browser, "lead:" + jane);
      browser.wait.until(ExpectedConditions.urlContains("/leads/" + jane));
      assertThat(browser.await(By.id("lead-name")).getText()).isEqualTo("Jane Doe");
      assertThat(browser.await(By.id("lead-account")).getText())
          .isEqualTo(company + " Corporation");

      // Priya's page: the warm path through Hank, the company and Jane
      browser.open("/leads/" + priya);
      WebElement chain = browser.await(By.id("warm-path-chain"));
      assertThat(chain.getText())
          .contains(salesName, "Hank Scorpio", company + " Corporation", "Jane Doe", "Priya Patel");
      assertThat(chain.getText()).contains("met", "introduced by");
      browser.await(By.cssSelector("#relationship-graph-chart canvas"));
      browser.driver.executeScript(
          "document.getElementById('lead-warm-path').scrollIntoView({block: 'start'})");
      browser.screenshot("72-lead-warm-path");

      // Omar (Gmail, a company of his own): no warm path; the rep knows him, one hop
      browser.open("/leads/" + omar);
      assertThat(browser.await(By.id("lead-warm-path")).getText()).contains("Nobody on the team");
      browser.click(By.id("connection-add"));
      browser.await(By.id("connection-kind")); // the dialog host has no size: its content
      browser.click(By.id("connection-save"));
      browser.wait.until(
          d -> "true".equals(d.findElement(By.id("connection-teammate")).getAttribute("invalid")));
      browser.click(By.id("connection-teammate"));
      browser.click(By.xpath("//vaadin-select-item[contains(., '" + salesName + "')]"));
      Journeys.type(browser, "#connection-note input", "Met at SaaStr");
      browser.screenshot("73-connection-dialog");
      browser.click(By.id("connection-save"));
      browser.wait.until(
          d -> d.findElement(By.id("lead-connections")).getText().contains("Knows " + salesName));
      assertThat(browser.await(By.id("warm-path-chain")).getText()).contains(salesName, "knows");
      browser.driver.executeScript(
          "document.getElementById('lead-warm-path').scrollIntoView({block: 'start'})");
      browser.screenshot("74-lead-connection");
    }
    JsonNode omarPath =
        json(E2e.send("GET", "/api/v1/leads/" + omar + "/warm-path", viewer, null), 200);
    assertThat(omarPath.get("hops").asInt()).isEqualTo(1);
    assertThat(omarPath.get("edges").get(0).get("kind").asText()).isEqualTo("knows");
  }

  /** Clicks a node of the graph chart where ECharts drew it. */
  static void clickNode(Browser browser, String nodeId) {
    @SuppressWarnings("unchecked")
    List<Number> xy =
        (List<Number>)
            browser.driver.executeScript(
                "const el = document.getElementById('relationship-graph-chart');"
                    + "el.scrollIntoView({block: 'center'});"
                    + "const series = el._chart.getModel().getSeriesByIndex(0);"
                    + "const node = series.getGraph().getNodeById(arguments[0]);"
                    + "const p = series.coordinateSystem.dataToPoint(node.getLayout());"
                    + "const r = el.getBoundingClientRect();"
                    + "return [p[0] - r.width / 2, p[1] - r.height / 2];",
                nodeId);
    new Actions(browser.driver)
        .moveToElement(
            browser.driver.findElement(By.id("relationship-graph-chart")),
            xy.get(0).intValue(),
            xy.get(1).intValue())
        .click()
        .perform();
  }

  static String lead(String token, String first, String last, String email, String company)
      throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/leads",
            token,
            "{\"firstName\":\""
                + first
                + "\",\"lastName\":\""
                + last
                + "\",\"email\":\""
                + email
                + "\",\"company\":\""
                + company
                + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.field(r.body(), "id");
  }

  static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  static void problem(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("field").asText()).isEqualTo(field);
    assertThat(p.get("detail").asText()).isNotBlank();
  }
}
