package io.omnireach.app.rest;

import io.omnireach.app.rest.RunDtos.AnalyticsDto;
import io.omnireach.app.rest.RunDtos.EnrollRequest;
import io.omnireach.app.rest.RunDtos.EnrollResult;
import io.omnireach.app.rest.RunDtos.NodeStatsDto;
import io.omnireach.app.rest.WorkflowDtos.DetailDto;
import io.omnireach.app.rest.WorkflowDtos.ErrorDto;
import io.omnireach.app.rest.WorkflowDtos.GraphDto;
import io.omnireach.app.rest.WorkflowDtos.RefDto;
import io.omnireach.app.rest.WorkflowDtos.SummaryDto;
import io.omnireach.app.rest.WorkflowDtos.SummaryPage;
import io.omnireach.app.rest.WorkflowDtos.ValidationDto;
import io.omnireach.app.rest.WorkflowDtos.VersionDto;
import io.omnireach.common.DomainException;
import io.omnireach.lead.LeadQuery;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.ValidationError;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.WorkflowRef;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.Enrollments;
import io.omnireach.workflow.engine.RunControl;
import io.omnireach.workflow.engine.Runs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Workflow definitions of the caller's tenant: drafts (autosaved by PUT), publishing into immutable
 * versions, export/import. Everyone in the tenant reads; Admin and Sales write.
 */
@Path("/workflows")
@Tag(name = "Workflows", description = "Sequences drawn on the canvas: drafts, versions, export")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class WorkflowResource {

  static final String REF_EXAMPLE = "{\"id\":12,\"version\":1}";
  static final String SUMMARY_EXAMPLE =
      "{\"id\":12,\"name\":\"Intro and nudge\",\"description\":null,\"status\":\"published\","
          + "\"settings\":{\"stopOnReply\":true},\"draftVersion\":2,\"publishedVersion\":1,"
          + "\"template\":null,\"createdAt\":\"2026-11-25T10:00:00Z\","
          + "\"updatedAt\":\"2026-11-25T10:05:00Z\",\"updatedBy\":\"sales@acme.demo\"}";
  static final String DETAIL_EXAMPLE =
      "{\"id\":12,\"name\":\"Intro and nudge\",\"description\":null,\"status\":\"draft\","
          + "\"settings\":{\"stopOnReply\":true},\"draftVersion\":1,\"publishedVersion\":null,"
          + "\"versions\":[],\"template\":null,\"createdAt\":\"2026-11-25T10:00:00Z\","
          + "\"updatedAt\":\"2026-11-25T10:00:00Z\",\"updatedBy\":\"sales@acme.demo\","
          + "\"nodes\":[{\"id\":\"start\",\"type\":\"start\",\"config\":{},"
          + "\"position\":{\"x\":0,\"y\":0}},{\"id\":\"done\",\"type\":\"end\",\"config\":{},"
          + "\"position\":null}],\"edges\":[{\"id\":null,\"source\":\"start\","
          + "\"target\":\"done\",\"condition\":null}]}";

  static final String CONFLICT_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
          + "\"detail\":\"Publish the workflow before enrolling leads.\"}";

  @Inject Workflows workflows;
  @Inject io.omnireach.marketplace.Marketplace marketplace;
  @Inject io.omnireach.marketplace.WorkflowInstaller workflowBlocks;
  @Inject io.omnireach.simulation.Simulations simulations;
  @Inject Enrollments enrollments;
  @Inject RunControl control;
  @Inject Runs runs;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(
      summary = "List workflows",
      description = "Newest change first; archived ones only with includeArchived=true.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SummaryPage.class),
              examples =
                  @ExampleObject(
                      name = "workflows",
                      value = "{\"items\":[" + SUMMARY_EXAMPLE + "],\"nextCursor\":null}")))
  public SummaryPage list(
      @Parameter(description = "Include archived workflows", example = "false")
          @QueryParam("includeArchived")
          @DefaultValue("false")
          boolean includeArchived) {
    return new SummaryPage(
        workflows.list(current.tenant(), includeArchived).stream().map(SummaryDto::of).toList(),
        null);
  }

  @POST
  @Requires(Permission.WORKFLOWS_EDIT)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a workflow from canvas JSON",
      description =
          "Saved as a draft, valid or not (the canvas autosaves half-drawn graphs); only name is"
              + " required. Publishing validates. version is the number the draft will get.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GraphDto.class),
              examples =
                  @ExampleObject(name = "intro and nudge", value = WorkflowDtos.GRAPH_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the workflow",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefDto.class),
              examples = @ExampleObject(name = "created", value = REF_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Not JSON of the canvas shape, or no name",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "no name",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"The workflow needs a name.\",\"field\":\"name\"}")))
  public Response create(String body) {
    WorkflowRef ref =
        workflows.create(current.tenant(), WorkflowJson.parseInput(body), current.email());
    return Response.created(URI.create("workflows/" + ref.id())).entity(RefDto.of(ref)).build();
  }

  @POST
  @Path("/validate")
  @Requires(Permission.WORKFLOWS_READ)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check a graph without saving it",
      description = "The errors publishing would report, by node (for live feedback).")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GraphDto.class),
              examples = @ExampleObject(name = "graph", value = WorkflowDtos.GRAPH_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "The errors (none: valid)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ValidationDto.class),
              examples =
                  @ExampleObject(
                      name = "one error",
                      value =
                          "{\"valid\":false,\"errors\":[{\"nodeId\":\"replied\",\"field\":null,"
                              + "\"message\":\"A decision needs exactly one \\\"yes\\\" and one"
                              + " \\\"no\\\" branch (has 1 yes, 0 no, 0 unlabelled).\"}]}")))
  public ValidationDto validate(String body) {
    List<ValidationError> errors = workflows.validate(current.tenant(), WorkflowJson.parse(body));
    return new ValidationDto(errors.isEmpty(), errors.stream().map(ErrorDto::of).toList());
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(summary = "Get a workflow with its draft graph")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DetailDto.class),
              examples = @ExampleObject(name = "workflow", value = DETAIL_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DetailDto get(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id) {
    return DetailDto.of(workflows.get(current.tenant(), id));
  }

  @PUT
  @Path("/{id}")
  @Requires(Permission.WORKFLOWS_EDIT)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Save the draft (autosave)",
      description =
          "Replaces the draft graph; description and settings change when sent. Published"
              + " versions and running runs are untouched.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GraphDto.class),
              examples = @ExampleObject(name = "graph", value = WorkflowDtos.GRAPH_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "Saved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DetailDto.class),
              examples = @ExampleObject(name = "workflow", value = DETAIL_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Archived",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "archived",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Workflow 12 is archived.\"}")))
  public DetailDto save(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id,
      String body) {
    return DetailDto.of(
        workflows.saveDraft(current.tenant(), id, WorkflowJson.parseInput(body), current.email()));
  }

  @POST
  @Path("/{id}/publish")
  @Requires(Permission.WORKFLOWS_PUBLISH)
  @Operation(
      summary = "Publish the draft as the next version",
      description =
          "Validates the draft (one start, all nodes reachable, decisions with yes and no, no loop"
              + " without a Wait, configs valid in this tenant) and freezes it. New enrolments"
              + " use the new version; running runs keep theirs.")
  @APIResponse(
      responseCode = "200",
      description = "Published",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefDto.class),
              examples = @ExampleObject(name = "published", value = REF_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid graph; errors name the nodes",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = WorkflowDtos.InvalidProblem.class),
              examples =
                  @ExampleObject(name = "bad duration", value = WorkflowDtos.INVALID_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public RefDto publish(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id) {
    return RefDto.of(workflows.publish(current.tenant(), id, current.email()));
  }

  @GET
  @Path("/{id}/versions/{version}")
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(summary = "Get a published version")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VersionDto.class),
              examples =
                  @ExampleObject(
                      name = "version 1",
                      value =
                          "{\"workflowId\":12,\"version\":1,\"name\":\"Intro and nudge\","
                              + "\"publishedBy\":\"sales@acme.demo\","
                              + "\"publishedAt\":\"2026-11-25T10:05:00Z\",\"nodes\":[],"
                              + "\"edges\":[]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public VersionDto version(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id,
      @Parameter(description = "Version number", example = "1") @PathParam("version") int version) {
    return VersionDto.of(workflows.version(current.tenant(), id, version));
  }

  @GET
  @Path("/{id}/export")
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(
      summary = "Export as a signed block",
      description =
          "A block file (format omnireach-block/1) whose content is the workflow in the"
              + " exchange format {format, formatVersion, name, description, settings, graph};"
              + " persona and mailbox names travel beside their ids so another workspace can map"
              + " them. manifest.requires lists the node types and channels it uses. Signed with"
              + " the workspace's Ed25519 publisher key. The draft unless version is given.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "export",
                      value =
                          "{\"format\":\"omnireach-block/1\",\"manifest\":{\"id\":"
                              + "\"acme.workflow-intro-and-nudge\",\"kind\":\"workflow\","
                              + "\"name\":\"Intro and nudge\",\"version\":\"1.0.0\","
                              + "\"author\":\"Acme Demo\",\"license\":\"UNLICENSED\","
                              + "\"requires\":{\"nodeTypes\":[\"start\",\"send_email\"],"
                              + "\"channels\":[\"email\"]}},\"content\":{\"format\":"
                              + "\"omnireach.workflow\",\"formatVersion\":1,"
                              + "\"name\":\"Intro and nudge\",\"description\":null,"
                              + "\"settings\":{\"stopOnReply\":true},"
                              + "\"graph\":{\"nodes\":[],\"edges\":[]}},"
                              + "\"hash\":\"sha256:…\",\"signature\":{\"algorithm\":"
                              + "\"Ed25519\",\"publicKey\":\"MCow…\",\"value\":\"…\"}}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response export(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id,
      @Parameter(description = "A published version; default the draft", example = "1")
          @QueryParam("version")
          Integer version,
      @Parameter(description = "The block's version (semver); default 1.0.0", example = "1.0.0")
          @QueryParam("blockVersion")
          String blockVersion) {
    io.omnireach.block.Block block =
        marketplace.sign(
            current.tenant(),
            io.omnireach.block.BlockKind.WORKFLOW,
            workflowBlocks.export(current.tenant(), id, version),
            blockVersion);
    return Response.ok(io.omnireach.block.Blocks.write(block), MediaType.APPLICATION_JSON)
        .header("Content-Disposition", "attachment; filename=\"workflow-" + id + ".json\"")
        .build();
  }

  @POST
  @Path("/import")
  @Requires(Permission.WORKFLOWS_EDIT)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Import an exported workflow as a new draft",
      description =
          "Takes a block file as GET /workflows/{id}/export writes it (checked like POST"
              + " /blocks/import: tampered or unsigned is 422), the bare exchange format, or bare"
              + " canvas JSON. Persona and mailbox names are mapped to this workspace's; ids that"
              + " are not this workspace's are dropped.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "export",
                      value =
                          "{\"format\":\"omnireach.workflow\",\"formatVersion\":1,"
                              + "\"name\":\"Intro and nudge\",\"graph\":{\"nodes\":[{\"id\":"
                              + "\"start\",\"type\":\"start\",\"config\":{}}],\"edges\":[]}}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefDto.class),
              examples = @ExampleObject(name = "created", value = REF_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Not the export format",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "format",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"This server reads formatVersion 1 to 1.\","
                              + "\"field\":\"formatVersion\"}")))
  @APIResponse(responseCode = "422", description = "A block file that is tampered or unsigned")
  public Response importWorkflow(String body) {
    String json =
        body != null && io.omnireach.marketplace.Marketplace.isBlockFile(body)
            ? marketplace
                .checkedContent(
                    current.tenant(),
                    BlockResource.bytes(body),
                    io.omnireach.block.BlockKind.WORKFLOW)
                .toString()
            : body;
    WorkflowRef ref = workflows.importJson(current.tenant(), json, current.email());
    return Response.created(URI.create("workflows/" + ref.id())).entity(RefDto.of(ref)).build();
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.WORKFLOWS_EDIT)
  @Operation(
      summary = "Archive a workflow",
      description = "No more edits or enrolments; its active runs are cancelled. Kept for history.")
  @APIResponse(responseCode = "204", description = "Archived")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response archive(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id) {
    control.archiveWorkflow(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/enrollments")
  @Requires(Permission.WORKFLOWS_RUN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Enrol leads",
      description =
          "One run per lead in the newest published version, started by the engine within"
              + " seconds. Give leadIds (at most 100,000) or a filter (the leads list's). A lead"
              + " already in an active run of this workflow, marked do-not-contact or unknown is"
              + " skipped and counted with the reason.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EnrollRequest.class),
              examples = {
                @ExampleObject(name = "by id", value = "{\"leadIds\":[101,102,103]}"),
                @ExampleObject(
                    name = "by filter",
                    value = "{\"filter\":{\"stage\":\"new\",\"tag\":\"inbound\"}}")
              }))
  @APIResponse(
      responseCode = "202",
      description = "Accepted: runs created, steps run asynchronously",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EnrollResult.class),
              examples =
                  @ExampleObject(
                      name = "two enrolled",
                      value =
                          "{\"enrolled\":2,\"skipped\":1,\"skippedBy\":{\"already in an"
                              + " active run of this workflow\":1},\"skips\":[{\"leadId\":103,"
                              + "\"reason\":\"already in an active run of this workflow\"}]}")))
  @APIResponse(
      responseCode = "400",
      description = "Neither leadIds nor filter",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "empty",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"leadIds lists the leads to enrol.\","
                              + "\"field\":\"leadIds\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Not published, or paused/archived",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "draft", value = CONFLICT_EXAMPLE)))
  public Response enrol(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id,
      EnrollRequest body) {
    Enrollments.Result result;
    if (body != null
        && body.filter() != null
        && (body.leadIds() == null || body.leadIds().isEmpty())) {
      RunDtos.LeadFilterDto f = body.filter();
      LeadQuery query = LeadQuery.of(f.q(), f.stage(), f.ownerId(), f.tag(), f.industry(), null);
      result = enrollments.enrol(current.tenant(), id, query, current.email());
    } else {
      result =
          enrollments.enrol(
              current.tenant(), id, body == null ? null : body.leadIds(), current.email());
    }
    return Response.accepted(EnrollResult.of(result)).build();
  }

  @POST
  @Path("/{id}/pause")
  @Requires(Permission.WORKFLOWS_RUN)
  @Operation(
      summary = "Pause a workflow and all its active runs",
      description = "No step of its runs executes until it is resumed; enrolment is refused.")
  @APIResponse(responseCode = "204", description = "Paused")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Not published",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "draft",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Only a published workflow can be paused (this"
                              + " one is draft).\"}")))
  public Response pause(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id) {
    control.pauseWorkflow(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/resume")
  @Requires(Permission.WORKFLOWS_RUN)
  @Operation(
      summary = "Resume a paused workflow",
      description =
          "Its runs go on (steps that fell due meanwhile run at once); runs a person"
              + " paused stay paused.")
  @APIResponse(responseCode = "204", description = "Resumed")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Not paused",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "not paused",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"The workflow is published, not paused.\"}")))
  public Response resume(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id) {
    control.resumeWorkflow(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/analytics")
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(
      summary = "Per-step and per-variant results",
      description =
          "For every node (variant null) and every A/B variant: steps entered, succeeded, failed;"
              + " emails sent, opened (proxy opens left out), clicked, replied; meetings ="
              + " replies classified interested.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AnalyticsDto.class),
              examples =
                  @ExampleObject(
                      name = "analytics",
                      value =
                          "{\"workflowId\":12,\"nodes\":[{\"nodeId\":\"intro\","
                              + "\"nodeType\":\"send_email\",\"variant\":null,\"entered\":200,"
                              + "\"succeeded\":200,\"failed\":0,\"sent\":198,\"opened\":91,"
                              + "\"clicked\":12,\"replied\":9,\"meetings\":3},"
                              + "{\"nodeId\":\"intro\",\"nodeType\":\"send_email\","
                              + "\"variant\":\"B\",\"entered\":101,\"succeeded\":101,"
                              + "\"failed\":0,\"sent\":100,\"opened\":52,\"clicked\":8,"
                              + "\"replied\":6,\"meetings\":2}]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public AnalyticsDto analytics(
      @Parameter(description = "Workflow id", example = "12") @PathParam("id") long id) {
    return new AnalyticsDto(
        id, runs.analytics(current.tenant(), id).stream().map(NodeStatsDto::of).toList());
  }

  @POST
  @Path("/{id}/simulations")
  @Requires(Permission.WORKFLOWS_RUN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Simulate the workflow for sample leads",
      description =
          "A dry run in the background (read it with GET /simulations/{id}): the draft, or the"
              + " published version given, walked for each lead (1 to 300 of this workspace)"
              + " against a simulated clock — waits pass instantly, sends get the time the send"
              + " windows, quiet hours and daily caps would give, every message gets the policy"
              + " verdict. script: scripted events {leadId or leadIndex (1-based position in"
              + " leadIds), onDay (days after the start), kind reply|out_of_office|"
              + "meeting_booked|linkedin_replied, text?} drive decisions and stop-on-reply."
              + " Instead of leadIds, filter {stage, q, tag} picks the leads as the leads list"
              + " does (newest first; 400 when none or more than 300 match)."
              + " Nothing is sent and no run, message or usage is written.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Object.class),
              examples = {
                @ExampleObject(
                    name = "two leads, one replies",
                    value =
                        "{\"leadIds\":[7,8],\"script\":[{\"leadIndex\":1,\"onDay\":2,"
                            + "\"kind\":\"out_of_office\"},{\"leadId\":8,\"onDay\":3,"
                            + "\"kind\":\"reply\",\"text\":\"Interested\"}]}"),
                @ExampleObject(
                    name = "leads matching a filter",
                    value = "{\"filter\":{\"stage\":\"new\",\"tag\":\"webinar\"}}")
              }))
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "queued", value = SimulationResource.STARTED_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "No leads, too many, a lead not in this workspace, or a bad script",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "too many",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"A simulation takes at most 300 leads, not 301\","
                              + "\"field\":\"leadIds\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @SuppressWarnings("unchecked")
  public Response simulate(
      @Parameter(description = "Workflow id") @PathParam("id") long id, String body) {
    Map<String, Object> in;
    try {
      in = WorkflowJson.toMap(body == null || body.isBlank() ? "{}" : body);
    } catch (RuntimeException e) {
      throw DomainException.invalid("body", "The body is not a JSON object.");
    }
    if (in == null) { // the JSON literal null
      throw DomainException.invalid("body", "The body is not a JSON object.");
    }
    List<Long> leadIds;
    if (in.get("filter") != null) {
      if (in.get("leadIds") != null) {
        throw DomainException.invalid("filter", "Give leadIds or a filter, not both.");
      }
      if (!(in.get("filter") instanceof Map<?, ?> f)) {
        throw DomainException.invalid("filter", "filter is an object {stage, q, tag}.");
      }
      for (Object k : f.keySet()) {
        if (!List.of("stage", "q", "tag").contains(k)) {
          throw DomainException.invalid("filter", "filter takes stage, q and tag, not " + k + ".");
        }
        if (f.get(k) != null && !(f.get(k) instanceof String)) {
          throw DomainException.invalid("filter." + k, k + " is a text.");
        }
      }
      leadIds =
          simulations.leadsMatching(
              current.tenant(),
              io.omnireach.lead.LeadQuery.of(
                  (String) f.get("q"),
                  (String) f.get("stage"),
                  null,
                  (String) f.get("tag"),
                  null,
                  null));
    } else if (!(in.get("leadIds") instanceof List<?> ids)
        || ids.stream().anyMatch(o -> !(o instanceof Number))) {
      throw DomainException.invalid(
          "leadIds", "leadIds is a list of lead ids (or give a filter {stage, q, tag}).");
    } else {
      leadIds = ids.stream().map(o -> ((Number) o).longValue()).toList();
    }
    Object rawScript = in.get("script");
    if (rawScript != null && !(rawScript instanceof List<?>)) {
      throw DomainException.invalid("script", "script is a list of scripted replies.");
    }
    List<io.omnireach.simulation.ScriptedReply> script = new java.util.ArrayList<>();
    for (Object o : rawScript == null ? List.of() : (List<Object>) rawScript) {
      if (!(o instanceof Map<?, ?> m)) {
        throw DomainException.invalid("script", "A scripted reply is an object.");
      }
      script.add(io.omnireach.simulation.Simulations.reply((Map<String, Object>) m));
    }
    Integer version = in.get("version") instanceof Number n ? n.intValue() : null;
    long sim = simulations.start(current.tenant(), id, version, leadIds, script, current.email());
    return Response.accepted(Map.of("id", sim)).build();
  }
}
