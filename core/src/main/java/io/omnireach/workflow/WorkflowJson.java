package io.omnireach.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.common.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canvas JSON of a graph, both ways. Parsing is strict about shape (nodes and edges are lists
 * of objects with string ids) and lenient about content (unknown types and bad configs are the
 * validator's business, so a half-drawn draft can still be saved).
 */
public final class WorkflowJson {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private WorkflowJson() {}

  /** What a create or draft save carries besides the graph (both optional). */
  public record Input(WorkflowGraph graph, String description, WorkflowSettings settings) {}

  public static WorkflowGraph parse(String json) {
    return parseInput(json).graph();
  }

  /** Parses {@code {"name","nodes","edges"}} plus optional description and settings. */
  public static Input parseInput(String json) {
    JsonNode root = tree(json);
    return input(root);
  }

  static JsonNode tree(String json) {
    if (json == null || json.isBlank()) {
      throw DomainException.invalid(null, "Send the workflow as a JSON object.");
    }
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw DomainException.invalid(null, "Send the workflow as a JSON object.");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw DomainException.invalid(
          null, "The workflow is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static Input input(JsonNode root) {
    String name = text(root, "name");
    List<WorkflowGraph.Node> nodes = new ArrayList<>();
    JsonNode rawNodes = root.path("nodes");
    if (!rawNodes.isMissingNode() && !rawNodes.isNull() && !rawNodes.isArray()) {
      throw DomainException.invalid("nodes", "nodes is a list of {id, type, config}.");
    }
    int i = 0;
    for (JsonNode n : rawNodes) {
      String at = "nodes[" + i++ + "]";
      if (!n.isObject()) {
        throw DomainException.invalid(at, at + " must be an object {id, type, config}.");
      }
      JsonNode config = n.path("config");
      if (!config.isMissingNode() && !config.isNull() && !config.isObject()) {
        throw DomainException.invalid(at + ".config", at + ".config must be an object.");
      }
      JsonNode position = n.path("position");
      nodes.add(
          new WorkflowGraph.Node(
              text(n, "id"),
              text(n, "type"),
              config.isObject() ? MAPPER.convertValue(config, MAP) : Map.of(),
              position.isObject() ? MAPPER.convertValue(position, MAP) : null));
    }
    List<WorkflowGraph.Edge> edges = new ArrayList<>();
    JsonNode rawEdges = root.path("edges");
    if (!rawEdges.isMissingNode() && !rawEdges.isNull() && !rawEdges.isArray()) {
      throw DomainException.invalid("edges", "edges is a list of {source, target, condition}.");
    }
    i = 0;
    for (JsonNode e : rawEdges) {
      String at = "edges[" + i++ + "]";
      if (!e.isObject() || text(e, "source") == null || text(e, "target") == null) {
        throw DomainException.invalid(at, at + " needs a source and a target node id.");
      }
      String condition = text(e, "condition");
      edges.add(
          new WorkflowGraph.Edge(
              text(e, "id"),
              text(e, "source"),
              text(e, "target"),
              condition == null || condition.isBlank() ? null : condition.strip()));
    }
    WorkflowSettings settings = null;
    JsonNode s = root.path("settings");
    if (!s.isMissingNode() && !s.isNull() && !s.isObject()) {
      throw DomainException.invalid("settings", "settings is an object {stopOnReply}.");
    }
    if (s.isObject()) {
      settings =
          new WorkflowSettings(!s.has("stopOnReply") || s.get("stopOnReply").asBoolean(true));
    }
    return new Input(new WorkflowGraph(name, nodes, edges), text(root, "description"), settings);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isContainerNode()) {
      throw DomainException.invalid(field, field + " must be text.");
    }
    return v.asText();
  }

  /** The canvas JSON of the graph. */
  public static String write(WorkflowGraph graph) {
    return graphNode(graph).toString();
  }

  static ObjectNode graphNode(WorkflowGraph graph) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", graph.name());
    ArrayNode nodes = root.putArray("nodes");
    for (WorkflowGraph.Node n : graph.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("id", n.id());
      o.put("type", n.type());
      o.set("config", MAPPER.valueToTree(n.config()));
      if (n.position() != null) {
        o.set("position", MAPPER.valueToTree(n.position()));
      }
    }
    ArrayNode edges = root.putArray("edges");
    for (WorkflowGraph.Edge e : graph.edges()) {
      ObjectNode o = edges.addObject();
      if (e.id() != null) {
        o.put("id", e.id());
      }
      o.put("source", e.source());
      o.put("target", e.target());
      if (e.condition() != null) {
        o.put("condition", e.condition());
      }
    }
    return root;
  }

  /** Any value (records, maps, lists) as JSON text; for jsonb columns and REST bodies. */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  /** A JSON object as a map (jsonb columns read back); an empty map for null. */
  public static Map<String, Object> toMap(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored JSON is not an object: " + json, e);
    }
  }
}
