package io.omnireach.ui.workflow;

import com.vaadin.flow.component.ComponentEvent;
import java.util.Optional;

/** One node was selected on the canvas, or the selection was cleared (no node id). */
public class NodeSelectedEvent extends ComponentEvent<WorkflowCanvas> {

  private final String nodeId;

  public NodeSelectedEvent(WorkflowCanvas source, boolean fromClient, String nodeId) {
    super(source, fromClient);
    this.nodeId = nodeId;
  }

  public Optional<String> getNodeId() {
    return Optional.ofNullable(nodeId);
  }
}
