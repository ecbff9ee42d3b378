package io.omnireach.workflow.engine;

import java.time.Instant;
import java.util.Map;

/** What executing a node decided; the engine persists it and schedules what follows. */
public sealed interface StepOutcome {

  /**
   * The node is done. {@code branch} picks a decision's yes/no edge (null elsewhere); {@code why}
   * explains a decision; {@code messageId} and {@code variant} are a send's; {@code note} is what
   * the step log shows as a send's problem though the step succeeded (its message was blocked by a
   * policy when queued).
   */
  record Done(
      Map<String, Object> output,
      String branch,
      String why,
      String variant,
      Long messageId,
      String note)
      implements StepOutcome {

    public Done(
        Map<String, Object> output, String branch, String why, String variant, Long messageId) {
      this(output, branch, why, variant, messageId, null);
    }

    public static Done of(Map<String, Object> output) {
      return new Done(output, null, null, null, null);
    }
  }

  /**
   * The node waits: until {@code dueAt} (null = until something wakes it, e.g. a task done), or
   * earlier when {@code wakeOn} happens: {@code reply}, {@code reply:EMAIL|SMS|LINKEDIN} (an answer
   * on that channel), {@code open}, {@code task}, or {@code call} (the final status of {@code
   * messageId}, an automated call it queued and waits for).
   */
  record Waiting(
      Instant dueAt, String wakeOn, Map<String, Object> output, String why, Long messageId)
      implements StepOutcome {

    public Waiting(Instant dueAt, String wakeOn, Map<String, Object> output, String why) {
      this(dueAt, wakeOn, output, why, null);
    }
  }
}
