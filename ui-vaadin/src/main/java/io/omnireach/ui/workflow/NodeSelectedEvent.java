package io.omnireach.ui.workflow;

import com.vaadin.flow.component.ComponentEvent;
import java.util.Optional;

/**
 * One node was selected on the canvas, or the selection was cleared (no node id). The node comes
 * along as the canvas has it: a step just added may not have reached the server's graph yet.
 */
public class NodeSelectedEvent extends ComponentEvent<WorkflowCanvas> {

  private final String nodeId;
  private final WorkflowGraphJson.Node node;

  public NodeSelectedEvent(WorkflowCanvas source, boolean fromClient, String nodeId) {
    this(source, fromClient, nodeId, null);
  }

  NodeSelectedEvent(
      WorkflowCanvas source, boolean fromClient, String nodeId, WorkflowGraphJson.Node node) {
    super(source, fromClient);
    this.nodeId = nodeId;
    this.node = node;
  }

  public Optional<String> getNodeId() {
    return Optional.ofNullable(nodeId);
  }

  /** The selected node's type and config as the canvas reported them, when it did. */
  Optional<WorkflowGraphJson.Node> getNode() {
    return Optional.ofNullable(node);
  }
}
