package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Workflow definitions over REST: drafts, publish with validation, versions, export, isolation. */
class WorkflowApiIT {

  @BeforeAll
  static void appStarted() throws Exception {
    // on a busy machine the application may start well after the server reports ready
    E2eServer.awaitReady();
  }

  static final String GRAPH =
      "{\"name\":\"API tour\",\"nodes\":["
          + "{\"id\":\"s\",\"type\":\"start\",\"config\":{},\"position\":{\"x\":1,\"y\":2}},"
          + "{\"id\":\"tag\",\"type\":\"update_lead\",\"config\":{\"addTag\":\"toured\"}},"
          + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"duration\":\"%s\"}},"
          + "{\"id\":\"e\",\"type\":\"end\",\"config\":{}}],"
          + "\"edges\":[{\"source\":\"s\",\"target\":\"tag\"},{\"source\":\"tag\",\"target\":\"w\"},"
          + "{\"source\":\"w\",\"target\":\"e\"}]}";

  static HttpResponse<String> created(String token, String json) throws Exception {
    HttpResponse<String> r = E2e.sendOnceMigrated("POST", "/api/v1/workflows", token, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return r;
  }

  @Test
  void a_draft_is_saved_published_versioned_exported_and_imported() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    HttpResponse<String> r = created(sales, GRAPH.formatted("two days"));
    assertThat(r.body()).matches("\\{\"id\":\\d+,\"version\":1}");
    String id = E2e.field(r.body(), "id");

    HttpResponse<String> bad =
        E2e.send("POST", "/api/v1/workflows/" + id + "/publish", sales, null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(bad.body())
        .contains(
            "node w:",
            "\"nodeId\":\"w\"",
            "\"field\":\"duration\"",
            "\"field\":\"nodes.w.config.duration\"");

    HttpResponse<String> saved =
        E2e.send("PUT", "/api/v1/workflows/" + id, sales, GRAPH.formatted("P2D"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).contains("\"position\":{\"x\":1,\"y\":2}", "\"status\":\"draft\"");

    HttpResponse<String> published =
        E2e.send("POST", "/api/v1/workflows/" + id + "/publish", sales, null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(published.body()).isEqualTo("{\"id\":" + id + ",\"version\":1}");

    HttpResponse<String> v1 = E2e.get("/api/v1/workflows/" + id + "/versions/1", sales);
    assertThat(v1.statusCode()).isEqualTo(200);
    assertThat(v1.body()).contains("\"duration\":\"P2D\"", "\"publishedBy\":\"sales@acme.demo\"");
    assertThat(E2e.get("/api/v1/workflows/" + id + "/versions/2", sales).statusCode())
        .isEqualTo(404);
    assertThat(E2e.get("/api/v1/workflows", sales).body()).contains("\"name\":\"API tour\"");

    HttpResponse<String> export = E2e.get("/api/v1/workflows/" + id + "/export?version=1", sales);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body()).contains("\"format\" : \"omnireach.workflow\"");
    HttpResponse<String> imported =
        E2e.send("POST", "/api/v1/workflows/import", sales, export.body());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    String copy = E2e.field(imported.body(), "id");
    assertThat(E2e.send("POST", "/api/v1/workflows/" + copy + "/publish", sales, null).statusCode())
        .isEqualTo(200);

    assertThat(E2e.send("DELETE", "/api/v1/workflows/" + copy, sales, null).statusCode())
        .isEqualTo(204);
    assertThat(E2e.get("/api/v1/workflows/" + copy, sales).body())
        .contains("\"status\":\"archived\"");
  }

  @Test
  void templates_are_listed_and_become_drafts() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    HttpResponse<String> list = E2e.get("/api/v1/workflow-templates", sales);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"Cold outreach, 3 touches\"", "\"Inbound follow-up\"");
    HttpResponse<String> r =
        E2e.send("POST", "/api/v1/workflow-templates/inbound-follow-up/workflows", sales, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(E2e.get("/api/v1/workflows/" + E2e.field(r.body(), "id"), sales).body())
        .contains("\"template\":\"inbound-follow-up\"", "\"until\":\"reply\"");
  }

  @Test
  void another_tenant_gets_404_and_a_viewer_cannot_write() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String id = E2e.field(created(sales, GRAPH.formatted("P1D")).body(), "id");
    String globex = E2e.token("admin@globex.demo");
    assertThat(E2e.get("/api/v1/workflows/" + id, globex).statusCode()).isEqualTo(404);
    assertThat(
            E2e.send("PUT", "/api/v1/workflows/" + id, globex, GRAPH.formatted("P1D")).statusCode())
        .isEqualTo(404);
    assertThat(E2e.send("POST", "/api/v1/workflows/" + id + "/publish", globex, null).statusCode())
        .isEqualTo(404);
    assertThat(E2e.get("/api/v1/workflows", globex).body()).doesNotContain("\"id\":" + id + ",");
    String viewer = E2e.token("viewer@acme.demo");
    assertThat(E2e.get("/api/v1/workflows/" + id, viewer).statusCode()).isEqualTo(200);
    assertThat(E2e.send("POST", "/api/v1/workflows", viewer, GRAPH.formatted("P1D")).statusCode())
        .isEqualTo(403);
  }
}
