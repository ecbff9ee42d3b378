package io.omnireach.app.rest;

import io.omnireach.workflow.engine.Enrollments;
import io.omnireach.workflow.engine.NodeRunView;
import io.omnireach.workflow.engine.NodeStats;
import io.omnireach.workflow.engine.RunDetail;
import io.omnireach.workflow.engine.RunPage;
import io.omnireach.workflow.engine.RunView;
import io.omnireach.workflow.engine.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of enrolments, {@code /runs}, {@code /tasks} and workflow analytics. */
public final class RunDtos {

  private RunDtos() {}

  @Schema(
      name = "LeadFilter",
      description = "The leads list's filters; every part optional (all leads when empty)")
  public record LeadFilterDto(
      @Schema(example = "northwind") String q,
      @Schema(example = "new") String stage,
      @Schema(example = "inbound") String tag,
      @Schema(example = "Logistics") String industry,
      Long ownerId) {}

  @Schema(name = "EnrollmentRequest", description = "leadIds, or a filter over the leads")
  public record EnrollRequest(
      @Schema(example = "[101, 102, 103]") List<Long> leadIds, LeadFilterDto filter) {}

  @Schema(name = "EnrollmentSkip")
  public record SkipDto(
      @Schema(example = "103") long leadId,
      @Schema(example = "already in an active run of this workflow") String reason) {}

  @Schema(name = "EnrollmentResult", description = "Counts; the first 100 skips with reasons")
  public record EnrollResult(
      @Schema(example = "2") int enrolled,
      @Schema(example = "1") int skipped,
      @Schema(example = "{\"already in an active run of this workflow\":1}")
          Map<String, Integer> skippedBy,
      List<SkipDto> skips) {

    static EnrollResult of(Enrollments.Result r) {
      return new EnrollResult(
          r.enrolled(),
          r.skipped(),
          r.skippedBy(),
          r.skips().stream().map(s -> new SkipDto(s.leadId(), s.reason())).toList());
    }
  }

  @Schema(name = "WorkflowRun")
  public record RunDto(
      @Schema(example = "5001") long id,
      @Schema(example = "12") long workflowId,
      @Schema(example = "Intro and nudge") String workflowName,
      @Schema(example = "1") int version,
      @Schema(example = "101") long leadId,
      @Schema(example = "María García") String leadName,
      @Schema(example = "maria@northwind.example") String leadEmail,
      @Schema(
              enumeration = {
                "pending",
                "running",
                "waiting",
                "paused",
                "succeeded",
                "failed",
                "cancelled"
              },
              example = "waiting")
          String status,
      @Schema(example = "wait") String currentNode,
      @Schema(example = "Lead replied (interested) at 2026-11-26T09:12:00Z.") String stopReason,
      Instant pausedUntil,
      Instant createdAt,
      Instant updatedAt,
      Instant finishedAt) {

    static RunDto of(RunView r) {
      return new RunDto(
          r.id(),
          r.workflowId(),
          r.workflowName(),
          r.version(),
          r.leadId(),
          r.leadName(),
          r.leadEmail(),
          r.status(),
          r.currentNode(),
          r.stopReason(),
          r.pausedUntil(),
          r.createdAt(),
          r.updatedAt(),
          r.finishedAt());
    }
  }

  @Schema(name = "WorkflowRunPage", description = "Newest first; counts by status of the filter")
  public record RunPageDto(
      List<RunDto> items,
      @Schema(example = "4981") String nextCursor,
      @Schema(
              example =
                  "{\"pending\":0,\"running\":3,\"waiting\":40,\"paused\":1,"
                      + "\"succeeded\":12,\"failed\":1,\"cancelled\":2}")
          Map<String, Integer> counts) {
    static RunPageDto of(RunPage p) {
      return new RunPageDto(
          p.items().stream().map(RunDto::of).toList(), p.nextCursor(), p.counts());
    }
  }

  @Schema(name = "NodeRun", description = "One step of the run's log")
  public record NodeRunDto(
      long id,
      @Schema(example = "replied") String nodeId,
      @Schema(example = "decision") String nodeType,
      @Schema(description = "1, or more when a loop came back to the node") int visit,
      @Schema(
              enumeration = {
                "pending",
                "running",
                "waiting",
                "succeeded",
                "failed",
                "skipped",
                "cancelled"
              })
          String status,
      int attempt,
      int maxAttempts,
      Instant dueAt,
      @Schema(example = "{\"branch\":\"no\"}") Map<String, Object> output,
      @Schema(example = "No reply since the run started at 2026-11-25T10:00:00Z.") String why,
      String error,
      String variant,
      Long messageId,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt) {
    static NodeRunDto of(NodeRunView s) {
      return new NodeRunDto(
          s.id(),
          s.nodeId(),
          s.nodeType(),
          s.visit(),
          s.status(),
          s.attempt(),
          s.maxAttempts(),
          s.dueAt(),
          s.output(),
          s.why(),
          s.error(),
          s.variant(),
          s.messageId(),
          s.createdAt(),
          s.startedAt(),
          s.finishedAt());
    }
  }

  @Schema(name = "WorkflowRunDetail", description = "A run and its step log, oldest step first")
  public record RunDetailDto(RunDto run, List<NodeRunDto> steps) {
    static RunDetailDto of(RunDetail d) {
      return new RunDetailDto(RunDto.of(d.run()), d.steps().stream().map(NodeRunDto::of).toList());
    }
  }

  @Schema(name = "Task", description = "A manual step of a workflow run")
  public record TaskDto(
      @Schema(example = "7") long id,
      long runId,
      long workflowId,
      String workflowName,
      Long leadId,
      String leadName,
      @Schema(example = "Connect with María García on LinkedIn") String title,
      @Schema(example = "sales@acme.demo") String assignee,
      @Schema(enumeration = {"open", "done"}) String status,
      Instant createdAt,
      Instant doneAt,
      @Schema(description = "Who completed it or recorded its outcome") String doneBy,
      @Schema(enumeration = {"generic", "linkedin", "call"}) String kind,
      @Schema(
              description = "A LinkedIn task's action",
              enumeration = {"connect", "message", "view_profile"})
          String action,
      @Schema(description = "The text to copy: a LinkedIn note or a call's talk track") String text,
      @Schema(
              description =
                  "Where the text came from: offline (template, no AI key), config (the step's"
                      + " own) or the AI's provider/model",
              example = "offline")
          String textSource,
      @Schema(
              description =
                  "The lead's LinkedIn profile (a LinkedIn people search when the lead has"
                      + " none), or tel: for a call")
          String link,
      Instant dueAt,
      @Schema(description = "Out of today's queue until then") Instant snoozedUntil,
      @Schema(
              description = "The outcome the rep recorded (done for a generic task)",
              example = "accepted")
          String outcome,
      @Schema(description = "The outcomes this task's kind accepts") List<String> outcomes) {
    static TaskDto of(TaskView t) {
      return new TaskDto(
          t.id(),
          t.runId(),
          t.workflowId(),
          t.workflowName(),
          t.leadId(),
          t.leadName(),
          t.title(),
          t.assignee(),
          t.status(),
          t.createdAt(),
          t.doneAt(),
          t.doneBy(),
          t.kind().db(),
          t.action(),
          t.body(),
          t.bodySource(),
          t.link(),
          t.dueAt(),
          t.snoozedUntil(),
          t.outcome(),
          t.kind().outcomes());
    }
  }

  @Schema(name = "TaskOutcomeRequest")
  public record OutcomeRequest(
      @Schema(
              required = true,
              description =
                  "linkedin: sent, accepted, replied, skipped; call: connected, voicemail,"
                      + " no_answer, skipped; generic: done",
              example = "accepted")
          String outcome) {}

  @Schema(name = "TaskSnoozeRequest")
  public record SnoozeRequest(
      @Schema(
              required = true,
              description = "ISO-8601 instant in the future",
              example = "2026-11-28T09:00:00Z")
          String until) {}

  @Schema(name = "TaskList")
  public record TaskList(List<TaskDto> items) {}

  @Schema(
      name = "NodeStats",
      description =
          "Per node (variant null) and per A/B variant: steps entered/succeeded/failed; messages"
              + " sent, opened (proxy opens left out), clicked, replied; meetings = interested"
              + " replies")
  public record NodeStatsDto(
      String nodeId,
      String nodeType,
      String variant,
      long entered,
      long succeeded,
      long failed,
      long sent,
      long opened,
      long clicked,
      long replied,
      long meetings) {
    static NodeStatsDto of(NodeStats s) {
      return new NodeStatsDto(
          s.nodeId(),
          s.nodeType(),
          s.variant(),
          s.entered(),
          s.succeeded(),
          s.failed(),
          s.sent(),
          s.opened(),
          s.clicked(),
          s.replied(),
          s.meetings());
    }
  }

  @Schema(name = "WorkflowAnalytics")
  public record AnalyticsDto(long workflowId, List<NodeStatsDto> nodes) {}
}
