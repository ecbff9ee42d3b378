package io.omnireach.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Workflows: list, export, import ({@code /api/v1/workflows}). */
public final class WorkflowsApi {

  private final Http http;

  WorkflowsApi(Http http) {
    this.http = http;
  }

  public List<Workflow> list(boolean includeArchived) {
    JsonNode page =
        http.get("/api/v1/workflows?includeArchived=" + includeArchived, JsonNode.class);
    return Http.JSON.convertValue(
        page.path("items"),
        Http.JSON.getTypeFactory().constructCollectionType(List.class, Workflow.class));
  }

  /**
   * The workflow as the server exports it (its draft): the exchange JSON, or a signed block file on
   * servers whose export answers with blocks — {@link BlocksApi#importBlock} takes those back.
   */
  public JsonNode export(long id) {
    return http.get("/api/v1/workflows/" + id + "/export", JsonNode.class);
  }

  /**
   * Imports an exported workflow as a new draft: a block file (hash and signature checked, 422 when
   * they fail) or bare exchange JSON. Persona and mailbox names are mapped to this workspace's.
   */
  public Workflow.Ref importJson(JsonNode exported) {
    return http.post("/api/v1/workflows/import", exported, Workflow.Ref.class);
  }
}
