package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base over HTTP on the real server (PostgreSQL with pgvector, the in-process model,
 * the Jakarta Batch job): upload, status, search, a draft citing the document, limits, deletion,
 * roles and tenant isolation.
 */
class KnowledgeApiIT {

  static String admin;
  static String globex;
  static String tag;
  static String company;
  static final List<Long> uploaded = new ArrayList<>();

  @BeforeAll
  static void tokens() throws Exception {
    admin = E2e.token("admin@acme.demo");
    globex = E2e.token("admin@globex.demo");
    tag = UUID.randomUUID().toString().substring(0, 6);
    company = "Vandelay " + tag;
  }

  @AfterAll
  static void cleanUp() throws Exception {
    for (long id : uploaded) {
      E2e.send("DELETE", "/api/v1/knowledge/documents/" + id, admin, null);
    }
  }

  static long upload(String token, String name, String text) throws Exception {
    HttpResponse<String> r =
        Knowledge.upload(token, name, "text/markdown", text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode body = Knowledge.json(r);
    assertThat(body.path("status").asText()).isIn("PENDING", "INDEXING");
    long id = body.path("id").asLong();
    uploaded.add(id);
    return id;
  }

  static JsonNode search(String token, String query) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/knowledge/search",
            token,
            Knowledge.JSON.writeValueAsString(
                Knowledge.JSON.createObjectNode().put("query", query).put("limit", 5)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Knowledge.json(r);
  }

  @Test
  void an_uploaded_document_is_indexed_searchable_and_cited_by_a_draft() throws Exception {
    long id =
        upload(
            admin,
            company + " account notes.md",
            "# "
                + company
                + " account notes\n\n"
                + company
                + " imports latex and opens a new warehouse in Newark in May.\n\n"
                + "Their buyer prefers short emails on Tuesdays.");
    JsonNode doc = Knowledge.awaitIndexed(admin, id);
    assertThat(doc.path("status").asText()).as(doc.toString()).isEqualTo("READY");
    assertThat(doc.path("chunks").asInt()).isPositive();
    assertThat(doc.path("filename").asText()).isEqualTo(company + " account notes.md");

    JsonNode list = Knowledge.json(E2e.get("/api/v1/knowledge/documents", admin));
    assertThat(list.findValuesAsText("filename")).contains(company + " account notes.md");

    JsonNode hits = search(admin, "Where is the new warehouse of " + company + "?");
    assertThat(hits.isArray()).isTrue();
    JsonNode best = hits.get(0);
    assertThat(best.path("documentId").asLong()).isEqualTo(id);
    assertThat(best.path("text").asText()).contains("new warehouse in Newark");
    assertThat(best.path("score").asDouble()).isBetween(0.0, 1.0);

    // a lead at that company: the offline draft quotes the document and names it as a source
    HttpResponse<String> lead =
        E2e.send(
            "POST",
            "/api/v1/leads",
            admin,
            "{\"firstName\":\"Art\",\"lastName\":\"Vandelay\",\"email\":\"art-"
                + tag
                + "@vandelay.example\",\"company\":\""
                + company
                + "\",\"title\":\"Head of Imports\"}");
    assertThat(lead.statusCode()).isEqualTo(201);
    long leadId = Knowledge.json(lead).path("id").asLong();
    HttpResponse<String> persona =
        E2e.send(
            "POST",
            "/api/v1/personas",
            admin,
            "{\"name\":\"Knowledge "
                + tag
                + "\",\"role\":\"Account Executive\",\"tone\":{\"formality\":50,\"detail\":40,"
                + "\"warmth\":50},\"valuePropositions\":[\"Faster customs clearance.\"]}");
    assertThat(persona.statusCode()).isEqualTo(201);
    long personaId = Knowledge.json(persona).path("id").asLong();
    HttpResponse<String> draft =
        E2e.send(
            "POST",
            "/api/v1/leads/" + leadId + "/drafts",
            E2e.token("sales@acme.demo"),
            "{\"personaId\":" + personaId + "}");
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
    JsonNode d = Knowledge.json(draft);
    assertThat(d.path("offline").asBoolean()).isTrue();
    assertThat(d.path("body").asText()).contains("new warehouse in Newark");
    // first the document naming the company; other tests' documents in this tenant may follow
    JsonNode sources = d.path("sources");
    assertThat(sources.size()).isPositive();
    assertThat(sources.get(0).path("kind").asText()).isEqualTo("document");
    assertThat(sources.get(0).path("id").asLong()).isEqualTo(id);
    assertThat(sources.get(0).path("title").asText()).isEqualTo(company + " account notes.md");

    // deleted: its chunks are gone, search and drafts no longer find it
    assertThat(E2e.send("DELETE", "/api/v1/knowledge/documents/" + id, admin, null).statusCode())
        .isEqualTo(204);
    assertThat(E2e.get("/api/v1/knowledge/documents/" + id, admin).statusCode()).isEqualTo(404);
    assertThat(search(admin, "new warehouse of " + company).findValuesAsText("text"))
        .noneMatch(t -> t.contains(company));
    HttpResponse<String> after =
        E2e.send(
            "POST",
            "/api/v1/leads/" + leadId + "/drafts",
            admin,
            "{\"personaId\":" + personaId + "}");
    assertThat(Knowledge.json(after).path("sources").findValuesAsText("title"))
        .doesNotContain(company + " account notes.md");
  }

  @Test
  void another_tenant_sees_nothing_of_it() throws Exception {
    String secret = "Orbital " + tag;
    long id = upload(admin, "secret-" + tag + ".txt", secret + " launches its rocket in July.");
    assertThat(Knowledge.awaitIndexed(admin, id).path("status").asText()).isEqualTo("READY");

    assertThat(E2e.get("/api/v1/knowledge/documents/" + id, globex).statusCode()).isEqualTo(404);
    assertThat(E2e.send("DELETE", "/api/v1/knowledge/documents/" + id, globex, null).statusCode())
        .isEqualTo(404);
    assertThat(E2e.get("/api/v1/knowledge/documents", globex).body()).doesNotContain(secret);
    assertThat(search(globex, "When does " + secret + " launch its rocket?").toString())
        .doesNotContain(secret);
    // still there for its owner
    assertThat(E2e.get("/api/v1/knowledge/documents/" + id, admin).statusCode()).isEqualTo(200);
  }

  @Test
  void bad_uploads_get_clear_errors_and_roles_are_enforced() throws Exception {
    HttpResponse<String> exe =
        Knowledge.upload(admin, "tool.exe", "application/octet-stream", new byte[] {77, 90});
    assertThat(exe.statusCode()).isEqualTo(415);
    assertThat(exe.body()).contains("PDF, DOCX, HTML, Markdown or text");

    HttpResponse<String> big =
        Knowledge.upload(admin, "big.txt", "text/plain", new byte[10 * 1024 * 1024 + 1]);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("larger than 10 MB");

    HttpResponse<String> none = Knowledge.upload(admin, null, null, null);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("\"field\":\"file\"");

    HttpResponse<String> viewer =
        Knowledge.upload(
            E2e.token("viewer@acme.demo"),
            "a.txt",
            "text/plain",
            "x".getBytes(StandardCharsets.UTF_8));
    assertThat(viewer.statusCode()).isEqualTo(403);

    HttpResponse<String> noQuery =
        E2e.send("POST", "/api/v1/knowledge/search", admin, "{\"query\":\"\"}");
    assertThat(noQuery.statusCode()).isEqualTo(400);
    HttpResponse<String> badLimit =
        E2e.send("POST", "/api/v1/knowledge/search", admin, "{\"query\":\"x\",\"limit\":500}");
    assertThat(badLimit.statusCode()).isEqualTo(400);

    // a file that is not what it says: FAILED with the reason, nothing searchable
    HttpResponse<String> broken =
        Knowledge.upload(
            admin,
            "broken-" + tag + ".pdf",
            "application/pdf",
            "%PDF-1.7 not really".getBytes(StandardCharsets.UTF_8));
    assertThat(broken.statusCode()).isEqualTo(202);
    long id = Knowledge.json(broken).path("id").asLong();
    uploaded.add(id);
    JsonNode failed = Knowledge.awaitIndexed(admin, id);
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("error").asText()).startsWith("Not a readable PDF file");
    assertThat(failed.path("chunks").asInt()).isZero();
  }

  @Test
  void the_endpoints_are_in_the_openapi_document() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/knowledge/documents",
            "/api/v1/knowledge/documents/{id}",
            "/api/v1/knowledge/search",
            "DraftSource");
  }
}
