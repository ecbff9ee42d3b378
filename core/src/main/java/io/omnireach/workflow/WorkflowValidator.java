package io.omnireach.workflow;

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
 * nodes with none; no cycle that does not pass a Wait (it would spin without pause); and each
 * node's config valid against the tenant (persona and mailbox exist, durations parse, merge fields
 * known). Drafts are saved without validation; the canvas can call {@link #validate} for live
 * feedback.
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
      if (n.nodeType().isEmpty()) {
        errors.add(
            ValidationError.field(n.id(), "type", "Unknown node type \"" + n.type() + "\"."));
      }
    }
    List<WorkflowGraph.Node> starts =
        byId.values().stream().filter(n -> NodeType.START.json().equals(n.type())).toList();
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
      if (n.nodeType().isPresent()) {
        config(n, catalog, errors);
      }
    }
    generatedContent(byId, graph.edges(), errors);
    return errors;
  }

  /** Throws {@link WorkflowInvalidException} unless the graph is valid. */
  public static void check(WorkflowGraph graph, Catalog catalog) {
    List<ValidationError> errors = validate(graph, catalog);
    if (!errors.isEmpty()) {
      throw new WorkflowInvalidException(errors);
    }
  }

  private static void edgesOf(
      WorkflowGraph.Node n, List<WorkflowGraph.Edge> edges, List<ValidationError> errors) {
    if (NodeType.DECISION.json().equals(n.type())) {
      long yes = edges.stream().filter(e -> "yes".equals(e.condition())).count();
      long no = edges.stream().filter(e -> "no".equals(e.condition())).count();
      if (yes != 1 || no != 1 || edges.size() != 2) {
        errors.add(
            ValidationError.node(
                n.id(),
                "A decision needs exactly one \"yes\" and one \"no\" branch (has "
                    + yes
                    + " yes, "
                    + no
                    + " no, "
                    + (edges.size() - yes - no)
                    + " unlabelled)."));
      }
    } else if (NodeType.END.json().equals(n.type())) {
      if (!edges.isEmpty()) {
        errors.add(ValidationError.node(n.id(), "An end node has no outgoing edge."));
      }
    } else if (edges.size() > 1) {
      errors.add(
          ValidationError.node(
              n.id(), "Only a decision may branch: this node has " + edges.size() + " exits."));
    }
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

  /** A send without its own text needs an AI Generate step before it on some path. */
  private static void generatedContent(
      Map<String, WorkflowGraph.Node> byId,
      List<WorkflowGraph.Edge> edges,
      List<ValidationError> errors) {
    for (WorkflowGraph.Node n : byId.values()) {
      if (!NodeType.SEND_EMAIL.json().equals(n.type())) {
        continue;
      }
      NodeConfig.SendEmail send = (NodeConfig.SendEmail) NodeConfig.of(n);
      if (!send.usesGenerated()) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(n.id()));
      boolean found = false;
      while (!todo.isEmpty() && !found) {
        String id = todo.pop();
        for (WorkflowGraph.Edge e : edges) {
          if (id.equals(e.target()) && seen.add(e.source())) {
            WorkflowGraph.Node before = byId.get(e.source());
            found |= before != null && NodeType.AI_GENERATE.json().equals(before.type());
            todo.push(e.source());
          }
        }
      }
      if (!found) {
        errors.add(
            ValidationError.field(
                n.id(),
                "body",
                "Write a subject and body, or put an AI Generate step before this send."));
      }
    }
  }

  private static boolean isWait(WorkflowGraph.Node n) {
    return n != null && NodeType.WAIT.json().equals(n.type());
  }

  private static void config(WorkflowGraph.Node n, Catalog catalog, List<ValidationError> errors) {
    NodeConfig config = NodeConfig.read(n, errors::add);
    if (config instanceof NodeConfig.AiGenerate ai) {
      if (ai.personaId() != null && !catalog.personaIds().contains(ai.personaId())) {
        errors.add(
            ValidationError.field(
                n.id(), "personaId", "No persona " + ai.personaId() + " in this workspace."));
      }
    } else if (config instanceof NodeConfig.SendEmail send) {
      send(n, send, catalog, errors);
    } else if (config instanceof NodeConfig.Task task) {
      mergeFields(n.id(), "title", task.title(), errors);
    }
  }

  private static void send(
      WorkflowGraph.Node n,
      NodeConfig.SendEmail send,
      Catalog catalog,
      List<ValidationError> errors) {
    if (send.rotates()) {
      if (catalog.mailboxIds().isEmpty()) {
        errors.add(
            ValidationError.field(
                n.id(), "mailboxId", "There is no mailbox to send from: add one in Settings."));
      }
    } else if (!catalog.mailboxIds().contains(send.mailboxId())) {
      errors.add(
          ValidationError.field(
              n.id(), "mailboxId", "No mailbox " + send.mailboxId() + " in this workspace."));
    }
    if (!send.usesGenerated()) {
      if (NodeConfig.isBlank(send.subject())) {
        errors.add(ValidationError.field(n.id(), "subject", "A subject is required with a body."));
      }
      if (NodeConfig.isBlank(send.body()) && send.variants().isEmpty()) {
        errors.add(ValidationError.field(n.id(), "body", "A body is required with a subject."));
      }
    }
    mergeFields(n.id(), "subject", send.subject(), errors);
    mergeFields(n.id(), "body", send.body(), errors);
    for (int i = 0; i < send.variants().size(); i++) {
      NodeConfig.Variant v = send.variants().get(i);
      mergeFields(n.id(), "variants[" + i + "].subject", v.subject(), errors);
      mergeFields(n.id(), "variants[" + i + "].body", v.body(), errors);
    }
  }

  private static void mergeFields(
      String nodeId, String field, String text, List<ValidationError> errors) {
    for (String unknown : MergeFields.unknown(text)) {
      errors.add(
          ValidationError.field(
              nodeId,
              field,
              "Unknown merge field {{"
                  + unknown
                  + "}}: use lead fields such as {{lead.firstName}} or {{lead.company}}."));
    }
  }
}
