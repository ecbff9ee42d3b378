package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.omnireach.integration.Identifiers;
import io.omnireach.integration.WebhookSignature;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Integrations without foreign code, against the running server: outbound webhooks signed, retried
 * and logged; the HTTP action node; a retargeting audience synced to a local fake of Meta's Graph
 * API (hashed identifiers, advertising consent only); bad input and tenant isolation.
 */
class IntegrationsApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int META_PORT = Integer.getInteger("omnireach.e2e.meta.port", 12231);
  private static WireMockServer receiver;
  private static WireMockServer meta;

  @BeforeAll
  static void start() throws Exception {
    Journeys.awaitReady();
    receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    receiver.start();
    meta = new WireMockServer(options().bindAddress("127.0.0.1").port(META_PORT));
    meta.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop();
    meta.stop();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  private static String hookUrl(String path) {
    return "http://127.0.0.1:" + receiver.port() + path;
  }

  private static JsonNode createWebhook(String token, String path, String events) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/webhooks",
            token,
            "{\"url\":\"" + hookUrl(path) + "\",\"description\":\"IT\",\"events\":" + events + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r);
  }

  private static List<LoggedRequest> received(String path) {
    return receiver.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(path)));
  }

  private static JsonNode awaitDelivery(String token, long webhookId, String status)
      throws Exception {
    return await("a " + status + " delivery of webhook " + webhookId)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> json(E2e.get("/api/v1/webhook-deliveries?webhookId=" + webhookId, token)),
            log -> log.size() > 0 && log.get(0).path("status").asText().equals(status));
  }

  @Test
  void events_reach_a_webhook_signed_and_a_failing_receiver_is_retried() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String path = "/crm-" + UUID.randomUUID();
    receiver.stubFor(
        post(urlEqualTo(path))
            .inScenario(path)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withBody("deploying"))
            .willSetStateTo("up"));
    receiver.stubFor(
        post(urlEqualTo(path))
            .inScenario(path)
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200).withBody("ok")));
    JsonNode hook = createWebhook(admin, path, "[\"lead.created\",\"lead.stage_changed\"]");
    String secret = hook.path("secret").asText();
    assertThat(secret).startsWith("whsec_");
    long id = hook.path("id").asLong();

    String email = "hooked-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    HttpResponse<String> lead =
        E2e.send(
            "POST", "/api/v1/leads", admin, "{\"firstName\":\"Hana\",\"email\":\"" + email + "\"}");
    assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);

    JsonNode delivered = awaitDelivery(admin, id, "delivered").get(0);
    assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
    assertThat(delivered.path("event").asText()).isEqualTo("lead.created");
    assertThat(delivered.path("responseStatus").asInt()).isEqualTo(200);

    LoggedRequest last = received(path).get(received(path).size() - 1);
    String body = last.getBodyAsString();
    assertThat(
            WebhookSignature.verify(
                secret,
                last.getHeader(WebhookSignature.HEADER),
                body,
                Instant.now(),
                Duration.ofMinutes(5)))
        .as("signature of " + body)
        .isTrue();
    assertThat(
            WebhookSignature.verify(
                "whsec_wrong",
                last.getHeader(WebhookSignature.HEADER),
                body,
                Instant.now(),
                Duration.ofMinutes(5)))
        .isFalse();
    JsonNode event = JSON.readTree(body);
    assertThat(event.path("type").asText()).isEqualTo("lead.created");
    assertThat(event.path("data").path("lead").path("email").asText()).isEqualTo(email);
    assertThat(last.getHeader("X-OmniReach-Event")).isEqualTo("lead.created");
    assertThat(last.getHeader("X-OmniReach-Delivery")).isEqualTo(delivered.path("id").asText());

    // a stage change is its own event; globex sees none of it
    String leadId = E2e.field(lead.body(), "id");
    assertThat(
            E2e.send("PATCH", "/api/v1/leads/" + leadId, admin, "{\"stage\":\"contacted\"}")
                .statusCode())
        .isEqualTo(200);
    await("the stage change delivered")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                received(path).stream()
                    .anyMatch(r -> "lead.stage_changed".equals(r.getHeader("X-OmniReach-Event"))));
    String globex = E2e.token("admin@globex.demo");
    assertThat(E2e.get("/api/v1/webhooks/" + id, globex).statusCode()).isEqualTo(404);
    assertThat(json(E2e.get("/api/v1/webhooks", globex)).findValuesAsText("url"))
        .doesNotContain(hookUrl(path));
    assertThat(
            E2e.get("/api/v1/webhook-deliveries/" + delivered.path("id").asText(), globex)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_refusing_receiver_fails_without_retry_and_can_be_redelivered() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String path = "/gone-" + UUID.randomUUID();
    receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(410)));
    long id = createWebhook(admin, path, "[\"reply.received\"]").path("id").asLong();

    HttpResponse<String> test = E2e.send("POST", "/api/v1/webhooks/" + id + "/test", admin, null);
    assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
    JsonNode failed = awaitDelivery(admin, id, "failed").get(0);
    assertThat(failed.path("attempts").asInt()).isEqualTo(1);
    assertThat(failed.path("responseStatus").asInt()).isEqualTo(410);
    assertThat(failed.path("event").asText()).isEqualTo("ping");

    receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
    HttpResponse<String> again =
        E2e.send(
            "POST",
            "/api/v1/webhook-deliveries/" + failed.path("id").asText() + "/redeliver",
            admin,
            null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(awaitDelivery(admin, id, "delivered").get(0).path("id").asLong())
        .isEqualTo(failed.path("id").asLong());
  }

  @Test
  void a_webhook_travels_as_a_signed_integration_block_and_a_tampered_one_creates_nothing()
      throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String path = "/shared-" + UUID.randomUUID();
    long id = createWebhook(acme, path, "[\"meeting.booked\"]").path("id").asLong();
    HttpResponse<String> exported = E2e.get("/api/v1/webhooks/" + id + "/export", acme);
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    JsonNode block = json(exported);
    assertThat(block.path("manifest").path("kind").asText()).isEqualTo("integration");
    assertThat(block.path("content").path("webhooks").get(0).path("url").asText())
        .isEqualTo(hookUrl(path));
    assertThat(exported.body()).doesNotContain("whsec_");

    String globex = E2e.token("admin@globex.demo");
    int before = json(E2e.get("/api/v1/webhooks", globex)).size();
    ((com.fasterxml.jackson.databind.node.ObjectNode) block.path("content").path("webhooks").get(0))
        .put("url", "https://evil.example.com/steal");
    HttpResponse<String> tampered =
        E2e.send("POST", "/api/v1/blocks/import", globex, JSON.writeValueAsString(block));
    assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(422);
    assertThat(json(E2e.get("/api/v1/webhooks", globex)).size()).isEqualTo(before);

    HttpResponse<String> imported =
        E2e.send("POST", "/api/v1/blocks/import", globex, exported.body());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(json(E2e.get("/api/v1/webhooks", globex)).findValuesAsText("url"))
        .contains(hookUrl(path));
  }

  @Test
  void bad_webhooks_get_specific_errors_and_only_admins_manage_them() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> scheme =
        E2e.send(
            "POST",
            "/api/v1/webhooks",
            admin,
            "{\"url\":\"ftp://files.example.com/x\",\"events\":[\"lead.created\"]}");
    assertThat(scheme.statusCode()).isEqualTo(400);
    assertThat(scheme.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(json(scheme).path("field").asText()).isEqualTo("url");
    HttpResponse<String> event =
        E2e.send(
            "POST",
            "/api/v1/webhooks",
            admin,
            "{\"url\":\"" + hookUrl("/x") + "\",\"events\":[\"lead.deleted\"]}");
    assertThat(event.statusCode()).isEqualTo(400);
    assertThat(json(event).path("detail").asText()).contains("Unknown event 'lead.deleted'");
    HttpResponse<String> none =
        E2e.send("POST", "/api/v1/webhooks", admin, "{\"url\":\"" + hookUrl("/x") + "\"}");
    assertThat(json(none).path("field").asText()).isEqualTo("events");
    String sales = E2e.token("sales@acme.demo");
    assertThat(E2e.get("/api/v1/webhooks", sales).statusCode()).isEqualTo(403);
    assertThat(E2e.get("/api/v1/audiences", sales).statusCode()).isEqualTo(403);
  }

  @Test
  void an_http_action_step_calls_the_service_signed_with_the_lead_merged_in() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String path = "/enrich-" + UUID.randomUUID();
    receiver.stubFor(post(urlPathMatching(path + ".*")).willReturn(aResponse().withStatus(200)));
    String wf =
        WorkflowEngineIT.publish(
            admin,
            "{\"name\":\"HTTP action IT "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"call\",\"type\":\"http_action\",\"config\":{\"method\":\"POST\","
                + "\"url\":\""
                + hookUrl(path)
                + "?who={{lead.firstName}}\",\"headers\":{\"X-Source\":\"omnireach\"},"
                + "\"body\":{\"email\":\"{{lead.email}}\",\"note\":\"Hi {{lead.firstName}}\"}}},"
                + "{\"id\":\"done\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"start\",\"target\":\"call\"},"
                + "{\"source\":\"call\",\"target\":\"done\"}]}");
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/leads",
            admin,
            "{\"firstName\":\"Zoë \\\"Q\\\" & Co\",\"email\":\"zoe-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "@leads.example\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String lead = E2e.field(created.body(), "id");
    HttpResponse<String> enrolled =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/enrollments",
            admin,
            "{\"leadIds\":[" + lead + "]}");
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(202);

    List<LoggedRequest> calls =
        await("the HTTP action's request")
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    receiver.findAll(
                        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                            urlPathMatching(path + ".*"))),
                l -> !l.isEmpty());
    LoggedRequest call = calls.get(0);
    // the lead's name cannot break out of the query value or the JSON string
    assertThat(URLDecoder.decode(call.getUrl(), StandardCharsets.UTF_8))
        .isEqualTo(path + "?who=Zoë \"Q\" & Co");
    assertThat(call.getUrl()).contains("who=Zo%C3%AB+%22Q%22+%26+Co");
    JsonNode body = JSON.readTree(call.getBodyAsString());
    assertThat(body.path("note").asText()).isEqualTo("Hi Zoë \"Q\" & Co");
    assertThat(body.path("email").asText()).endsWith("@leads.example");
    assertThat(call.getHeader("X-Source")).isEqualTo("omnireach");
    String secret =
        json(E2e.get("/api/v1/integrations/http-action-secret", admin)).path("secret").asText();
    assertThat(
            WebhookSignature.verify(
                secret,
                call.getHeader(WebhookSignature.HEADER),
                call.getBodyAsString(),
                Instant.now(),
                Duration.ofMinutes(5)))
        .isTrue();

    // a host chosen by a merge field is refused when the workflow is saved
    HttpResponse<String> bad =
        E2e.send(
            "POST",
            "/api/v1/workflows",
            admin,
            "{\"name\":\"Bad HTTP "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"call\",\"type\":\"http_action\",\"config\":{\"url\":"
                + "\"https://{{lead.website}}/x\"}},{\"id\":\"done\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"start\",\"target\":\"call\"},"
                + "{\"source\":\"call\",\"target\":\"done\"}]}");
    String id = E2e.field(bad.body(), "id");
    HttpResponse<String> publish =
        E2e.send("POST", "/api/v1/workflows/" + id + "/publish", admin, null);
    assertThat(publish.statusCode()).isEqualTo(400);
    assertThat(publish.body()).contains("The host must be written out");
  }

  @Test
  void an_audience_syncs_only_consenting_leads_as_hashes_and_removes_withdrawn_ones()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    meta.stubFor(
        any(urlPathMatching("/v23.0/2385001/users"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"audience_id\":\"2385001\",\"session_id\":\"9\",\"num_received\":1,"
                            + "\"num_invalid_entries\":0,\"invalid_entry_samples\":{}}")));
    String wf =
        WorkflowEngineIT.publish(
            admin,
            "{\"name\":\"Audience IT "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
                + "{\"id\":\"wait\",\"type\":\"wait\",\"config\":{\"duration\":\"P7D\"}},"
                + "{\"id\":\"done\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"start\",\"target\":\"wait\"},"
                + "{\"source\":\"wait\",\"target\":\"done\"}]}");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String yesEmail = "Yes-" + tag + "@Leads.Example ";
    String yes = leadWithConsent(admin, yesEmail, "+44 20 7946 0000", "granted", false);
    String no = leadWithConsent(admin, "no-" + tag + "@leads.example", null, "denied", false);
    String dnc = leadWithConsent(admin, "dnc-" + tag + "@leads.example", null, "granted", false);
    HttpResponse<String> enrolled =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/enrollments",
            admin,
            "{\"leadIds\":[" + yes + "," + no + "," + dnc + "]}");
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(202);
    assertThat(enrolled.body()).contains("\"enrolled\":3");
    // marked do-not-contact after enrolment: consent or not, never sent to an ad platform
    assertThat(
            E2e.send("PATCH", "/api/v1/leads/" + dnc, admin, "{\"doNotContact\":true}")
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/audiences",
            admin,
            "{\"name\":\"Retarget "
                + tag
                + "\",\"workflowId\":"
                + wf
                + ",\"adapter\":\"meta\",\"externalAudienceId\":\"2385001\","
                + "\"accessToken\":\"EAAB-test-token-1234\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("EAAB-test-token");
    String audience = E2e.field(created.body(), "id");
    assertThat(json(created).path("tokenLast4").asText()).isEqualTo("1234");

    JsonNode sync = json(E2e.send("POST", "/api/v1/audiences/" + audience + "/sync", admin, null));
    assertThat(sync.path("status").asText()).as(sync.toString()).isEqualTo("succeeded");
    assertThat(sync.path("added").asInt()).isEqualTo(1);
    assertThat(sync.path("skippedNoConsent").asInt()).isEqualTo(2);
    List<LoggedRequest> adds =
        meta.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/v23.0/2385001/users")));
    assertThat(adds).hasSize(1);
    String form = adds.get(0).getBodyAsString();
    assertThat(form).contains("access_token=EAAB-test-token-1234").doesNotContain(tag + "@");
    JsonNode payload = JSON.readTree(formValue(form, "payload"));
    assertThat(payload.path("schema").toString()).isEqualTo("[\"EMAIL\",\"PHONE\"]");
    assertThat(payload.path("data")).hasSize(1);
    assertThat(payload.path("data").get(0).get(0).asText())
        .isEqualTo(Identifiers.sha256("yes-" + tag + "@leads.example"));
    assertThat(payload.path("data").get(0).get(1).asText())
        .isEqualTo(Identifiers.sha256("442079460000"));

    // consent withdrawn → removed at the next sync
    assertThat(
            E2e.send(
                    "PATCH",
                    "/api/v1/leads/" + yes,
                    admin,
                    "{\"consent\":{\"advertising\":{\"status\":\"denied\",\"source\":\"form\"}}}")
                .statusCode())
        .isEqualTo(200);
    JsonNode second =
        json(E2e.send("POST", "/api/v1/audiences/" + audience + "/sync", admin, null));
    assertThat(second.path("removed").asInt()).as(second.toString()).isEqualTo(1);
    assertThat(
            meta.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                    urlEqualTo("/v23.0/2385001/users"))))
        .hasSize(1);
    assertThat(json(E2e.get("/api/v1/audiences/" + audience, admin)).path("members").asInt())
        .isZero();

    // Meta refusing the token: a failed sync with Meta's reason, nothing lost
    meta.stubFor(
        any(urlPathMatching("/v23.0/2385002/users"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Invalid OAuth access token.\","
                            + "\"type\":\"OAuthException\",\"code\":190}}")));
    assertThat(
            E2e.send(
                    "PATCH",
                    "/api/v1/audiences/" + audience,
                    admin,
                    "{\"externalAudienceId\":\"2385002\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            E2e.send(
                    "PATCH",
                    "/api/v1/leads/" + yes,
                    admin,
                    "{\"consent\":{\"advertising\":{\"status\":\"granted\",\"source\":\"form\"}}}")
                .statusCode())
        .isEqualTo(200);
    JsonNode failed =
        json(E2e.send("POST", "/api/v1/audiences/" + audience + "/sync", admin, null));
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("error").asText()).contains("code 190", "Invalid OAuth access token");

    // bad input and isolation
    HttpResponse<String> bad =
        E2e.send(
            "POST",
            "/api/v1/audiences",
            admin,
            "{\"name\":\"x\",\"workflowId\":"
                + wf
                + ",\"adapter\":\"meta\","
                + "\"externalAudienceId\":\"act_12\",\"accessToken\":\"t\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("field").asText()).isEqualTo("externalAudienceId");
    String globex = E2e.token("admin@globex.demo");
    assertThat(E2e.get("/api/v1/audiences/" + audience, globex).statusCode()).isEqualTo(404);
    assertThat(
            E2e.send("POST", "/api/v1/audiences/" + audience + "/sync", globex, null).statusCode())
        .isEqualTo(404);
  }

  private static String leadWithConsent(
      String token, String email, String phone, String advertising, boolean doNotContact)
      throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/leads",
            token,
            "{\"firstName\":\"Ada\",\"email\":\""
                + email.strip()
                + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                + ",\"doNotContact\":"
                + doNotContact
                + ",\"consent\":{\"advertising\":{\"status\":\""
                + advertising
                + "\",\"source\":\"signup form\"}}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.field(r.body(), "id");
  }

  private static String formValue(String form, String name) {
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + form);
  }
}
