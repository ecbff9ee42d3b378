package io.omnireach.workflow.engine;

/**
 * A step that could not do its work. Permanent failures (the persona was deleted, the lead is gone)
 * fail the node at once with this readable reason; others are retried with backoff until the node's
 * max attempts.
 */
public class StepFailure extends RuntimeException {

  private final boolean permanent;

  public StepFailure(String message, boolean permanent) {
    super(message);
    this.permanent = permanent;
  }

  public static StepFailure permanent(String message) {
    return new StepFailure(message, true);
  }

  public static StepFailure transientFailure(String message) {
    return new StepFailure(message, false);
  }

  public boolean permanent() {
    return permanent;
  }
}
