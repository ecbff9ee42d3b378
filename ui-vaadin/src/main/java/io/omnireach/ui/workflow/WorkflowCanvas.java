package io.omnireach.ui.workflow;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import io.omnireach.ui.shell.FrontendBundle;
import io.omnireach.workflow.node.NodeTypes;

/**
 * The workflow builder: the {@code <omni-workflow-canvas>} custom element (React Flow, from our own
 * runtime-loaded bundle, see {@code frontend/}). The graph goes in as a JSON property; edits come
 * back as {@link GraphChangedEvent}s and selection as {@link NodeSelectedEvent}s. The server keeps
 * the latest graph it heard of, so {@link #getGraph()} answers without a round trip.
 */
@Tag("omni-workflow-canvas")
public class WorkflowCanvas extends Component implements HasSize, HasStyle {

  private JsonObject graph = WorkflowGraphJson.blank("");

  public WorkflowCanvas() {
    setSizeFull();
    // The node types (labels, icons, colours, ports, defaults) come from the server's registry.
    getElement().setPropertyJson("palette", jsonOr(NodeTypes.paletteJson(), "[]"));
    getElement()
        .addEventListener(
            "graph-changed",
            e -> {
              JsonValue g = e.getEventData().get("event.detail.graph");
              if (g != null && g.getType() == JsonType.OBJECT) {
                graph = (JsonObject) g;
                fireEvent(new GraphChangedEvent(this, true, graph.toJson()));
              }
            })
        .addEventData("event.detail.graph");
    getElement()
        .addEventListener(
            "node-selected",
            e -> {
              JsonValue id = e.getEventData().get("event.detail.nodeId");
              String nodeId = id == null || id.getType() != JsonType.STRING ? null : id.asString();
              JsonValue n = e.getEventData().get("event.detail.node");
              WorkflowGraphJson.Node node =
                  nodeId != null && n != null && n.getType() == JsonType.OBJECT
                      ? WorkflowGraphJson.node((JsonObject) n)
                      : null;
              fireEvent(new NodeSelectedEvent(this, true, nodeId, node));
            })
        .addEventData("event.detail.nodeId")
        .addEventData("event.detail.node");
  }

  /** Shows a graph; viewport and selection stay when the nodes are the same. */
  public void setGraph(String json) {
    graph = WorkflowGraphJson.parse(json);
    getElement().setPropertyJson("graph", graph);
  }

  /** The latest graph: what was set, with every change the canvas reported since. */
  public String getGraph() {
    return graph.toJson();
  }

  JsonObject graph() {
    return graph;
  }

  public void setReadOnly(boolean readOnly) {
    getElement().setAttribute("readonly", readOnly);
  }

  public boolean isReadOnly() {
    return getElement().hasAttribute("readonly");
  }

  /** Per-node badges, {@code {nodeId: {status, count?, label?}}}: run states or step analytics. */
  public void setNodeStates(String json) {
    getElement().setPropertyJson("nodeStates", jsonOr(json, "{}"));
  }

  /** Validation messages, {@code [{nodeId, message}]}, shown on the nodes they name. */
  public void setIssues(String json) {
    getElement().setPropertyJson("issues", jsonOr(json, "[]"));
  }

  /** Names for ids in node configs: {@code {personas:{id:name}, mailboxes:{…}, users:{…}}}. */
  public void setLookups(String json) {
    getElement().setPropertyJson("lookups", jsonOr(json, "{}"));
  }

  /** Replaces one node's config on the canvas (an undoable edit that is reported back). */
  public void setNodeConfig(String nodeId, String configJson) {
    JsonObject config = Json.parse(configJson);
    graph = WorkflowGraphJson.withNodeConfig(graph, nodeId, config);
    getElement().callJsFunction("setNodeConfig", nodeId, config);
  }

  /** Any JSON value: {@code Json.parse} itself accepts only objects (it casts to JsonObject). */
  private static JsonValue jsonOr(String json, String fallback) {
    JsonValue value = Json.instance().parse(json == null ? fallback : json);
    return value;
  }

  public void selectNode(String nodeId) {
    getElement().callJsFunction("selectNode", nodeId);
  }

  public Registration addGraphChangedListener(ComponentEventListener<GraphChangedEvent> listener) {
    return addListener(GraphChangedEvent.class, listener);
  }

  public Registration addNodeSelectedListener(ComponentEventListener<NodeSelectedEvent> listener) {
    return addListener(NodeSelectedEvent.class, listener);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    FrontendBundle.load(event.getUI());
    // On a re-attach the element is rebuilt from the server's state: give it the latest graph.
    getElement().setPropertyJson("graph", graph);
  }
}
