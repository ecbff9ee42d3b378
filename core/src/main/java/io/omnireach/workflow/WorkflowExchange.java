package io.omnireach.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.common.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The marketplace format of a workflow, also used for templates:
 *
 * <pre>{"format": "omnireach.workflow", "formatVersion": 1, "name", "description",
 *  "settings": {"stopOnReply"}, "graph": {"nodes", "edges"}}</pre>
 *
 * Ids of personas and mailboxes mean nothing in another workspace, so an export adds {@code
 * personaName}/{@code mailboxName} beside them and an import maps names back to the importing
 * tenant's ids (or leaves the field empty for the author to pick; a mailbox falls back to
 * rotation).
 */
public final class WorkflowExchange {

  public static final String FORMAT = "omnireach.workflow";
  public static final int FORMAT_VERSION = 1;

  /** A workflow in exchange form. */
  public record Document(
      String name, String description, WorkflowSettings settings, WorkflowGraph graph) {}

  /** Names of the tenant's personas and mailboxes by id, both ways. */
  public record Names(Map<Long, String> personas, Map<Long, String> mailboxes) {

    public Long personaId(String name) {
      return idOf(personas, name);
    }

    public Long mailboxId(String name) {
      return idOf(mailboxes, name);
    }

    private static Long idOf(Map<Long, String> names, String name) {
      if (name == null) {
        return null;
      }
      return names.entrySet().stream()
          .filter(e -> e.getValue().equalsIgnoreCase(name.strip()))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElse(null);
    }
  }

  static final List<String> TEMPLATE_IDS = List.of("cold-outreach-3-touches", "inbound-follow-up");

  private WorkflowExchange() {}

  public static String write(Document doc, Names names) {
    ObjectNode root = WorkflowJson.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("name", doc.name());
    root.put("description", doc.description());
    root.putObject("settings").put("stopOnReply", doc.settings().stopOnReply());
    ObjectNode graph = WorkflowJson.graphNode(portable(doc.graph(), names));
    graph.remove("name");
    root.set("graph", graph);
    return root.toPrettyString();
  }

  /** Reads the exchange format, or a bare canvas graph ({@code {"name","nodes","edges"}}). */
  public static Document read(String json) {
    JsonNode root = WorkflowJson.tree(json);
    if (!root.has("format")) {
      WorkflowJson.Input in = WorkflowJson.input(root);
      return new Document(
          in.graph().name(),
          in.description(),
          in.settings() == null ? WorkflowSettings.DEFAULT : in.settings(),
          in.graph());
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw DomainException.invalid("format", "format must be \"" + FORMAT + "\".");
    }
    int version = root.path("formatVersion").asInt(0);
    if (version < 1 || version > FORMAT_VERSION) {
      throw DomainException.invalid(
          "formatVersion", "This server reads formatVersion 1 to " + FORMAT_VERSION + ".");
    }
    JsonNode graph = root.path("graph");
    if (!graph.isObject()) {
      throw DomainException.invalid("graph", "graph {nodes, edges} is required.");
    }
    ObjectNode flat = graph.deepCopy();
    flat.set("name", root.get("name"));
    if (root.has("settings")) {
      flat.set("settings", root.get("settings"));
    }
    WorkflowJson.Input in = WorkflowJson.input(flat);
    String description =
        root.path("description").isTextual() ? root.get("description").asText() : null;
    return new Document(
        in.graph().name(),
        description,
        in.settings() == null ? WorkflowSettings.DEFAULT : in.settings(),
        in.graph());
  }

  /** Adds personaName/mailboxName beside the ids. */
  static WorkflowGraph portable(WorkflowGraph graph, Names names) {
    return graph.withNodes(
        graph.nodes().stream()
            .map(
                n -> {
                  Map<String, Object> c = new LinkedHashMap<>(n.config());
                  name(c, "personaId", "personaName", names.personas());
                  name(c, "mailboxId", "mailboxName", names.mailboxes());
                  return n.withConfig(c);
                })
            .toList());
  }

  private static void name(
      Map<String, Object> c, String idKey, String nameKey, Map<Long, String> names) {
    Object id = c.get(idKey);
    if (id instanceof Number n && names.containsKey(n.longValue())) {
      c.put(nameKey, names.get(n.longValue()));
    }
  }

  /** Maps personaName/mailboxName to this tenant's ids; drops ids that are not this tenant's. */
  static WorkflowGraph localise(WorkflowGraph graph, Names names) {
    return graph.withNodes(
        graph.nodes().stream()
            .map(
                n -> {
                  Map<String, Object> c = new LinkedHashMap<>(n.config());
                  local(c, "personaId", "personaName", names.personas(), names::personaId);
                  local(c, "mailboxId", "mailboxName", names.mailboxes(), names::mailboxId);
                  return n.withConfig(c);
                })
            .toList());
  }

  private static void local(
      Map<String, Object> c,
      String idKey,
      String nameKey,
      Map<Long, String> names,
      java.util.function.Function<String, Long> byName) {
    Object name = c.remove(nameKey);
    if (name != null) {
      Long id = byName.apply(name.toString());
      if (id != null) {
        c.put(idKey, id);
        return;
      }
      c.remove(idKey);
      return;
    }
    Object id = c.get(idKey);
    if (id instanceof Number n && !names.containsKey(n.longValue())) {
      c.remove(idKey);
    }
  }

  /** The templates shipped with the product. */
  public static List<WorkflowTemplate> templates() {
    List<WorkflowTemplate> list = new ArrayList<>();
    for (String id : TEMPLATE_IDS) {
      Document d = template(id);
      list.add(new WorkflowTemplate(id, d.name(), d.description()));
    }
    return list;
  }

  public static Document template(String id) {
    if (!TEMPLATE_IDS.contains(id)) {
      throw DomainException.notFound("No workflow template \"" + id + "\".");
    }
    String resource = "/workflow/templates/" + id + ".json";
    try (InputStream in = WorkflowExchange.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
