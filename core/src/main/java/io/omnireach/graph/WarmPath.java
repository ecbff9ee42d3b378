package io.omnireach.graph;

import java.util.List;

/**
 * The shortest warm path from one of our users to a lead: nodes from the user to the lead, and the
 * edges between them in that order (source and target follow the path; kind names the relation).
 * Empty when none within {@link RelationshipGraph#MAX_DEPTH} hops.
 */
public record WarmPath(long leadId, List<GraphNode> nodes, List<GraphEdge> edges) {

  public WarmPath {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  public boolean found() {
    return !nodes.isEmpty();
  }

  public int hops() {
    return edges.size();
  }
}
