package io.omnireach.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Prints answers as indented JSON (for scripts) or as a table (for people). */
final class Output {

  enum Format {
    TABLE,
    JSON
  }

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Output() {}

  static void print(PrintWriter out, Format format, Object value, String... columns) {
    JsonNode node = value instanceof JsonNode n ? n : JSON.valueToTree(value);
    if (format == Format.JSON) {
      try {
        out.println(JSON.writeValueAsString(node));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else if (node.isArray()) {
      table(out, node, columns.length > 0 ? List.of(columns) : fields(node));
    } else if (node.isObject()) {
      int width = 0;
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        width = Math.max(width, it.next().length());
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        out.println(pad(name, width) + "  " + text(node.get(name)));
      }
    } else {
      out.println(text(node));
    }
    out.flush();
  }

  private static List<String> fields(JsonNode array) {
    List<String> names = new ArrayList<>();
    if (array.size() > 0) {
      array.get(0).fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  private static void table(PrintWriter out, JsonNode rows, List<String> columns) {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).length();
      for (JsonNode row : rows) {
        widths[c] = Math.max(widths[c], text(row.get(columns.get(c))).length());
      }
    }
    StringBuilder head = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      head.append(pad(columns.get(c).toUpperCase(java.util.Locale.ROOT), widths[c] + 2));
    }
    out.println(head.toString().stripTrailing());
    for (JsonNode row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        line.append(pad(text(row.get(columns.get(c))), widths[c] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    if (rows.isEmpty()) {
      out.println("(none)");
    }
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "-";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
