package io.omnireach.ui.workflow;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and edits the canvas graph JSON ({@code {"name","nodes":[{"id","type","config",
 * "position"}],"edges":[…]}}) where the UI needs it: the selected node's type and config, a node's
 * config after the settings panel applied, the name. Everything else passes through untouched.
 */
final class WorkflowGraphJson {

  /** One node as the UI sees it. */
  record Node(String id, String type, JsonObject config) {}

  private WorkflowGraphJson() {}

  static JsonObject parse(String json) {
    if (json == null || json.isBlank()) {
      return blank("");
    }
    JsonValue v = Json.parse(json);
    if (v.getType() != JsonType.OBJECT) {
      throw new IllegalArgumentException("A workflow graph is a JSON object");
    }
    return (JsonObject) v;
  }

  /** A new workflow: just its start. */
  static JsonObject blank(String name) {
    JsonObject g = Json.createObject();
    g.put("name", name);
    JsonArray nodes = Json.createArray();
    JsonObject start = Json.createObject();
    start.put("id", "start");
    start.put("type", "start");
    start.put("config", Json.createObject());
    JsonObject position = Json.createObject();
    position.put("x", 0);
    position.put("y", 0);
    start.put("position", position);
    nodes.set(0, start);
    g.put("nodes", nodes);
    g.put("edges", Json.createArray());
    return g;
  }

  static List<Node> nodes(JsonObject graph) {
    List<Node> out = new ArrayList<>();
    JsonArray nodes = array(graph, "nodes");
    for (int i = 0; i < nodes.length(); i++) {
      if (nodes.get(i).getType() == JsonType.OBJECT) {
        JsonObject n = nodes.getObject(i);
        out.add(node(n));
      }
    }
    return out;
  }

  /** A node object ({@code {"id","type","config"}}) as the UI sees it. */
  static Node node(JsonObject n) {
    return new Node(text(n, "id"), text(n, "type"), object(n, "config"));
  }

  static Optional<Node> node(JsonObject graph, String id) {
    return nodes(graph).stream().filter(n -> n.id().equals(id)).findFirst();
  }

  static int edgeCount(JsonObject graph) {
    return array(graph, "edges").length();
  }

  /** A copy of the graph with one node's config replaced. */
  static JsonObject withNodeConfig(JsonObject graph, String id, JsonObject config) {
    JsonObject copy = Json.parse(graph.toJson());
    JsonArray nodes = array(copy, "nodes");
    for (int i = 0; i < nodes.length(); i++) {
      if (nodes.get(i).getType() == JsonType.OBJECT && id.equals(text(nodes.getObject(i), "id"))) {
        nodes.getObject(i).put("config", Json.parse(config.toJson()));
      }
    }
    return copy;
  }

  static JsonObject withName(JsonObject graph, String name) {
    JsonObject copy = Json.parse(graph.toJson());
    copy.put("name", name == null ? "" : name);
    return copy;
  }

  static String name(JsonObject graph) {
    return text(graph, "name");
  }

  static String text(JsonObject o, String key) {
    if (o == null || !o.hasKey(key)) {
      return "";
    }
    JsonValue v = o.get(key);
    return switch (v.getType()) {
      case STRING -> v.asString();
      case NUMBER -> {
        double d = v.asNumber();
        yield d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
      }
      case BOOLEAN -> Boolean.toString(v.asBoolean());
      default -> "";
    };
  }

  static JsonObject object(JsonObject o, String key) {
    return o != null && o.hasKey(key) && o.get(key).getType() == JsonType.OBJECT
        ? o.getObject(key)
        : Json.createObject();
  }

  static JsonArray array(JsonObject o, String key) {
    return o != null && o.hasKey(key) && o.get(key).getType() == JsonType.ARRAY
        ? o.getArray(key)
        : Json.createArray();
  }
}
