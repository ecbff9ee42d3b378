package io.omnireach.workflow.engine;

import java.time.Instant;

/**
 * A manual step of a run, in someone's task list. {@code body} is the text to copy (a LinkedIn note
 * or a call's talk track) and {@code bodySource} where it came from ({@code offline}, {@code
 * config} or the AI's provider/model); {@code link} the lead's LinkedIn profile (or a LinkedIn
 * people search when the lead has none); {@code outcome} what the rep recorded, with {@code doneBy}
 * and {@code doneAt}.
 */
public record TaskView(
    long id,
    long runId,
    long workflowId,
    String workflowName,
    Long leadId,
    String leadName,
    String title,
    String assignee,
    String status,
    Instant createdAt,
    Instant doneAt,
    String doneBy,
    TaskKind kind,
    String action,
    String body,
    String bodySource,
    String link,
    Instant dueAt,
    Instant snoozedUntil,
    String outcome) {

  /** When the task is due in the queue: its snooze, else its due date, else its creation. */
  public Instant when() {
    return snoozedUntil != null ? snoozedUntil : dueAt != null ? dueAt : createdAt;
  }

  public boolean open() {
    return "open".equals(status);
  }
}
