package io.omnireach.ui.workflow;

import elemental.json.JsonObject;

/**
 * The settings form of one node type (the UI half of a core {@code NodeTypeFactory}), registered in
 * {@code META-INF/services/io.omnireach.ui.workflow.NodeFormProvider}. The settings panel asks it
 * for a {@link NodeForm} each time a node of its type is selected.
 */
public interface NodeFormProvider {

  /** The node type it edits, as in the workflow JSON (the factory's id). */
  String type();

  /** A form showing {@code config}; it writes only its own keys, the rest pass through. */
  NodeForm create(JsonObject config, NodeFormContext context);
}
