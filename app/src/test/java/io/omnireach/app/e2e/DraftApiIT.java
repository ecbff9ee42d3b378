package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AI drafts and settings over HTTP: without a key the offline generator answers and says so; roles
 * and tenants are enforced; the API key is write-only.
 */
class DraftApiIT {

  static String admin;
  static String leadId;
  static String personaId;

  @BeforeAll
  static void aLeadAndAPersonaInAcme() throws Exception {
    admin = E2e.token("admin@acme.demo");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> lead =
        E2e.send(
            "POST",
            "/api/v1/leads",
            admin,
            "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"email\":\"grace-"
                + tag
                + "@drafts.example\",\"company\":\"Cobol Works "
                + tag
                + "\",\"title\":\"Chief Technology Officer\",\"industry\":\"Manufacturing\"}");
    assertThat(lead.statusCode()).isEqualTo(201);
    leadId = E2e.field(lead.body(), "id");
    HttpResponse<String> persona =
        E2e.send(
            "POST",
            "/api/v1/personas",
            admin,
            "{\"name\":\"Drafts "
                + tag
                + "\",\"role\":\"Account Executive\","
                + "\"tone\":{\"formality\":20,\"detail\":70,\"warmth\":40},"
                + "\"valuePropositions\":[\"Halves the time to close the books.\"],"
                + "\"signature\":\"Best,\\nDora\"}");
    assertThat(persona.statusCode()).isEqualTo(201);
    personaId = E2e.field(persona.body(), "id");
  }

  static HttpResponse<String> draft(String token, String lead, String persona) throws Exception {
    return E2e.send(
        "POST", "/api/v1/leads/" + lead + "/drafts", token, "{\"personaId\":" + persona + "}");
  }

  @Test
  void without_a_key_sales_gets_an_offline_draft_that_names_the_company() throws Exception {
    HttpResponse<String> r = draft(E2e.token("sales@acme.demo"), leadId, personaId);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(E2e.field(r.body(), "generator")).isEqualTo("offline");
    assertThat(r.body()).contains("\"offline\":true", "\"cached\":false", "Cobol Works");
    assertThat(E2e.field(r.body(), "body"))
        .contains("Chief Technology Officer", "Manufacturing", "Halves the time");
    assertThat(E2e.field(r.body(), "subject")).isNotBlank();
    assertThat(E2e.field(r.body(), "rationale")).contains("Offline template");

    HttpResponse<String> settings = E2e.get("/api/v1/settings/ai", E2e.token("viewer@acme.demo"));
    assertThat(settings.statusCode()).isEqualTo(200);
    assertThat(settings.body())
        .contains("\"keyConfigured\":false", "\"generator\":\"offline\"", "\"usage\":{");
  }

  @Test
  void a_viewer_may_not_draft_and_bad_input_is_named() throws Exception {
    assertThat(draft(E2e.token("viewer@acme.demo"), leadId, personaId).statusCode()).isEqualTo(403);
    HttpResponse<String> missing =
        E2e.send("POST", "/api/v1/leads/" + leadId + "/drafts", admin, "{}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("\"field\":\"personaId\"");
    assertThat(draft(admin, "999999999", personaId).statusCode()).isEqualTo(404);
    assertThat(draft(admin, leadId, "999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void another_tenant_cannot_draft_for_an_acme_lead() throws Exception {
    HttpResponse<String> r = draft(E2e.token("admin@globex.demo"), leadId, personaId);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("Cobol Works");
  }

  @Test
  void the_api_key_is_write_only_and_only_admins_change_settings() throws Exception {
    String globex = E2e.token("admin@globex.demo");
    String key = "sk-or-v1-e2e-secret-" + UUID.randomUUID().toString().replace("-", "") + "LAST";
    try {
      HttpResponse<String> put =
          E2e.send(
              "PUT",
              "/api/v1/settings/ai",
              globex,
              "{\"provider\":\"OPENROUTER\",\"model\":\"openai/gpt-4o-mini\",\"apiKey\":\""
                  + key
                  + "\",\"temperature\":0.4,\"monthlyTokenBudget\":50000}");
      assertThat(put.statusCode()).isEqualTo(200);
      assertThat(put.body())
          .doesNotContain(key, "e2e-secret")
          .contains(
              "\"keyConfigured\":true",
              "\"keyHint\":\"LAST\"",
              "\"generator\":\"openrouter/openai/gpt-4o-mini\"",
              "\"monthlyTokenBudget\":50000");
      HttpResponse<String> get = E2e.get("/api/v1/settings/ai", globex);
      assertThat(get.body()).doesNotContain(key, "e2e-secret").contains("\"keyHint\":\"LAST\"");

      HttpResponse<String> bad =
          E2e.send("PUT", "/api/v1/settings/ai", globex, "{\"temperature\":3}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("\"field\":\"temperature\"");

      assertThat(
              E2e.send(
                      "PUT",
                      "/api/v1/settings/ai",
                      E2e.token("sales@acme.demo"),
                      "{\"apiKey\":\"sk-stolen\"}")
                  .statusCode())
          .isEqualTo(403);
      // acme is untouched by globex's key
      assertThat(E2e.get("/api/v1/settings/ai", admin).body()).contains("\"keyConfigured\":false");
    } finally {
      HttpResponse<String> off =
          E2e.send("PUT", "/api/v1/settings/ai", globex, "{\"apiKey\":\"\"}");
      assertThat(off.statusCode()).isEqualTo(200);
      assertThat(off.body()).contains("\"keyConfigured\":false", "\"generator\":\"offline\"");
    }
  }
}
