package io.omnireach.workflow.node;

import io.omnireach.workflow.ValidationError;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The registry of node types: every {@link NodeTypeFactory} that {@link ServiceLoader} finds, read
 * once. It looks through this module's own class loader and the thread's context class loader (in
 * the Liberty WAR both see {@code WEB-INF/lib}; a background thread's context loader may not), so a
 * type in any jar of the application is found whichever thread asks first.
 */
public final class NodeTypes {

  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final int MAX_ATTEMPTS_LIMIT = 10;

  private NodeTypes() {}

  private static final class Holder {
    static final Map<String, NodeTypeFactory<?>> TYPES = load();
  }

  private static Map<String, NodeTypeFactory<?>> load() {
    Map<String, NodeTypeFactory<?>> types = new LinkedHashMap<>();
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(NodeTypeFactory.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != loaders.get(0)) {
      loaders.add(context);
    }
    for (ClassLoader loader : loaders) {
      for (NodeTypeFactory<?> f : ServiceLoader.load(NodeTypeFactory.class, loader)) {
        NodeTypeFactory<?> before = types.putIfAbsent(f.id(), f);
        if (before != null && before.getClass() != f.getClass()) {
          throw new IllegalStateException(
              "Two node types with the id "
                  + f.id()
                  + ": "
                  + before.getClass()
                  + ", "
                  + f.getClass());
        }
      }
    }
    if (types.isEmpty()) {
      throw new IllegalStateException("No node types found (META-INF/services missing?)");
    }
    return java.util.Collections.unmodifiableMap(types);
  }

  /** Every node type, in the order the service files list them (the palette's order). */
  public static Collection<NodeTypeFactory<?>> all() {
    return Holder.TYPES.values();
  }

  public static Optional<NodeTypeFactory<?>> find(String id) {
    return Optional.ofNullable(id == null ? null : Holder.TYPES.get(id));
  }

  /** The type of a node; empty for an unknown type (a draft may hold one). */
  public static Optional<NodeTypeFactory<?>> of(WorkflowGraph.Node node) {
    return find(node.type());
  }

  /** The typed config of a node of a known type; problems go to {@code errors}. */
  public static ParsedNode<?> parse(WorkflowGraph.Node node, Consumer<ValidationError> errors) {
    NodeTypeFactory<?> type =
        of(node)
            .orElseThrow(() -> new IllegalArgumentException("Unknown node type " + node.type()));
    ConfigReader reader = new ConfigReader(node.id(), node.config(), errors);
    return parse(type, reader, maxAttempts(reader));
  }

  /** Reads a config without collecting errors (the engine reads only published, valid graphs). */
  public static ParsedNode<?> parse(WorkflowGraph.Node node) {
    return parse(node, e -> {});
  }

  private static <C> ParsedNode<C> parse(NodeTypeFactory<C> type, ConfigReader r, int attempts) {
    return new ParsedNode<>(type, type.read(r), attempts);
  }

  private static int maxAttempts(ConfigReader r) {
    Object o = r.get("maxAttempts");
    if (o == null) {
      return DEFAULT_MAX_ATTEMPTS;
    }
    Long n = ConfigReader.number(o);
    if (n == null || n < 1 || n > MAX_ATTEMPTS_LIMIT) {
      r.error("maxAttempts", "maxAttempts is a whole number from 1 to " + MAX_ATTEMPTS_LIMIT + ".");
      return DEFAULT_MAX_ATTEMPTS;
    }
    return n.intValue();
  }

  /**
   * The palette as the canvas reads it: {@code [{"type", "label", "hint", "category", "color",
   * "icon", "input", "outputs", "defaults"}]}, in palette order.
   */
  public static String paletteJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (NodeTypeFactory<?> f : all()) {
      NodePalette p = f.palette();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", f.id());
      m.put("label", p.label());
      m.put("hint", p.hint());
      m.put("category", p.category());
      m.put("color", p.color());
      m.put("icon", p.icon());
      m.put("input", p.input());
      m.put("outputs", p.outputs());
      m.put("defaults", p.defaults());
      out.add(m);
    }
    return WorkflowJson.toJson(out);
  }
}
