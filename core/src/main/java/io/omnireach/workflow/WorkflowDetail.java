package io.omnireach.workflow;

import java.util.List;

/** A workflow with its draft graph and the numbers of its published versions (oldest first). */
public record WorkflowDetail(WorkflowSummary summary, WorkflowGraph draft, List<Integer> versions) {

  public long id() {
    return summary.id();
  }

  /** The draft as canvas JSON (the property the canvas component takes). */
  public String draftJson() {
    return WorkflowJson.write(draft);
  }
}
