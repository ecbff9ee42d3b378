package io.omnireach.workflow;

/**
 * Settings of a workflow that apply to all its runs.
 *
 * @param stopOnReply a reply from the lead ends the run (an out-of-office reply pauses it until the
 *     return date instead); default true
 */
public record WorkflowSettings(boolean stopOnReply) {

  public static final WorkflowSettings DEFAULT = new WorkflowSettings(true);
}
