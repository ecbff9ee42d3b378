package io.omnireach.ui.workflow;

import com.vaadin.flow.component.ComponentEvent;

/** The canvas' graph changed (structure, positions, a node's config, undo/redo); debounced. */
public class GraphChangedEvent extends ComponentEvent<WorkflowCanvas> {

  private final String graph;

  public GraphChangedEvent(WorkflowCanvas source, boolean fromClient, String graph) {
    super(source, fromClient);
    this.graph = graph;
  }

  /** The whole graph as JSON, in the REST contract's format. */
  public String getGraph() {
    return graph;
  }
}
