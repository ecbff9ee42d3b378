package io.omnireach.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder for graphs in tests. */
final class Graphs {

  private final String name;
  private final List<WorkflowGraph.Node> nodes = new ArrayList<>();
  private final List<WorkflowGraph.Edge> edges = new ArrayList<>();

  private Graphs(String name) {
    this.name = name;
  }

  static Graphs named(String name) {
    return new Graphs(name);
  }

  Graphs node(String id, String type, Object... config) {
    Map<String, Object> c = new LinkedHashMap<>();
    for (int i = 0; i < config.length; i += 2) {
      c.put((String) config[i], config[i + 1]);
    }
    nodes.add(new WorkflowGraph.Node(id, type, c, Map.of("x", nodes.size() * 200, "y", 0)));
    return this;
  }

  Graphs edge(String source, String target) {
    return edge(source, target, null);
  }

  Graphs edge(String source, String target, String condition) {
    edges.add(new WorkflowGraph.Edge(source, target, condition));
    return this;
  }

  /** start → send (mailbox) → wait → end: the smallest valid sending workflow. */
  static Graphs simple(long mailboxId) {
    return named("Simple")
        .node("s", "start")
        .node(
            "mail",
            "send_email",
            "mailboxId",
            mailboxId,
            "subject",
            "Hi {{lead.firstName}}",
            "body",
            "Hello {{lead.firstName|there}}")
        .node("w", "wait", "duration", "P2D")
        .node("e", "end")
        .edge("s", "mail")
        .edge("mail", "w")
        .edge("w", "e");
  }

  WorkflowGraph build() {
    return new WorkflowGraph(name, nodes, edges);
  }
}
