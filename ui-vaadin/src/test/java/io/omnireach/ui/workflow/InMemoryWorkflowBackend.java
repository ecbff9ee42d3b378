package io.omnireach.ui.workflow;

import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A workflow store in a map, for the views' tests only (the real one is core's). */
class InMemoryWorkflowBackend implements WorkflowBackend {

  private final Map<Long, String> drafts = new LinkedHashMap<>();
  private final Map<Long, List<String>> versions = new LinkedHashMap<>();
  private long next = 1;

  @Override
  public List<Summary> list(TenantRef tenant) {
    List<Summary> out = new ArrayList<>();
    drafts.forEach(
        (id, graph) -> {
          List<String> vs = versions.getOrDefault(id, List.of());
          out.add(
              new Summary(
                  id,
                  name(graph),
                  vs.isEmpty() ? null : vs.size(),
                  !vs.isEmpty() && !vs.get(vs.size() - 1).equals(graph),
                  0,
                  Instant.EPOCH));
        });
    return out;
  }

  @Override
  public Definition get(TenantRef tenant, long id) {
    String graph = drafts.get(id);
    if (graph == null) {
      throw DomainException.notFound("Workflow " + id + " not found.");
    }
    List<String> vs = versions.getOrDefault(id, List.of());
    return new Definition(id, name(graph), graph, vs.isEmpty() ? null : vs.size(), Instant.EPOCH);
  }

  @Override
  public Definition create(TenantRef tenant, String graph, String actor) {
    long id = next++;
    drafts.put(id, graph);
    return get(tenant, id);
  }

  @Override
  public Definition saveDraft(TenantRef tenant, long id, String graph, String actor) {
    get(tenant, id);
    drafts.put(id, graph);
    return get(tenant, id);
  }

  @Override
  public List<Issue> validate(String graph) {
    var g = WorkflowGraphJson.parse(graph);
    List<Issue> issues = new ArrayList<>();
    long starts = WorkflowGraphJson.nodes(g).stream().filter(n -> n.type().equals("start")).count();
    if (starts != 1) {
      issues.add(new Issue(null, "A workflow has exactly one start."));
    }
    return issues;
  }

  @Override
  public int publish(TenantRef tenant, long id, String actor) {
    List<String> vs = versions.computeIfAbsent(id, k -> new ArrayList<>());
    vs.add(drafts.get(id));
    return vs.size();
  }

  @Override
  public String exportJson(TenantRef tenant, long id) {
    return drafts.get(id);
  }

  @Override
  public Definition importJson(TenantRef tenant, String json, String actor) {
    return create(tenant, WorkflowGraphJson.parse(json).toJson(), actor);
  }

  @Override
  public List<Template> templates() {
    return List.of(
        new Template("cold", "Cold outreach, 3 touches", "Three emails.", "{\"nodes\":[]}"));
  }

  private static String name(String graph) {
    return WorkflowGraphJson.name(WorkflowGraphJson.parse(graph));
  }
}
