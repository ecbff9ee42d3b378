package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /api/v1/personas: CRUD with problem+json errors, roles, and one tenant never sees another's. */
class PersonaApiIT {

  private static final String PERSONAS = "/api/v1/personas";

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
  void the_openapi_document_describes_personas_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/personas:",
            "/api/v1/personas/{id}:",
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
