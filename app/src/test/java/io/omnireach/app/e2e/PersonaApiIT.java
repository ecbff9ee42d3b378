package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /api/v1/personas: CRUD with problem+json errors, roles, and one tenant never sees another's. */
class PersonaApiIT {

  private static final String PERSONAS = "/api/v1/personas";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void an_admin_creates_reads_changes_and_deletes_a_persona() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> created =
        E2e.send(
            "POST",
            PERSONAS,
            admin,
            "{\"name\":\" Api Ada \",\"role\":\"Account Executive\","
                + "\"tone\":{\"formality\":20,\"detail\":70,\"warmth\":40},"
                + "\"industryFocus\":[\"Logistics\",\"Retail\"],"
                + "\"valuePropositions\":[\"Saves hours every week.\"],"
                + "\"writingSamples\":[\"Hi {{first_name}}, quick question.\"],"
                + "\"signature\":\"Best,\\nAda\",\"defaultChannel\":\"linkedin\","
                + "\"language\":\"de\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = E2e.field(created.body(), "id");
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/personas/" + id));
    assertThat(created.body())
        .contains(
            "\"name\":\"Api Ada\"",
            "\"role\":\"Account Executive\"",
            "\"industryFocus\":[\"Logistics\",\"Retail\"]",
            "\"valuePropositions\":[\"Saves hours every week.\"]",
            "\"writingSamples\":[\"Hi {{first_name}}, quick question.\"]",
            "\"signature\":\"Best,\\nAda\"",
            "\"defaultChannel\":\"LINKEDIN\"",
            "\"language\":\"de\"",
            "\"createdAt\"");
    assertThat(E2e.field(created.body(), "formality")).isEqualTo("20");
    assertThat(E2e.field(created.body(), "detail")).isEqualTo("70");
    assertThat(E2e.field(created.body(), "warmth")).isEqualTo("40");

    HttpResponse<String> read = E2e.get(PERSONAS + "/" + id, admin);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(created.body());

    HttpResponse<String> patched =
        E2e.send(
            "PATCH",
            PERSONAS + "/" + id,
            admin,
            "{\"tone\":{\"formality\":90},\"defaultChannel\":\"SMS\",\"industryFocus\":[]}");
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(E2e.field(patched.body(), "formality")).isEqualTo("90");
    assertThat(E2e.field(patched.body(), "detail")).isEqualTo("70");
    assertThat(E2e.field(patched.body(), "warmth")).isEqualTo("40");
    assertThat(patched.body())
        .contains(
            "\"defaultChannel\":\"SMS\"",
            "\"industryFocus\":[]",
            "\"name\":\"Api Ada\"",
            "\"role\":\"Account Executive\"",
            "\"writingSamples\":[\"Hi {{first_name}}, quick question.\"]");

    assertThat(E2e.send("DELETE", PERSONAS + "/" + id, admin, null).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = E2e.get(PERSONAS + "/" + id, admin);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body()).contains("\"status\":404");
    assertThat(E2e.send("DELETE", PERSONAS + "/" + id, admin, null).statusCode()).isEqualTo(404);
  }

  @Test
  void the_list_is_an_envelope_of_all_personas_ordered_by_name() throws Exception {
    HttpResponse<String> list = E2e.get(PERSONAS, E2e.token("sales@acme.demo"));
    assertThat(list.statusCode()).isEqualTo(200);
    String body = list.body();
    assertThat(body).startsWith("{\"items\":[").contains("\"nextCursor\":null");
    int enterprise = body.indexOf("\"name\":\"Enterprise AE\"");
    int founder = body.indexOf("\"name\":\"Founder-to-Founder\"");
    int friendly = body.indexOf("\"name\":\"Friendly SDR\"");
    assertThat(enterprise).isPositive().isLessThan(founder);
    assertThat(founder).isLessThan(friendly);
  }

  @Test
  void invalid_fields_are_400_problems_that_name_the_field() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    assertInvalid(admin, "POST", PERSONAS, "{\"role\":\"No name\"}", "name");
    assertInvalid(
        admin,
        "POST",
        PERSONAS,
        "{\"name\":\"Too formal\",\"tone\":{\"formality\":120,\"detail\":50,\"warmth\":50}}",
        "tone.formality");
    assertInvalid(
        admin, "POST", PERSONAS, "{\"name\":\"Cold\",\"tone\":{\"warmth\":-1}}", "tone.warmth");
    assertInvalid(
        admin, "POST", PERSONAS, "{\"name\":\"Lang\",\"language\":\"english\"}", "language");
    assertInvalid(
        admin, "POST", PERSONAS, "{\"name\":\"Fax\",\"defaultChannel\":\"fax\"}", "defaultChannel");
    assertInvalid(
        admin,
        "POST",
        PERSONAS,
        "{\"name\":\"Chatty\",\"writingSamples\":["
            + "\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}",
        "writingSamples");
    String id = idOf(admin, "Enterprise AE");
    assertInvalid(
        admin, "PATCH", PERSONAS + "/" + id, "{\"tone\":{\"detail\":101}}", "tone.detail");
    assertInvalid(admin, "PATCH", PERSONAS + "/" + id, "{\"name\":\"  \"}", "name");
    assertThat(E2e.get(PERSONAS + "/" + id, admin).body()).contains("\"detail\":85");
    assertThat(E2e.get(PERSONAS, admin).body()).doesNotContain("Too formal", "\"Lang\"");
  }

  @Test
  void a_taken_name_is_a_409_even_in_another_case() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    HttpResponse<String> duplicate =
        E2e.send("POST", PERSONAS, sales, "{\"name\":\"enterprise ae\"}");
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(E2e.field(duplicate.body(), "field")).isEqualTo("name");

    HttpResponse<String> created = E2e.send("POST", PERSONAS, sales, "{\"name\":\"Api Rename\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = E2e.field(created.body(), "id");
    HttpResponse<String> rename =
        E2e.send("PATCH", PERSONAS + "/" + id, sales, "{\"name\":\"Friendly SDR\"}");
    assertThat(rename.statusCode()).isEqualTo(409);
    assertThat(E2e.field(rename.body(), "field")).isEqualTo("name");
    assertThat(E2e.send("DELETE", PERSONAS + "/" + id, sales, null).statusCode()).isEqualTo(204);
  }

  @Test
  void a_viewer_reads_personas_but_cannot_change_them() throws Exception {
    String viewer = E2e.token("viewer@acme.demo");
    String id = idOf(viewer, "Friendly SDR");
    assertThat(E2e.get(PERSONAS, viewer).statusCode()).isEqualTo(200);
    assertThat(E2e.get(PERSONAS + "/" + id, viewer).statusCode()).isEqualTo(200);
    for (HttpResponse<String> r :
        List.of(
            E2e.send("POST", PERSONAS, viewer, "{\"name\":\"Viewer's own\"}"),
            E2e.send("PATCH", PERSONAS + "/" + id, viewer, "{\"role\":\"Hacked\"}"),
            E2e.send("DELETE", PERSONAS + "/" + id, viewer, null))) {
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("\"status\":403");
    }
    assertThat(E2e.get(PERSONAS + "/" + id, viewer).body())
        .contains("\"role\":\"Sales Development Representative\"");
  }

  @Test
  void another_tenant_can_neither_see_nor_touch_a_persona() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    HttpResponse<String> created =
        E2e.send("POST", PERSONAS, acme, "{\"name\":\"Acme Secret Agent\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = E2e.field(created.body(), "id");

    String globexList = E2e.get(PERSONAS, globex).body();
    assertThat(globexList)
        .doesNotContain("Acme Secret Agent", "Friendly SDR", "Enterprise AE")
        .doesNotContain("\"id\":" + id + ",");
    assertThat(E2e.get(PERSONAS + "/" + id, globex).statusCode()).isEqualTo(404);
    assertThat(E2e.send("PATCH", PERSONAS + "/" + id, globex, "{\"name\":\"Stolen\"}").statusCode())
        .isEqualTo(404);
    assertThat(E2e.send("DELETE", PERSONAS + "/" + id, globex, null).statusCode()).isEqualTo(404);

    // names are unique per tenant only
    HttpResponse<String> own =
        E2e.send("POST", PERSONAS, globex, "{\"name\":\"Acme Secret Agent\"}");
    assertThat(own.statusCode()).isEqualTo(201);
    assertThat(E2e.get(PERSONAS, acme).body()).containsOnlyOnce("Acme Secret Agent");
    assertThat(
            E2e.send("DELETE", PERSONAS + "/" + E2e.field(own.body(), "id"), globex, null)
                .statusCode())
        .isEqualTo(204);

    assertThat(E2e.get(PERSONAS + "/" + id, acme).body())
        .contains("\"name\":\"Acme Secret Agent\"");
    assertThat(E2e.send("DELETE", PERSONAS + "/" + id, acme, null).statusCode()).isEqualTo(204);
  }

  @Test
  void a_persona_exports_as_a_block_and_imports_back_under_a_free_name() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> created =
        E2e.send(
            "POST",
            PERSONAS,
            admin,
            "{\"name\":\"Block Bob\",\"role\":\"SDR\","
                + "\"tone\":{\"formality\":30,\"detail\":60,\"warmth\":20},"
                + "\"writingSamples\":[\"Hey {{first_name}}, got a minute?\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = E2e.field(created.body(), "id");

    HttpResponse<String> export = E2e.get(PERSONAS + "/" + id + "/export", admin);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).contains("persona-Block-Bob.json"));
    JsonNode file = JSON.readTree(export.body());
    assertThat(file.get("format").asText()).isEqualTo("omnireach-block/1");
    assertThat(file.at("/manifest/kind").asText()).isEqualTo("persona");
    assertThat(file.at("/signature/algorithm").asText()).isEqualTo("Ed25519");
    JsonNode block = file.get("content");
    assertThat(block.get("kind").asText()).isEqualTo("persona");
    assertThat(block.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(block.get("samples").get(0).asText()).isEqualTo("Hey {{first_name}}, got a minute?");
    assertThat(block.get("voice").get("warmth").asInt()).isEqualTo(20);
    assertThat(block.has("id")).isFalse();

    HttpResponse<String> imported =
        E2e.send("POST", PERSONAS + "/import", E2e.token("sales@acme.demo"), export.body());
    assertThat(imported.statusCode()).isEqualTo(201);
    JsonNode copy = JSON.readTree(imported.body());
    assertThat(copy.get("name").asText()).isEqualTo("Block Bob (2)");
    assertThat(copy.get("role").asText()).isEqualTo("SDR");
    assertThat(copy.get("tone").get("formality").asInt()).isEqualTo(30);
    assertThat(copy.get("writingSamples").get(0).asText())
        .isEqualTo("Hey {{first_name}}, got a minute?");
    assertThat(imported.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/personas/" + copy.get("id")));

    for (String personaId : List.of(id, copy.get("id").asText())) {
      assertThat(E2e.send("DELETE", PERSONAS + "/" + personaId, admin, null).statusCode())
          .isEqualTo(204);
    }
  }

  @Test
  void a_bad_block_is_a_400_problem_naming_the_field() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String imports = PERSONAS + "/import";
    assertInvalid(admin, "POST", imports, "{\"schemaVersion\":1,\"name\":\"K\"}", "kind");
    assertInvalid(
        admin,
        "POST",
        imports,
        "{\"kind\":\"workflow\",\"schemaVersion\":1,\"name\":\"K\"}",
        "kind");
    assertInvalid(
        admin,
        "POST",
        imports,
        "{\"kind\":\"persona\",\"schemaVersion\":9,\"name\":\"V\"}",
        "schemaVersion");
    assertInvalid(
        admin,
        "POST",
        imports,
        "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"V\",\"voice\":{\"formality\":500}}",
        "voice.formality");
    HttpResponse<String> notJson = E2e.send("POST", imports, admin, "{not json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(E2e.field(notJson.body(), "detail")).contains("not valid JSON");
    HttpResponse<String> viewer =
        E2e.send(
            "POST",
            imports,
            E2e.token("viewer@acme.demo"),
            "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"Viewer import\"}");
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(E2e.get(PERSONAS, admin).body()).doesNotContain("\"V\"", "\"K\"", "Viewer import");
  }

  @Test
  void another_tenant_can_neither_export_nor_import_into_a_persona() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String id = idOf(acme, "Enterprise AE");
    assertThat(E2e.get(PERSONAS + "/" + id + "/export", globex).statusCode()).isEqualTo(404);

    // an import lands in the caller's tenant only
    String block = E2e.get(PERSONAS + "/" + id + "/export", acme).body();
    HttpResponse<String> imported = E2e.send("POST", PERSONAS + "/import", globex, block);
    assertThat(imported.statusCode()).isEqualTo(201);
    assertThat(E2e.field(imported.body(), "name")).isEqualTo("Enterprise AE");
    assertThat(E2e.get(PERSONAS, acme).body()).doesNotContain("Enterprise AE (2)");
    assertThat(
            E2e.send("DELETE", PERSONAS + "/" + E2e.field(imported.body(), "id"), globex, null)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void a_sample_file_adds_its_text_as_a_writing_sample() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> created =
        E2e.send(
            "POST", PERSONAS, admin, "{\"name\":\"Sample Sam\",\"writingSamples\":[\"First.\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    String samples = PERSONAS + "/" + E2e.field(created.body(), "id") + "/samples";

    String eml =
        "From: sam@acme.demo\r\nTo: jo@example.com\r\nSubject: Re: pricing\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Hey Jo,\r\n\r\nsounds great!\r\n\r\n> Any news?\r\n";
    HttpResponse<String> added =
        Knowledge.upload(
            samples,
            admin,
            "reply.eml",
            "application/octet-stream",
            eml.getBytes(StandardCharsets.UTF_8));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    JsonNode persona = JSON.readTree(added.body());
    assertThat(persona.get("writingSamples")).hasSize(2);
    assertThat(persona.get("writingSamples").get(1).asText()).isEqualTo("Hey Jo,\n\nsounds great!");

    HttpResponse<String> txt =
        Knowledge.upload(
            samples,
            admin,
            "note.txt",
            "text/plain",
            "Cheers, Sam".getBytes(StandardCharsets.UTF_8));
    assertThat(txt.statusCode()).isEqualTo(200);
    assertThat(txt.body()).contains("\"Cheers, Sam\"");

    assertProblem(
        Knowledge.upload(samples, admin, "deck.pptx", "application/zip", new byte[] {1}), 415);
    assertProblem(Knowledge.upload(samples, admin, "empty.txt", "text/plain", new byte[0]), 400);
    assertProblem(Knowledge.upload(samples, admin, "none", "text/plain", null), 400);
    assertProblem(
        Knowledge.upload(samples, admin, "big.txt", "text/plain", new byte[2 * 1024 * 1024 + 1]),
        413);
    assertThat(
            Knowledge.upload(
                    samples,
                    E2e.token("viewer@acme.demo"),
                    "v.txt",
                    "text/plain",
                    "x".getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(403);
    assertThat(E2e.send("DELETE", samples.replace("/samples", ""), admin, null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void the_voice_profile_is_measured_offline_from_the_samples() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> created =
        E2e.send(
            "POST",
            PERSONAS,
            admin,
            "{\"name\":\"Voice Val\",\"writingSamples\":["
                + "\"Hey Jo,\\n\\nquick one about onboarding!\\n\\nCheers\","
                + "\"Hey Max,\\n\\nyour onboarding looks great.\\n\\nCheers\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = E2e.field(created.body(), "id");
    HttpResponse<String> voice =
        E2e.get(PERSONAS + "/" + id + "/voice", E2e.token("viewer@acme.demo"));
    assertThat(voice.statusCode()).isEqualTo(200);
    JsonNode v = JSON.readTree(voice.body());
    assertThat(v.get("source").asText()).isEqualTo("offline");
    assertThat(v.get("samples").asInt()).isEqualTo(2);
    assertThat(v.get("formalityLabel").asText()).isEqualTo("casual");
    assertThat(v.get("greetings").get(0).asText()).isEqualTo("Hey");
    assertThat(v.get("signOffs").get(0).asText()).isEqualTo("Cheers");
    assertThat(v.get("favouriteWords").get(0).asText()).isEqualTo("onboarding");
    assertThat(v.get("avoidedWords").toString()).contains("synergy");
    assertThat(v.get("avgSentenceWords").asDouble()).isPositive();

    assertThat(E2e.get(PERSONAS + "/" + id + "/voice", E2e.token("admin@globex.demo")).statusCode())
        .isEqualTo(404);
    assertThat(E2e.send("DELETE", PERSONAS + "/" + id, admin, null).statusCode()).isEqualTo(204);
  }

  @Test
  void another_tenant_cannot_upload_a_sample_to_a_persona() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String id = idOf(acme, "Friendly SDR");
    String before = E2e.get(PERSONAS + "/" + id, acme).body();
    HttpResponse<String> r =
        Knowledge.upload(
            PERSONAS + "/" + id + "/samples",
            E2e.token("admin@globex.demo"),
            "steal.txt",
            "text/plain",
            "Globex was here".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(E2e.get(PERSONAS + "/" + id, acme).body()).isEqualTo(before);
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(E2e.field(r.body(), "detail")).isNotBlank();
  }

  @Test
  void the_openapi_document_describes_personas_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/personas:",
            "/api/v1/personas/{id}:",
            "/api/v1/personas/{id}/export:",
            "/api/v1/personas/import:",
            "/api/v1/personas/{id}/samples:",
            "/api/v1/personas/{id}/voice:",
            "name: Personas",
            "PersonaPage",
            "PersonaInput",
            "tone.formality",
            "application/problem+json");
  }

  private static void assertInvalid(
      String token, String method, String path, String json, String field) throws Exception {
    HttpResponse<String> r = E2e.send(method, path, token, json);
    assertThat(r.statusCode()).as("%s %s", method, json).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(E2e.field(r.body(), "field")).as(json).isEqualTo(field);
    assertThat(E2e.field(r.body(), "detail")).isNotBlank();
  }

  /** The id of a persona of the caller's tenant, found by name in the list. */
  static String idOf(String token, String name) throws Exception {
    String list = E2e.get(PERSONAS, token).body();
    for (String item : items(list)) {
      if (item.contains("\"name\":\"" + name + "\"")) {
        return E2e.field(item, "id");
      }
    }
    throw new AssertionError(name + " not in " + list);
  }

  /** The objects of the envelope's items array, as JSON texts (a small brace-depth scanner). */
  static List<String> items(String envelope) {
    List<String> items = new ArrayList<>();
    int start = envelope.indexOf('[', envelope.indexOf("\"items\"")) + 1;
    int depth = 0;
    int from = -1;
    boolean inString = false;
    for (int i = start; i < envelope.length(); i++) {
      char ch = envelope.charAt(i);
      if (inString) {
        if (ch == '\\') {
          i++;
        } else if (ch == '"') {
          inString = false;
        }
      } else if (ch == '"') {
        inString = true;
      } else if (ch == '{' && depth++ == 0) {
        from = i;
      } else if (ch == '}' && --depth == 0) {
        items.add(envelope.substring(from, i + 1));
      } else if (ch == ']' && depth == 0) {
        break;
      }
    }
    return items;
  }
}
