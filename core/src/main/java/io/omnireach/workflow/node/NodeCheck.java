package io.omnireach.workflow.node;

import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.ValidationError;
import io.omnireach.workflow.WorkflowValidator.Catalog;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a node type's {@link NodeTypeFactory#validate} may ask and report: the tenant's catalog, the
 * types of the nodes upstream of it, and errors on its fields.
 */
public final class NodeCheck {

  private final String nodeId;
  private final Catalog catalog;
  private final Predicate<String> upstream;
  private final Consumer<ValidationError> errors;

  public NodeCheck(
      String nodeId,
      Catalog catalog,
      Predicate<String> upstream,
      Consumer<ValidationError> errors) {
    this.nodeId = nodeId;
    this.catalog = catalog;
    this.upstream = upstream;
    this.errors = errors;
  }

  public String nodeId() {
    return nodeId;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Whether a node of the given type comes before this one on some path. */
  public boolean hasUpstream(String type) {
    return upstream.test(type);
  }

  public void error(String field, String message) {
    errors.accept(ValidationError.field(nodeId, field, message));
  }

  /** The same checks for a config nested under {@code field} (see {@link ConfigReader#nested}). */
  public NodeCheck nested(String field) {
    return new NodeCheck(
        nodeId,
        catalog,
        upstream,
        e ->
            errors.accept(
                ValidationError.field(
                    nodeId, ConfigReader.prefixed(field, e.field()), e.message())));
  }

  /** Reports every merge field in {@code text} that does not exist. */
  public void mergeFields(String field, String text) {
    for (String unknown : MergeFields.unknown(text)) {
      error(
          field,
          "Unknown merge field {{"
              + unknown
              + "}}: use lead fields such as {{lead.firstName}} or {{lead.company}}.");
    }
  }
}
