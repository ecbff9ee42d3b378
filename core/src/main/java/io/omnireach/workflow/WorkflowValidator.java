package io.omnireach.workflow;

import io.omnireach.workflow.node.NodeCheck;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.NodeTypes;
import io.omnireach.workflow.node.ParsedNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a graph must pass before it is published: exactly one start; every node reachable from
 * it; decisions with both a yes and a no branch; other nodes with at most one outgoing edge and end
 * nodes with none (the rules follow each type's palette ports); no cycle that does not pass a Wait
 * (it would spin without pause); and each node's config valid as its {@link NodeTypeFactory} reads
 * and checks it (persona and mailbox exist, durations parse, merge fields known). Drafts are saved
 * without validation; the canvas can call {@link #validate} for live feedback.
 */
public final class WorkflowValidator {

  static final int MAX_NODES = 500;
  static final int MAX_NAME = 120;

  /** The tenant's personas and mailboxes, against which ids in configs are checked. */
  public record Catalog(Set<Long> personaIds, Set<Long> mailboxIds) {
    public static final Catalog EMPTY = new Catalog(Set.of(), Set.of());
  }

  private WorkflowValidator() {}

  /** Every problem of the graph; empty when it may be published. */
  public static List<ValidationError> validate(WorkflowGraph graph, Catalog catalog) {
    List<ValidationError> errors = new ArrayList<>();
    if (graph.name() == null || graph.name().isBlank()) {
      errors.add(ValidationError.graph("The workflow needs a name."));
    } else if (graph.name().strip().length() > MAX_NAME) {
      errors.add(ValidationError.graph("The name is longer than " + MAX_NAME + " characters."));
    }
    if (graph.nodes().size() > MAX_NODES) {
      errors.add(ValidationError.graph("A workflow has at most " + MAX_NODES + " nodes."));
      return errors;
    }
    Map<String, WorkflowGraph.Node> byId = new LinkedHashMap<>();
    for (WorkflowGraph.Node n : graph.nodes()) {
      if (n.id() == null || n.id().isBlank()) {
        errors.add(ValidationError.graph("Every node needs an id."));
        continue;
      }
      if (byId.putIfAbsent(n.id(), n) != null) {
        errors.add(ValidationError.node(n.id(), "Two nodes share the id " + n.id() + "."));
      }
      if (NodeTypes.of(n).isEmpty()) {
        errors.add(
            ValidationError.field(n.id(), "type", "Unknown node type \"" + n.type() + "\"."));
      }
    }
    List<WorkflowGraph.Node> starts =
        byId.values().stream().filter(WorkflowValidator::isEntry).toList();
    if (starts.isEmpty()) {
      errors.add(ValidationError.graph("The workflow needs a start node."));
    } else if (starts.size() > 1) {
      for (WorkflowGraph.Node s : starts.subList(1, starts.size())) {
        errors.add(ValidationError.node(s.id(), "Only one start node is allowed."));
      }
    }
    Map<String, List<WorkflowGraph.Edge>> out = new HashMap<>();
    for (WorkflowGraph.Edge e : graph.edges()) {
      if (!byId.containsKey(e.source())) {
        errors.add(ValidationError.graph("An edge starts at unknown node \"" + e.source() + "\"."));
        continue;
      }
      if (!byId.containsKey(e.target())) {
        errors.add(
            ValidationError.node(
                e.source(), "An edge leads to unknown node \"" + e.target() + "\"."));
        continue;
      }
      out.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
    }
    for (WorkflowGraph.Node n : byId.values()) {
      edgesOf(n, out.getOrDefault(n.id(), List.of()), errors);
    }
    if (starts.size() == 1) {
      Set<String> reached = reachable(starts.get(0).id(), out);
      for (String id : byId.keySet()) {
        if (!reached.contains(id)) {
          errors.add(ValidationError.node(id, "Not reachable from the start node."));
        }
      }
    }
    cycleWithoutWait(byId, out).ifPresent(errors::add);
    for (WorkflowGraph.Node n : byId.values()) {
      NodeTypes.of(n).ifPresent(type -> config(n, catalog, byId, graph.edges(), errors));
    }
    return errors;
  }

  /** Throws {@link WorkflowInvalidException} unless the graph is valid. */
  public static void check(WorkflowGraph graph, Catalog catalog) {
    List<ValidationError> errors = validate(graph, catalog);
    if (!errors.isEmpty()) {
      throw new WorkflowInvalidException(errors);
    }
  }

  /** Named outputs (a decision's yes/no) need one edge each; no outputs, no edge; else one. */
  private static void edgesOf(
      WorkflowGraph.Node n, List<WorkflowGraph.Edge> edges, List<ValidationError> errors) {
    NodePalette palette = NodeTypes.of(n).map(NodeTypeFactory::palette).orElse(null);
    if (palette != null && palette.branches()) {
      StringBuilder wanted = new StringBuilder();
      StringBuilder has = new StringBuilder();
      long labelled = 0;
      boolean ok = edges.size() == palette.outputs().size();
      for (String port : palette.outputs()) {
        long count = edges.stream().filter(e -> port.equals(e.condition())).count();
        ok &= count == 1;
        labelled += count;
        wanted
            .append(wanted.length() == 0 ? "" : " and ")
            .append("one \"")
            .append(port)
            .append('"');
        has.append(count).append(' ').append(port).append(", ");
      }
      if (!ok) {
        errors.add(
            ValidationError.node(
                n.id(),
                article(palette.label())
                    + " needs exactly "
                    + wanted
                    + " branch (has "
                    + has
                    + (edges.size() - labelled)
                    + " unlabelled)."));
      }
    } else if (palette != null && palette.outputs().isEmpty()) {
      if (!edges.isEmpty()) {
        errors.add(
            ValidationError.node(n.id(), article(palette.label()) + " node has no outgoing edge."));
      }
    } else if (edges.size() > 1) {
      errors.add(
          ValidationError.node(
              n.id(), "Only a decision may branch: this node has " + edges.size() + " exits."));
    }
  }

  /** "A decision", "An end": the sentence start for a type label. */
  private static String article(String label) {
    String l = label.toLowerCase(java.util.Locale.ROOT);
    return ("aeiou".indexOf(l.charAt(0)) >= 0 ? "An " : "A ") + l;
  }

  private static Set<String> reachable(String start, Map<String, List<WorkflowGraph.Edge>> out) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (seen.add(id)) {
        for (WorkflowGraph.Edge e : out.getOrDefault(id, List.of())) {
          todo.push(e.target());
        }
      }
    }
    return seen;
  }

  /** A cycle among non-wait nodes (iterative three-colour DFS), reported at one of its nodes. */
  private static java.util.Optional<ValidationError> cycleWithoutWait(
      Map<String, WorkflowGraph.Node> byId, Map<String, List<WorkflowGraph.Edge>> out) {
    Map<String, Integer> colour = new HashMap<>(); // absent white, 1 grey, 2 black
    for (String root : byId.keySet()) {
      if (colour.containsKey(root) || isWait(byId.get(root))) {
        continue;
      }
      Deque<String[]> stack = new ArrayDeque<>();
      Deque<java.util.Iterator<WorkflowGraph.Edge>> iters = new ArrayDeque<>();
      colour.put(root, 1);
      stack.push(new String[] {root});
      iters.push(out.getOrDefault(root, List.of()).iterator());
      while (!stack.isEmpty()) {
        java.util.Iterator<WorkflowGraph.Edge> it = iters.peek();
        if (it.hasNext()) {
          String next = it.next().target();
          if (isWait(byId.get(next))) {
            continue;
          }
          Integer c = colour.get(next);
          if (c == null) {
            colour.put(next, 1);
            stack.push(new String[] {next});
            iters.push(out.getOrDefault(next, List.of()).iterator());
          } else if (c == 1) {
            return java.util.Optional.of(
                ValidationError.node(
                    next, "This node is on a loop without a Wait: add a Wait to the loop."));
          }
        } else {
          colour.put(stack.pop()[0], 2);
          iters.pop();
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The entry node type: the one without an input (Start). */
  static boolean isEntry(WorkflowGraph.Node n) {
    return NodeTypes.of(n).map(t -> !t.palette().input()).orElse(false);
  }

  private static boolean isWait(WorkflowGraph.Node n) {
    return n != null && NodeTypes.of(n).map(NodeTypeFactory::pauses).orElse(false);
  }

  private static void config(
      WorkflowGraph.Node n,
      Catalog catalog,
      Map<String, WorkflowGraph.Node> byId,
      List<WorkflowGraph.Edge> edges,
      List<ValidationError> errors) {
    ParsedNode<?> parsed = NodeTypes.parse(n, errors::add);
    NodeCheck check =
        new NodeCheck(n.id(), catalog, type -> upstream(n.id(), type, byId, edges), errors::add);
    validate(parsed, check);
  }

  private static <C> void validate(ParsedNode<C> parsed, NodeCheck check) {
    parsed.type().validate(parsed.config(), check);
  }

  /** Whether a node of {@code type} comes before {@code nodeId} on some path. */
  private static boolean upstream(
      String nodeId,
      String type,
      Map<String, WorkflowGraph.Node> byId,
      List<WorkflowGraph.Edge> edges) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(nodeId));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      for (WorkflowGraph.Edge e : edges) {
        if (id.equals(e.target()) && seen.add(e.source())) {
          WorkflowGraph.Node before = byId.get(e.source());
          if (before != null && type.equals(before.type())) {
            return true;
          }
          todo.push(e.source());
        }
      }
    }
    return false;
  }
}
