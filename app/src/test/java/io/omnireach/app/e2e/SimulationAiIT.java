package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireach.tenant.TenantSchema;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 14's sandbox with the tenant's AI provider (the WireMock LLM fake): a simulated AI step is
 * written by the model through the workflow steps' generation path, its calls land in the AI ledger
 * (the AI cost view shows them) and on the simulation as aiCost, but billing usage does not grow
 * and no run or message is written. The result page shows the cost line.
 */
class SimulationAiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL_BODY = "Our model wrote this line for the sandbox.";
  static WireMockServer llm;

  @BeforeAll
  static void start() throws Exception {
    Journeys.awaitReady();
    llm = LlmFake.start();
  }

  @AfterAll
  static void stop() {
    llm.stop();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return JSON.readTree(r.body());
  }

  @Test
  void with_a_key_ai_steps_are_the_models_counted_as_simulation_cost_and_not_billed()
      throws Exception {
    llm.stubFor(
        post(urlEqualTo(LlmFake.CHAT))
            .willReturn(
                okJson(
                    LlmFake.completion(
                        JSON.createObjectNode()
                            .put("subject", "A sandbox idea")
                            .put("body", MODEL_BODY)
                            .put("rationale", "Short and plain.")
                            .toString()))));
    StripeE2e.NewTenant t = StripeE2e.newTenant("simai");
    String admin = t.token();
    String mailbox = PolicyJourneyIT.HttpMailbox.create(admin);
    LlmFake.mistral(admin, "mk-e2e-sim-4242");
    String persona =
        json(E2e.send("POST", "/api/v1/personas", admin, "{\"name\":\"Closer\"}"))
            .get("id")
            .asText();
    String ana = Journeys.lead(admin, "Ana", "Lima", "Initech");
    String bob = Journeys.lead(admin, "Bob", "Stone", "Initech");
    String wf =
        Journeys.publish(
            admin,
            "{\"name\":\"Sim AI\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"ai\",\"type\":\"ai_generate\",\"config\":{\"personaId\":"
                + persona
                + ",\"prompt\":\"Introduce us\"}},"
                + "{\"id\":\"send\",\"type\":\"send_email\",\"config\":{\"mailboxId\":"
                + mailbox
                + "}},{\"id\":\"done\",\"type\":\"end\"}],\"edges\":["
                + "{\"source\":\"start\",\"target\":\"ai\"},{\"source\":\"ai\",\"target\":"
                + "\"send\"},{\"source\":\"send\",\"target\":\"done\"}]}");
    java.util.Map<String, String> usageBefore = metered(admin);

    JsonNode started =
        json(
            E2e.send(
                "POST",
                "/api/v1/workflows/" + wf + "/simulations",
                admin,
                "{\"leadIds\":[" + ana + "," + bob + "]}"));
    String path = "/api/v1/simulations/" + started.get("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> json(E2e.get(path, admin)).get("status").asText().matches("DONE|FAILED"));
    JsonNode sim = json(E2e.get(path, admin));
    assertThat(sim.get("status").asText()).as(sim.toString()).isEqualTo("DONE");

    // the model wrote both drafts (one call per lead) and the send step would send its text
    llm.verify(2, postRequestedFor(urlEqualTo(LlmFake.CHAT)));
    for (JsonNode lead : sim.get("leads")) {
      JsonNode steps = lead.get("steps");
      JsonNode draft = steps.get(1).get("draft");
      assertThat(draft.get("generator").asText()).isEqualTo("mistral/mistral-small-latest");
      assertThat(draft.get("body").asText()).isEqualTo(MODEL_BODY);
      assertThat(steps.get(2).get("message").get("body").asText()).isEqualTo(MODEL_BODY);
    }
    // 2 calls x (120 + 40) tokens at mistral-small-latest's 0.10/0.30 USD per million
    JsonNode cost = sim.get("aiCost");
    assertThat(cost.get("calls").asInt()).isEqualTo(2);
    assertThat(cost.get("tokens").asInt()).isEqualTo(320);
    assertThat(cost.get("costUsd").decimalValue()).isEqualByComparingTo("0.000048");
    assertThat(cost.get("billed").asBoolean()).isFalse();

    // in the AI ledger (the cost view, for the workflow) but not in billing usage
    JsonNode costs = json(E2e.get("/api/v1/ai/costs", admin));
    assertThat(costs.get("workflows").findValuesAsText("workflowId")).contains(wf);
    for (JsonNode w : costs.get("workflows")) {
      if (w.get("workflowId").asText().equals(wf)) {
        assertThat(w.get("calls").asInt()).isEqualTo(2);
      }
    }
    assertThat(metered(admin)).isEqualTo(usageBefore);
    String schema = TenantSchema.schemaFor(t.slug());
    for (String table : new String[] {"workflow_runs", "messages"}) {
      assertThat(
              StripeE2e.count(
                  "select count(*) from " + schema + "." + table + " where ?::text is not null",
                  "x"))
          .as(table)
          .isZero();
    }

    // the result page: the cost line
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, t.adminEmail(), StripeE2e.PASSWORD);
      browser.open(path.substring("/api/v1".length()));
      assertThat(browser.await(By.id("simulation-ai-cost")).getText())
          .isEqualTo("AI: 2 calls · 320 tokens · $0.000048 — simulation cost, not billed");
      browser.screenshot("simulation-ai-01-cost");
    }

    // another workspace does not see it (ids are per tenant: check the content)
    StripeE2e.NewTenant other = StripeE2e.newTenant("simaio");
    HttpResponse<String> foreign = E2e.get(path, other.token());
    assertThat(foreign.body()).doesNotContain(MODEL_BODY, "mistral/mistral-small-latest");
  }

  /**
   * The billing meters a run counts up (sends, AI, steps) with their quantities; seats and stored
   * leads are snapshots a background job refreshes, so they are left out.
   */
  private static java.util.Map<String, String> metered(String admin) throws Exception {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (JsonNode m : json(E2e.get("/api/v1/billing/usage", admin)).get("meters")) {
      String meter = m.get("meter").asText();
      if (!meter.equals("active_seats") && !meter.equals("leads_stored")) {
        out.put(meter, m.get("quantity").asText());
      }
    }
    assertThat(out).containsKeys("ai_calls", "ai_input_tokens", "emails_sent", "workflow_steps");
    return out;
  }
}
