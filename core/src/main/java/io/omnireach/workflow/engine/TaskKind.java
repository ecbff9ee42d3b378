package io.omnireach.workflow.engine;

import java.util.List;
import java.util.Locale;

/**
 * What a task asks of the rep, and the outcomes they may record. A generic task (Task step) is just
 * done; LinkedIn and Call tasks end with an outcome that picks the step's named output.
 */
public enum TaskKind {
  GENERIC(List.of("done")),
  LINKEDIN(List.of("sent", "accepted", "replied", "skipped")),
  CALL(List.of("connected", "voicemail", "no_answer", "skipped"));

  private final List<String> outcomes;

  TaskKind(List<String> outcomes) {
    this.outcomes = outcomes;
  }

  /** The outcomes a rep may record, in button order; for LinkedIn and Call also the outputs. */
  public List<String> outcomes() {
    return outcomes;
  }

  /** The stored and JSON name: generic, linkedin, call. */
  public String db() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskKind of(String db) {
    return valueOf(db.toUpperCase(Locale.ROOT));
  }
}
