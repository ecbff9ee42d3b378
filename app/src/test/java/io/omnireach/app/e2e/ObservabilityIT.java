package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Operators' metrics and tenants' AI cost after real work: a workflow whose AI step is answered by
 * a Mistral fake (reporting tokens) and whose email goes out through GreenMail. /metrics then shows
 * the send, the AI step, the outbox gauges and the tenant's LLM cost (tokens x the configured
 * price); GET /api/v1/ai/costs and Settings → AI show that cost for the workflow, to this tenant
 * only.
 */
class ObservabilityIT {

  static final int AI_PORT = Integer.getInteger("omnireach.e2e.ai.port", 12201);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();
  static final int PROMPT_TOKENS = 1200;
  static final int COMPLETION_TOKENS = 300;
  // mistral:mistral-small-latest=0.10/0.30 USD per million tokens (microprofile-config.properties)
  static final BigDecimal EXPECTED_COST =
      new BigDecimal("0.10")
          .multiply(BigDecimal.valueOf(PROMPT_TOKENS))
          .add(new BigDecimal("0.30").multiply(BigDecimal.valueOf(COMPLETION_TOKENS)))
          .movePointLeft(6);

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  static WireMockServer mistral;
  static StripeE2e.NewTenant tenant;
  static String admin;
  static String workflowName;
  static String workflowId;

  @BeforeAll
  static void aWorkflowWithAnAiStepRanAndSent() throws Exception {
    Journeys.awaitReady();
    mistral = new WireMockServer(options().port(AI_PORT).bindAddress("127.0.0.1"));
    mistral.start();
    ObjectNode draft =
        JSON.createObjectNode()
            .put("subject", "Faster month-end at Northwind")
            .put("body", "Hi Lena,\n\nWe halve the time to close the books.\n\nBest,\nDora")
            .put("rationale", "Her title and the first value proposition.");
    ObjectNode completion =
        JSON.createObjectNode().put("id", "cmpl-obs").put("object", "chat.completion");
    completion.put("created", 1764064800).put("model", "mistral-small-latest");
    ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", draft.toString());
    choice.put("finish_reason", "stop");
    completion
        .putObject("usage")
        .put("prompt_tokens", PROMPT_TOKENS)
        .put("completion_tokens", COMPLETION_TOKENS)
        .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
    mistral.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(completion.toString())));

    tenant = StripeE2e.newTenant("obs");
    admin = tenant.token();
    HttpResponse<String> ai =
        E2e.send(
            "PUT",
            "/api/v1/settings/ai",
            admin,
            "{\"provider\":\"MISTRAL\",\"model\":\"mistral-small-latest\","
                + "\"apiKey\":\"mistral-e2e-key-1234\"}");
    assertThat(ai.statusCode()).as(ai.body()).isEqualTo(200);
    String mailbox = mailbox(admin);
    String persona =
        JSON.readTree(E2e.send("POST", "/api/v1/personas", admin, "{\"name\":\"Dora\"}").body())
            .get("id")
            .asText();
    String lead = Journeys.lead(admin, "Lena", "Park", "Northwind");
    workflowName = "AI cost IT " + UUID.randomUUID().toString().substring(0, 6);
    workflowId =
        Journeys.publish(
            admin,
            "{\"name\":\""
                + workflowName
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"ai\",\"type\":\"ai_generate\",\"config\":{\"personaId\":"
                + persona
                + ",\"prompt\":\"Introduce us\"}},"
                + "{\"id\":\"send\",\"type\":\"send_email\",\"config\":{\"mailboxId\":"
                + mailbox
                + "}},{\"id\":\"done\",\"type\":\"end\"}],\"edges\":["
                + "{\"source\":\"start\",\"target\":\"ai\"},{\"source\":\"ai\",\"target\":"
                + "\"send\"},{\"source\":\"send\",\"target\":\"done\"}]}");
    Journeys.enrol(admin, workflowId, List.of(lead));
    Journeys.awaitRuns(admin, workflowId, "succeeded", 1);
    await("the drafted email delivered")
        .atMost(Duration.ofSeconds(60))
        .until(() -> smtp.getReceivedMessages().length >= 1);
  }

  /** A mailbox relaying through GreenMail, and the postal address sending requires. */
  static String mailbox(String admin) throws Exception {
    ObjectNode box =
        JSON.createObjectNode()
            .put("name", "Observability " + UUID.randomUUID())
            .put("host", "127.0.0.1")
            .put("port", smtp.getSmtp().getPort())
            .put("username", "relay")
            .put("password", SMTP_PASSWORD)
            .put("tls", false)
            .put("fromAddress", "dora@obs.example")
            .put("fromName", "Dora Obs")
            .put("dailyCap", 500);
    HttpResponse<String> r = E2e.send("POST", "/api/v1/mailboxes", admin, box.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    HttpResponse<String> compliance =
        E2e.send(
            "PUT",
            "/api/v1/compliance",
            admin,
            "{\"postalAddress\":\"Obs Inc.\\n1 Main St, Springfield\"}");
    assertThat(compliance.statusCode()).as(compliance.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("id").asText();
  }

  @AfterAll
  static void stop() {
    if (mistral != null) {
      mistral.stop();
    }
  }

  /** The sum of a series' samples whose labels contain every fragment. */
  static double sample(String scrape, String name, String... labels) {
    double sum = 0;
    boolean found = false;
    for (String line : scrape.split("\n")) {
      if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
        continue;
      }
      String head = line.substring(0, line.lastIndexOf(' '));
      if (List.of(labels).stream().allMatch(head::contains)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? sum : Double.NaN;
  }

  static String scrape() throws Exception {
    HttpResponse<String> r = E2e.get("/metrics", null);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void metrics_show_the_send_the_ai_step_the_outbox_and_the_tenants_llm_cost() throws Exception {
    String tenantLabel = "tenant=\"" + tenant.slug() + "\"";
    String metrics =
        await("the LLM cost gauge refreshed for " + tenant.slug())
            .atMost(Duration.ofSeconds(30))
            .until(
                ObservabilityIT::scrape,
                body -> sample(body, "omnireach_llm_cost", tenantLabel) > 0);

    assertThat(sample(metrics, "omnireach_llm_cost", tenantLabel, "provider=\"mistral\""))
        .isCloseTo(EXPECTED_COST.doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(sample(metrics, "omnireach_outbox_depth", "channel=\"email\"", "status=\"queued\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(sample(metrics, "omnireach_outbox_oldest_age_seconds", "channel=\"email\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(sample(metrics, "omnireach_sends_total", "channel=\"email\"", "outcome=\"sent\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            sample(
                metrics,
                "omnireach_llm_calls_total",
                tenantLabel,
                "provider=\"mistral\"",
                "outcome=\"success\""))
        .isEqualTo(1);
    assertThat(sample(metrics, "omnireach_llm_tokens_total", tenantLabel, "kind=\"prompt\""))
        .isEqualTo(PROMPT_TOKENS);
    assertThat(sample(metrics, "omnireach_llm_tokens_total", tenantLabel, "kind=\"completion\""))
        .isEqualTo(COMPLETION_TOKENS);
    assertThat(
            sample(
                metrics,
                "omnireach_workflow_steps_seconds_count",
                "node_type=\"ai_generate\"",
                "outcome=\"done\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(metrics, "omnireach_llm_budget_used_ratio", tenantLabel)).isGreaterThan(0);
    // bounded labels: no lead, email or workflow ids in any series
    assertThat(metrics).doesNotContain("@runs.example", "lead_id", "workflow_id");
  }

  @Test
  void the_tenant_sees_the_workflows_ai_cost_and_other_tenants_do_not() throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/ai/costs", admin);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode costs = JSON.readTree(r.body());
    assertThat(costs.get("calls").asInt()).isEqualTo(1);
    assertThat(costs.get("tokens").asLong()).isEqualTo(PROMPT_TOKENS + COMPLETION_TOKENS);
    assertThat(costs.get("costUsd").decimalValue()).isEqualByComparingTo(EXPECTED_COST);
    JsonNode wf = costs.get("workflows").get(0);
    assertThat(wf.get("workflowId").asText()).isEqualTo(workflowId);
    assertThat(wf.get("name").asText()).isEqualTo(workflowName);
    assertThat(wf.get("costUsd").decimalValue()).isEqualByComparingTo(EXPECTED_COST);
    assertThat(costs.get("outsideWorkflowsUsd").decimalValue()).isZero();

    // another tenant (the same workflow id may exist there): not this workflow, not this cost
    HttpResponse<String> acme = E2e.get("/api/v1/ai/costs", E2e.token("admin@acme.demo"));
    assertThat(acme.statusCode()).isEqualTo(200);
    assertThat(acme.body()).doesNotContain(workflowName);
    assertThat(E2e.get("/api/v1/ai/costs", E2e.token("sales@acme.demo")).statusCode())
        .isEqualTo(403);

    HttpResponse<String> bad = E2e.get("/api/v1/ai/costs?from=last-week", admin);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("from");
    HttpResponse<String> reversed =
        E2e.get("/api/v1/ai/costs?from=2026-05-10&to=2026-05-01", admin);
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("from must not be after to");

    assertThat(E2e.get("/openapi", null).body())
        .contains("/api/v1/ai/costs", "outsideWorkflowsUsd");
  }

  @Test
  void settings_ai_shows_the_cost_per_workflow_to_the_admin_only_of_this_tenant() throws Exception {
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, tenant.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/settings");
      browser.await(By.id("ai-cost-chart"));
      browser.wait.until(d -> d.findElement(By.id("ai-cost-total")).getText().equals("$0.0002"));
      assertThat(browser.driver.findElement(By.id("ai-costs")).getText())
          .contains("AI cost this month", "1 call", "1,500 tokens");
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'center'})",
          browser.driver.findElement(By.id("ai-costs")));
      browser.screenshot("70-settings-ai-cost-per-workflow");

      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/settings");
      browser.await(By.id("ai-costs"));
      assertThat(browser.driver.findElement(By.id("ai-costs")).getText())
          .doesNotContain(workflowName);
    }
  }
}
