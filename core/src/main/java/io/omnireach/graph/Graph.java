package io.omnireach.graph;

import java.util.List;

/** Nodes and edges; {@code focus} is the node the view centres on (null: none). */
public record Graph(List<GraphNode> nodes, List<GraphEdge> edges, String focus) {

  public Graph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
