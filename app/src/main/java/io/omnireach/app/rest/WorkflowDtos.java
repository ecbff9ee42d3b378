package io.omnireach.app.rest;

import io.omnireach.workflow.ValidationError;
import io.omnireach.workflow.WorkflowDetail;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowRef;
import io.omnireach.workflow.WorkflowSummary;
import io.omnireach.workflow.WorkflowTemplate;
import io.omnireach.workflow.WorkflowVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of {@code /workflows} and {@code /workflow-templates} (JSON, camelCase). */
public final class WorkflowDtos {

  private WorkflowDtos() {}

  static final String GRAPH_EXAMPLE =
      "{\"name\":\"Intro and nudge\",\"nodes\":["
          + "{\"id\":\"start\",\"type\":\"start\",\"config\":{},\"position\":{\"x\":0,\"y\":0}},"
          + "{\"id\":\"intro\",\"type\":\"send_email\",\"config\":{\"mailboxId\":1,"
          + "\"subject\":\"Routing at {{lead.company}}\","
          + "\"body\":\"Hi {{lead.firstName|there}}, …\"},\"position\":{\"x\":220,\"y\":0}},"
          + "{\"id\":\"wait\",\"type\":\"wait\",\"config\":{\"duration\":\"P2D\"}},"
          + "{\"id\":\"replied\",\"type\":\"decision\",\"config\":{\"condition\":{\"kind\":\"replied\"}}},"
          + "{\"id\":\"nudge\",\"type\":\"send_email\",\"config\":{\"mailboxId\":\"rotate\","
          + "\"subject\":\"Re: Routing\",\"body\":\"Any thoughts, {{lead.firstName}}?\"}},"
          + "{\"id\":\"done\",\"type\":\"end\",\"config\":{}},"
          + "{\"id\":\"done2\",\"type\":\"end\",\"config\":{}}],"
          + "\"edges\":[{\"source\":\"start\",\"target\":\"intro\"},"
          + "{\"source\":\"intro\",\"target\":\"wait\"},{\"source\":\"wait\",\"target\":\"replied\"},"
          + "{\"source\":\"replied\",\"target\":\"done\",\"condition\":\"yes\"},"
          + "{\"source\":\"replied\",\"target\":\"nudge\",\"condition\":\"no\"},"
          + "{\"source\":\"nudge\",\"target\":\"done2\"}]}";

  static final String INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"The workflow is not valid: node wait: duration \\\"two days\\\" is not an"
          + " ISO-8601 duration such as P2D or PT4H.\",\"field\":\"nodes.wait.config.duration\","
          + "\"errors\":[{\"nodeId\":\"wait\",\"field\":\"duration\",\"message\":\"duration"
          + " \\\"two days\\\" is not an ISO-8601 duration such as P2D or PT4H.\"}]}";

  @Schema(
      name = "WorkflowNode",
      description =
          "A node of the canvas. type: start, ai_generate, send_email, wait, decision, update_lead,"
              + " task, end. config depends on the type (every type takes maxAttempts, default 3):"
              + " ai_generate {personaId, prompt}; send_email {mailboxId | \"rotate\", subject,"
              + " body with {{lead.firstName}}-style merge fields — or neither, to send the"
              + " preceding ai_generate output — variants [{name, subject, body, weight}]}; wait"
              + " {duration (ISO-8601)} or {until: reply|open, timeout}; decision {condition {kind:"
              + " replied|opened|clicked|field|score, field, op, value}} with yes/no edges;"
              + " update_lead {stage, addTag}; task {title, assignee}. position is the canvas's"
              + " layout, stored as sent.")
  public record NodeDto(
      @Schema(example = "wait") String id,
      @Schema(example = "wait") String type,
      @Schema(example = "{\"duration\":\"P2D\"}") Map<String, Object> config,
      @Schema(example = "{\"x\":440,\"y\":0}") Map<String, Object> position) {

    static NodeDto of(WorkflowGraph.Node n) {
      return new NodeDto(n.id(), n.type(), n.config(), n.position());
    }
  }

  @Schema(name = "WorkflowEdge", description = "condition is yes or no on a decision's edges")
  public record EdgeDto(
      @Schema(example = "e4") String id,
      @Schema(example = "replied") String source,
      @Schema(example = "nudge") String target,
      @Schema(example = "no") String condition) {

    static EdgeDto of(WorkflowGraph.Edge e) {
      return new EdgeDto(e.id(), e.source(), e.target(), e.condition());
    }
  }

  @Schema(name = "WorkflowGraph", description = "The canvas JSON of a workflow")
  public record GraphDto(
      @Schema(example = "Intro and nudge") String name,
      List<NodeDto> nodes,
      List<EdgeDto> edges,
      @Schema(description = "Optional on create and save") String description,
      // named explicitly: the OpenAPI scanner reads a record component "settings" as "tings"
      @Schema(name = "settings", description = "Optional on create and save")
          SettingsDto settings) {}

  @Schema(name = "WorkflowSettings")
  public record SettingsDto(
      @Schema(description = "A reply ends the run (out-of-office pauses it); default true")
          boolean stopOnReply) {}

  @Schema(name = "WorkflowRef", description = "A workflow id and a version number")
  public record RefDto(@Schema(example = "12") long id, @Schema(example = "1") int version) {
    static RefDto of(WorkflowRef r) {
      return new RefDto(r.id(), r.version());
    }
  }

  @Schema(name = "WorkflowSummary")
  public record SummaryDto(
      @Schema(example = "12") long id,
      @Schema(example = "Intro and nudge") String name,
      String description,
      @Schema(
              enumeration = {"draft", "published", "paused", "archived"},
              example = "published")
          String status,
      @Schema(name = "settings") SettingsDto settings,
      @Schema(description = "The number the draft gets when published", example = "2")
          int draftVersion,
      @Schema(description = "Newest published version, null before the first", example = "1")
          Integer publishedVersion,
      @Schema(description = "The template it was made from", example = "cold-outreach-3-touches")
          String template,
      Instant createdAt,
      Instant updatedAt,
      String updatedBy) {

    static SummaryDto of(WorkflowSummary s) {
      return new SummaryDto(
          s.id(),
          s.name(),
          s.description(),
          s.status().value(),
          new SettingsDto(s.settings().stopOnReply()),
          s.draftVersion(),
          s.publishedVersion(),
          s.template(),
          s.createdAt(),
          s.updatedAt(),
          s.updatedBy());
    }
  }

  @Schema(name = "WorkflowPage")
  public record SummaryPage(List<SummaryDto> items, String nextCursor) {}

  @Schema(name = "Workflow", description = "A workflow with its draft graph")
  public record DetailDto(
      @Schema(example = "12") long id,
      String name,
      String description,
      @Schema(enumeration = {"draft", "published", "paused", "archived"}) String status,
      @Schema(name = "settings") SettingsDto settings,
      int draftVersion,
      Integer publishedVersion,
      @Schema(description = "Published version numbers, oldest first", example = "[1]")
          List<Integer> versions,
      String template,
      Instant createdAt,
      Instant updatedAt,
      String updatedBy,
      List<NodeDto> nodes,
      List<EdgeDto> edges) {

    static DetailDto of(WorkflowDetail d) {
      SummaryDto s = SummaryDto.of(d.summary());
      return new DetailDto(
          s.id(),
          s.name(),
          s.description(),
          s.status(),
          s.settings(),
          s.draftVersion(),
          s.publishedVersion(),
          d.versions(),
          s.template(),
          s.createdAt(),
          s.updatedAt(),
          s.updatedBy(),
          d.draft().nodes().stream().map(NodeDto::of).toList(),
          d.draft().edges().stream().map(EdgeDto::of).toList());
    }
  }

  @Schema(name = "WorkflowVersion", description = "A published, immutable version")
  public record VersionDto(
      @Schema(example = "12") long workflowId,
      @Schema(example = "1") int version,
      String name,
      String publishedBy,
      Instant publishedAt,
      List<NodeDto> nodes,
      List<EdgeDto> edges) {

    static VersionDto of(WorkflowVersion v) {
      return new VersionDto(
          v.workflowId(),
          v.version(),
          v.graph().name(),
          v.publishedBy(),
          v.publishedAt(),
          v.graph().nodes().stream().map(NodeDto::of).toList(),
          v.graph().edges().stream().map(EdgeDto::of).toList());
    }
  }

  @Schema(name = "WorkflowValidationError")
  public record ErrorDto(
      @Schema(example = "wait") String nodeId,
      @Schema(example = "duration") String field,
      @Schema(example = "duration must be longer than zero.") String message) {
    static ErrorDto of(ValidationError e) {
      return new ErrorDto(e.nodeId(), e.field(), e.message());
    }
  }

  @Schema(name = "WorkflowValidation", description = "Empty errors: the graph may be published")
  public record ValidationDto(boolean valid, List<ErrorDto> errors) {}

  @Schema(name = "WorkflowTemplate")
  public record TemplateDto(
      @Schema(example = "cold-outreach-3-touches") String id,
      @Schema(example = "Cold outreach, 3 touches") String name,
      String description) {
    static TemplateDto of(WorkflowTemplate t) {
      return new TemplateDto(t.id(), t.name(), t.description());
    }
  }

  @Schema(name = "WorkflowTemplateList")
  public record TemplateList(List<TemplateDto> items) {}

  /** problem+json of an invalid graph: the usual members plus every error by node. */
  @Schema(name = "WorkflowProblem")
  public record InvalidProblem(
      String type, String title, int status, String detail, String field, List<ErrorDto> errors) {}
}
