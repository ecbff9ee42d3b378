package io.omnireach.ui.workflow;

import io.omnireach.tenant.TenantRef;
import java.time.Instant;
import java.util.List;

/**
 * What the workflow views need from the workflow store (core {@code io.omnireach.workflow}, built
 * beside this UI): list, load, save a draft, validate, publish, export and import. The graph is
 * always the canvas JSON of the REST contract. Implemented by a CDI bean over the core store; the
 * tests use an in-memory one. Errors are {@link io.omnireach.common.DomainException}s.
 */
public interface WorkflowBackend {

  /** A row of the workflows list. {@code publishedVersion} is null until the first publish. */
  record Summary(
      long id,
      String name,
      Integer publishedVersion,
      boolean draftChanged,
      long runs,
      Instant updatedAt) {}

  /** A workflow's current draft. */
  record Definition(
      long id, String name, String graph, Integer publishedVersion, Instant updatedAt) {}

  /** A validation message; {@code nodeId} is null when it concerns the whole graph. */
  record Issue(String nodeId, String message) {}

  /** A starting point for "New workflow". */
  record Template(String key, String name, String description, String graph) {}

  List<Summary> list(TenantRef tenant);

  Definition get(TenantRef tenant, long id);

  Definition create(TenantRef tenant, String graph, String actor);

  /** Stores the draft (autosave); never changes a published version. */
  Definition saveDraft(TenantRef tenant, long id, String graph, String actor);

  /** Publish rules: one start, every node reachable, both decision branches, no wait-less cycle. */
  List<Issue> validate(String graph);

  /** Freezes the draft as the next version and returns its number. */
  int publish(TenantRef tenant, long id, String actor);

  /** The portable JSON of a workflow (the marketplace format). */
  String exportJson(TenantRef tenant, long id);

  Definition importJson(TenantRef tenant, String json, String actor);

  List<Template> templates();
}
