package io.omnireach.workflow.node;

import java.util.List;
import java.util.Map;

/**
 * How a node type looks and connects on the canvas; the canvas reads it as JSON (see {@link
 * NodeTypes#paletteJson}).
 *
 * @param label the type's name, e.g. "Send email"
 * @param hint one line for the palette
 * @param category the palette group: Outreach, Timing &amp; logic, CRM or Flow
 * @param color the accent colour, CSS hex
 * @param icon the inner SVG markup of a 24×24 stroke icon (drawn with {@code currentColor})
 * @param input whether edges may lead into it (false: the entry node, exactly one per workflow)
 * @param outputs its exits: none (the run ends), one unnamed ({@code ""}), or named branches such
 *     as yes/no, each needing exactly one edge labelled with its name
 * @param defaults the config of a freshly dropped node
 */
public record NodePalette(
    String label,
    String hint,
    String category,
    String color,
    String icon,
    boolean input,
    List<String> outputs,
    Map<String, Object> defaults) {

  public static final List<String> ONE_OUTPUT = List.of("");

  public NodePalette {
    outputs = List.copyOf(outputs);
    // JSON nulls are allowed ("personaId": null)
    defaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults));
  }

  /** Whether the node branches by named outputs. */
  public boolean branches() {
    return outputs.size() > 1 || (outputs.size() == 1 && !outputs.get(0).isEmpty());
  }
}
