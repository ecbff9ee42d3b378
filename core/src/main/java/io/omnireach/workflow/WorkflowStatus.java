package io.omnireach.workflow;

import java.util.Locale;

/**
 * Where a workflow stands: DRAFT until first published; PUBLISHED runs enrolled leads; PAUSED holds
 * all its runs; ARCHIVED takes no enrolments and is hidden from lists by default.
 */
public enum WorkflowStatus {
  DRAFT,
  PUBLISHED,
  PAUSED,
  ARCHIVED;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static WorkflowStatus parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
