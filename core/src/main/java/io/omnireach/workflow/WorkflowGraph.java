package io.omnireach.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow as the canvas draws it and the REST contract carries it: {@code {"name", "nodes":
 * [{"id", "type", "config", "position"}], "edges": [{"source", "target", "condition"}]}}. Config
 * and position are kept as the client sent them (position is the canvas's layout, never
 * interpreted); {@link io.omnireach.workflow.node.NodeTypes#parse} gives the typed view of a node's
 * config.
 */
public record WorkflowGraph(String name, List<Node> nodes, List<Edge> edges) {

  public WorkflowGraph {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    edges = edges == null ? List.of() : List.copyOf(edges);
  }

  /**
   * One node. {@code type} is the JSON name (a {@link
   * io.omnireach.workflow.node.NodeTypeFactory#id}); it stays a string so a draft with an unknown
   * type can be saved and reported by the validator instead of rejected.
   */
  public record Node(
      String id, String type, Map<String, Object> config, Map<String, Object> position) {

    public Node {
      config = config == null ? Map.of() : unmodifiable(config);
      position = position == null ? null : unmodifiable(position);
    }

    public Node withConfig(Map<String, Object> newConfig) {
      return new Node(id, type, newConfig, position);
    }

    private static Map<String, Object> unmodifiable(Map<String, Object> m) {
      // LinkedHashMap keeps the client's key order; values may be null (JSON null)
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
  }

  /**
   * A directed edge; {@code condition} is {@code "yes"} or {@code "no"} on a decision's outgoing
   * edges and null elsewhere. {@code id} is the canvas's edge id (optional, kept for round trips).
   */
  public record Edge(String id, String source, String target, String condition) {

    public Edge(String source, String target, String condition) {
      this(null, source, target, condition);
    }
  }

  public Optional<Node> node(String id) {
    return nodes.stream().filter(n -> n.id() != null && n.id().equals(id)).findFirst();
  }

  /** The edges leaving a node, in graph order. */
  public List<Edge> outgoing(String nodeId) {
    return edges.stream().filter(e -> nodeId.equals(e.source())).toList();
  }

  /** The start node, if there is exactly one. */
  public Optional<Node> start() {
    List<Node> starts = nodes.stream().filter(WorkflowValidator::isEntry).toList();
    return starts.size() == 1 ? Optional.of(starts.get(0)) : Optional.empty();
  }

  public WorkflowGraph withName(String newName) {
    return new WorkflowGraph(newName, nodes, edges);
  }

  public WorkflowGraph withNodes(List<Node> newNodes) {
    return new WorkflowGraph(name, newNodes, edges);
  }
}
