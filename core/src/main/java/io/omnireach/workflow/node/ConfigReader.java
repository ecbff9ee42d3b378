package io.omnireach.workflow.node;

import io.omnireach.workflow.ValidationError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads fields of a node's {@code config} object, reporting problems instead of throwing. */
public final class ConfigReader {

  private final String nodeId;
  private final Map<String, Object> config;
  private final Consumer<ValidationError> errors;

  public ConfigReader(String nodeId, Map<String, Object> config, Consumer<ValidationError> errors) {
    this.nodeId = nodeId;
    this.config = config;
    this.errors = errors;
  }

  /** The raw JSON value (String, Number, Boolean, Map, List or null). */
  public Object get(String field) {
    return config.get(field);
  }

  public void error(String field, String message) {
    errors.accept(ValidationError.field(nodeId, field, message));
  }

  /**
   * A reader of the object under {@code field} (absent: an empty one) whose errors name {@code
   * field.} + the inner field, so one node type can read another's config inside its own (a
   * fallback send reads an email, an SMS and a LinkedIn config this way).
   */
  public ConfigReader nested(String field) {
    Object o = config.get(field);
    Map<String, Object> inner = new java.util.LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> inner.put(String.valueOf(k), v));
    } else if (o != null) {
      error(field, field + " must be an object.");
    }
    return new ConfigReader(
        nodeId,
        inner,
        e -> errors.accept(ValidationError.field(nodeId, prefixed(field, e.field()), e.message())));
  }

  /** {@code outer.inner}, or {@code outer} when the error names no field. */
  static String prefixed(String outer, String inner) {
    return inner == null ? outer : outer + "." + inner;
  }

  /** A text field; null when absent, reported when it is an object or a list. */
  public String text(String field) {
    Object o = config.get(field);
    if (o == null) {
      return null;
    }
    if (o instanceof Map || o instanceof List) {
      error(field, field + " must be text.");
      return null;
    }
    return o.toString();
  }

  /** A positive id (a number or its text); "" counts as absent. */
  public Long id(String field, boolean required) {
    Object o = config.get(field);
    if (o == null || "".equals(o)) {
      if (required) {
        error(field, field + " is required.");
      }
      return null;
    }
    Long n = number(o);
    if (n == null || n <= 0) {
      error(field, field + " must be the id of a " + field.replace("Id", "") + ".");
      return null;
    }
    return n;
  }

  /** An ISO-8601 duration, longer than zero and at most a year. */
  public Duration duration(String field, boolean required) {
    String text = text(field);
    if (isBlank(text)) {
      if (required) {
        error(field, field + " is required (ISO-8601, e.g. P2D or PT4H).");
      }
      return null;
    }
    try {
      Duration d = Duration.parse(text.strip());
      if (d.isNegative() || d.isZero()) {
        error(field, field + " must be longer than zero.");
        return null;
      }
      if (d.compareTo(Duration.ofDays(365)) > 0) {
        error(field, field + " must be at most a year.");
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      error(field, field + " \"" + text + "\" is not an ISO-8601 duration such as P2D or PT4H.");
      return null;
    }
  }

  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  public static String str(Object o) {
    return o == null ? null : o.toString();
  }

  /** A whole number from a JSON number or its text; null otherwise. */
  public static Long number(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : null;
    }
    if (o instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
