package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Persona Studio over HTTP: previews of two personas for one lead (offline writer, tone values
 * tried without saving), bad input named, tenants kept apart, and voice profiles by the tenant's
 * model — the e2e server's real Mistral client against a WireMock fake of the chat API on the port
 * its Mistral base URL names — cached until the samples change, offline when the model fails.
 */
class PersonaStudioApiIT {

  static final String CHAT = LlmFake.CHAT;
  static final ObjectMapper JSON = new ObjectMapper();

  static String admin;
  static String tag;
  static long leadId;
  static long closerId;
  static long buddyId;

  @BeforeAll
  static void aLeadAndTwoPersonasInAcme() throws Exception {
    admin = E2e.token("admin@acme.demo");
    tag = UUID.randomUUID().toString().substring(0, 8);
    leadId =
        created(
            E2e.send(
                "POST",
                "/api/v1/leads",
                admin,
                "{\"firstName\":\"Ines\",\"lastName\":\"Studio\",\"email\":\"ines-"
                    + tag
                    + "@studio.example\",\"company\":\"Preview Works "
                    + tag
                    + "\",\"title\":\"Head of Finance\",\"industry\":\"Retail\"}"));
    closerId =
        created(
            E2e.send(
                "POST",
                "/api/v1/personas",
                admin,
                "{\"name\":\"Formal closer "
                    + tag
                    + "\",\"tone\":{\"formality\":5,\"detail\":90,\"warmth\":80},"
                    + "\"valuePropositions\":[\"Closes the books in three days.\","
                    + "\"Audit-ready ledgers.\"],\"signature\":\"Kind regards,\\nEdith\"}"));
    buddyId =
        created(
            E2e.send(
                "POST",
                "/api/v1/personas",
                admin,
                "{\"name\":\"Casual buddy "
                    + tag
                    + "\",\"tone\":{\"formality\":95,\"detail\":10,\"warmth\":10},"
                    + "\"valuePropositions\":[\"No more spreadsheet chasing.\"],"
                    + "\"signature\":\"Cheers,\\nBo\"}"));
  }

  /** The personas and lead go again: other journeys page through acme's personas. */
  @AfterAll
  static void removeThem() throws Exception {
    for (long id : new long[] {closerId, buddyId}) {
      assertThat(E2e.send("DELETE", "/api/v1/personas/" + id, admin, null).statusCode())
          .isEqualTo(204);
    }
    assertThat(E2e.send("DELETE", "/api/v1/leads/" + leadId, admin, null).statusCode())
        .isEqualTo(204);
  }

  static long created(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asLong();
  }

  static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  static HttpResponse<String> preview(String token, long persona, String body) throws Exception {
    return E2e.send("POST", "/api/v1/personas/" + persona + "/preview", token, body);
  }

  @Test
  void two_personas_write_different_offline_messages_to_the_same_lead() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    JsonNode closer = json(preview(sales, closerId, "{\"leadId\":" + leadId + "}"), 200);
    JsonNode buddy = json(preview(sales, buddyId, "{\"leadId\":" + leadId + "}"), 200);

    assertThat(closer.get("writer").asText()).isEqualTo("offline");
    assertThat(buddy.get("writer").asText()).isEqualTo("offline");
    assertThat(closer.get("body").asText()).contains("Closes the books", "Edith");
    assertThat(buddy.get("body").asText()).contains("spreadsheet chasing", "Bo");
    assertThat(closer.get("body").asText()).isNotEqualTo(buddy.get("body").asText());
    assertThat(closer.get("tone").get("formality").asInt()).isEqualTo(5);
    assertThat(buddy.get("tone").get("formality").asInt()).isEqualTo(95);
    assertThat(closer.get("subject").asText()).isNotBlank();
  }

  @Test
  void unsaved_tone_values_change_the_text_and_are_not_saved() throws Exception {
    JsonNode saved = json(preview(admin, closerId, "{\"leadId\":" + leadId + "}"), 200);
    JsonNode tried =
        json(
            preview(
                admin,
                closerId,
                "{\"leadId\":" + leadId + ",\"tone\":{\"formality\":95,\"detail\":10}}"),
            200);

    assertThat(tried.get("body").asText()).isNotEqualTo(saved.get("body").asText());
    assertThat(tried.get("tone").get("formality").asInt()).isEqualTo(95);
    assertThat(tried.get("tone").get("detail").asInt()).isEqualTo(10);
    assertThat(tried.get("tone").get("warmth").asInt()).as("missing scale kept").isEqualTo(80);
    // fewer paragraphs at detail 10: the second value proposition is left out
    assertThat(saved.get("body").asText()).contains("Audit-ready ledgers");
    assertThat(tried.get("body").asText()).doesNotContain("Audit-ready ledgers");

    JsonNode persona = json(E2e.get("/api/v1/personas/" + closerId, admin), 200);
    assertThat(persona.get("tone").get("formality").asInt()).isEqualTo(5);
    assertThat(persona.get("tone").get("detail").asInt()).isEqualTo(90);
  }

  @Test
  void bad_input_is_named_and_viewers_may_not_preview() throws Exception {
    HttpResponse<String> missing = preview(admin, closerId, "{}");
    assertThat(json(missing, 400).get("field").asText()).isEqualTo("leadId");
    assertThat(missing.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");

    JsonNode tone =
        json(
            preview(admin, closerId, "{\"leadId\":" + leadId + ",\"tone\":{\"formality\":120}}"),
            400);
    assertThat(tone.get("field").asText()).isEqualTo("tone.formality");
    assertThat(tone.get("detail").asText()).contains("between 0 and 100");

    JsonNode noLead = json(preview(admin, closerId, "{\"leadId\":999999999}"), 404);
    assertThat(noLead.get("detail").asText()).contains("lead 999999999");
    JsonNode noPersona = json(preview(admin, 999999999L, "{\"leadId\":" + leadId + "}"), 404);
    assertThat(noPersona.get("detail").asText()).contains("persona 999999999");

    assertThat(
            preview(E2e.token("viewer@acme.demo"), closerId, "{\"leadId\":" + leadId + "}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void another_tenant_cannot_preview_with_acme_leads_or_personas() throws Exception {
    String globex = E2e.token("admin@globex.demo");
    // ids are numbered per workspace: the same numbers may exist there, so check by content
    HttpResponse<String> r = preview(globex, closerId, "{\"leadId\":" + leadId + "}");
    assertThat(r.statusCode()).isIn(200, 404);
    assertThat(r.body()).doesNotContain("Preview Works " + tag, "Ines", "Closes the books");
    HttpResponse<String> v = E2e.get("/api/v1/personas/" + closerId + "/voice", globex);
    assertThat(v.statusCode()).isIn(200, 404);
  }

  @Test
  void with_a_key_the_model_describes_the_voice_once_and_writes_the_preview() throws Exception {
    WireMockServer fake = LlmFake.start();
    try {
      fake.stubFor(
          post(urlEqualTo(CHAT))
              .withRequestBody(containing("describe how a salesperson writes"))
              .willReturn(
                  okJson(
                      completion(
                          "{\"avgSentenceWords\":9.4,\"formality\":0.2,"
                              + "\"greetings\":[\"Hey\"],\"signOffs\":[\"Cheers\"],"
                              + "\"favouriteWords\":[\"quick win\",\"onboarding\"],"
                              + "\"avoidedWords\":[\"synergy\"]}"))));
      fake.stubFor(
          post(urlEqualTo(CHAT))
              .withRequestBody(containing("first outreach email"))
              .willReturn(
                  okJson(
                      completion(
                          "{\"subject\":\"A quick win for Lakeside\",\"body\":\"Hey Olga,\\n\\n"
                              + "Onboarding takes a day.\\n\\nCheers,\\nKim\","
                              + "\"rationale\":\"Used her company.\"}"))));
      StripeE2e.NewTenant tenant = StripeE2e.newTenant("studio");
      String token = tenant.token();
      long lead =
          created(
              E2e.send(
                  "POST",
                  "/api/v1/leads",
                  token,
                  "{\"firstName\":\"Olga\",\"email\":\"olga@lakeside.example\","
                      + "\"company\":\"Lakeside\"}"));
      long persona =
          created(
              E2e.send(
                  "POST",
                  "/api/v1/personas",
                  token,
                  "{\"name\":\"Kim\",\"writingSamples\":[\"Hey {{first_name}}! Quick win:"
                      + " onboarding takes a day.\\nCheers\",\"Hey there, onboarding is"
                      + " done.\\nCheers\"]}"));

      // offline first: no key
      JsonNode offline = json(E2e.get("/api/v1/personas/" + persona + "/voice", token), 200);
      assertThat(offline.get("source").asText()).isEqualTo("offline");
      assertThat(offline.get("model").isNull()).isTrue();
      assertThat(fake.getAllServeEvents()).isEmpty();

      ObjectNode settings =
          JSON.createObjectNode()
              .put("provider", "MISTRAL")
              .put("apiKey", "mk-e2e-studio-1234")
              .put("model", "mistral-small-latest");
      json(E2e.send("PUT", "/api/v1/settings/ai", token, settings.toString()), 200);
      int callsBefore = usageCalls(token);

      JsonNode voice = json(E2e.get("/api/v1/personas/" + persona + "/voice", token), 200);
      assertThat(voice.get("source").asText()).isEqualTo("llm");
      assertThat(voice.get("model").asText()).isEqualTo("mistral/mistral-small-latest");
      assertThat(voice.get("avgSentenceWords").asDouble()).isEqualTo(9.4);
      assertThat(voice.get("formalityLabel").asText()).isEqualTo("casual");
      assertThat(voice.get("favouriteWords").toString()).contains("quick win", "onboarding");
      assertThat(voice.get("samples").asInt()).isEqualTo(2);
      assertThat(voice.get("note").isNull()).isTrue();
      // asked again: from the cache, the model is not called a second time
      JsonNode again = json(E2e.get("/api/v1/personas/" + persona + "/voice", token), 200);
      assertThat(again.get("avgSentenceWords").asDouble()).isEqualTo(9.4);
      fake.verify(
          1,
          postRequestedFor(urlEqualTo(CHAT))
              .withRequestBody(containing("describe how a salesperson writes")));

      JsonNode written = json(preview(token, persona, "{\"leadId\":" + lead + "}"), 200);
      assertThat(written.get("writer").asText()).isEqualTo("mistral/mistral-small-latest");
      assertThat(written.get("subject").asText()).isEqualTo("A quick win for Lakeside");
      // the voice call, its cache hit and the preview are in the month's AI use, like drafts
      assertThat(usageCalls(token)).isEqualTo(callsBefore + 3);

      // new samples, and the model now fails: the offline statistics answer and say why
      fake.resetAll();
      fake.stubFor(
          post(urlEqualTo(CHAT))
              .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"bad\"}")));
      json(
          E2e.send(
              "PATCH",
              "/api/v1/personas/" + persona,
              token,
              "{\"writingSamples\":[\"Dear Sir or Madam,\\nI would appreciate a reply."
                  + "\\nKind regards\"]}"),
          200);
      JsonNode fallback = json(E2e.get("/api/v1/personas/" + persona + "/voice", token), 200);
      assertThat(fallback.get("source").asText()).isEqualTo("offline");
      assertThat(fallback.get("note").asText()).contains("AI analysis failed", "REJECTED");
      assertThat(fallback.get("formalityLabel").asText()).isEqualTo("formal");
      fake.verify(1, postRequestedFor(urlEqualTo(CHAT)));
    } finally {
      fake.stop();
    }
  }

  @Test
  void the_openapi_document_describes_preview_and_voice_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/personas/{id}/preview:",
            "/api/v1/personas/{id}/voice:",
            "PersonaPreviewRequest",
            "PersonaPreview:",
            "trying a tone",
            "source: llm",
            "writer: offline");
  }

  static int usageCalls(String token) throws Exception {
    return json(E2e.get("/api/v1/settings/ai", token), 200).get("usage").get("calls").asInt();
  }

  static String completion(String content) {
    return LlmFake.completion(content);
  }
}
