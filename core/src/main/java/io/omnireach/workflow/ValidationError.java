package io.omnireach.workflow;

/**
 * One reason a graph cannot be published: the node at fault (null for the graph as a whole), the
 * config field when one is to blame (e.g. {@code duration}), and a sentence for the person.
 */
public record ValidationError(String nodeId, String field, String message) {

  public static ValidationError graph(String message) {
    return new ValidationError(null, null, message);
  }

  public static ValidationError node(String nodeId, String message) {
    return new ValidationError(nodeId, null, message);
  }

  public static ValidationError field(String nodeId, String field, String message) {
    return new ValidationError(nodeId, field, message);
  }
}
