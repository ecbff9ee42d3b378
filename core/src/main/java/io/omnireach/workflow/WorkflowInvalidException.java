package io.omnireach.workflow;

import io.omnireach.common.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A graph that failed validation: INVALID (400) with every error, and a message that names the
 * offending nodes so even a client that reads only {@code detail} knows where to look.
 */
public class WorkflowInvalidException extends DomainException {

  private final transient List<ValidationError> errors;

  public WorkflowInvalidException(List<ValidationError> errors) {
    super(Kind.INVALID, firstField(errors), summary(errors));
    this.errors = List.copyOf(errors);
  }

  public List<ValidationError> errors() {
    return errors;
  }

  private static String firstField(List<ValidationError> errors) {
    return errors.stream()
        .filter(e -> e.nodeId() != null)
        .findFirst()
        .map(e -> "nodes." + e.nodeId() + (e.field() == null ? "" : ".config." + e.field()))
        .orElse(null);
  }

  private static String summary(List<ValidationError> errors) {
    return "The workflow is not valid: "
        + errors.stream()
            .map(e -> (e.nodeId() == null ? "" : "node " + e.nodeId() + ": ") + e.message())
            .collect(Collectors.joining(" "));
  }
}
