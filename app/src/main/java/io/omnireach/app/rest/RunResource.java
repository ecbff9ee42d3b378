package io.omnireach.app.rest;

import io.omnireach.app.rest.RunDtos.RunDetailDto;
import io.omnireach.app.rest.RunDtos.RunPageDto;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.engine.RunControl;
import io.omnireach.workflow.engine.Runs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Workflow runs of the caller's tenant: list, step log, pause/resume/cancel, retry a node. */
@Path("/runs")
@Tag(name = "Workflow runs", description = "Leads going through workflows, step by step")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class RunResource {

  static final String RUN_EXAMPLE =
      "{\"id\":5001,\"workflowId\":12,\"workflowName\":\"Intro and nudge\",\"version\":1,"
          + "\"leadId\":101,\"leadName\":\"María García\",\"leadEmail\":\"maria@northwind.example\","
          + "\"status\":\"waiting\",\"currentNode\":\"wait\",\"stopReason\":null,"
          + "\"pausedUntil\":null,\"createdAt\":\"2026-11-25T10:00:00Z\","
          + "\"updatedAt\":\"2026-11-25T10:00:02Z\",\"finishedAt\":null}";
  static final String CONFLICT_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
          + "\"detail\":\"Run 5001 is succeeded and cannot be paused.\"}";

  @Inject Runs runs;
  @Inject RunControl control;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(
      summary = "List runs",
      description =
          "Newest first, filtered by workflow, status and lead; nextCursor pages on. counts"
              + " gives the number of runs per status for the workflow/lead filter.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RunPageDto.class),
              examples =
                  @ExampleObject(
                      name = "runs",
                      value =
                          "{\"items\":["
                              + RUN_EXAMPLE
                              + "],\"nextCursor\":null,\"counts\":{\"pending\":0,\"running\":0,"
                              + "\"waiting\":1,\"paused\":0,\"succeeded\":0,\"failed\":0,"
                              + "\"cancelled\":0}}")))
  @APIResponse(
      responseCode = "400",
      description = "Unknown status or cursor",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "status",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"status is one of [cancelled, failed, paused,"
                              + " pending, running, succeeded, waiting].\",\"field\":\"status\"}")))
  public RunPageDto list(
      @Parameter(description = "Only runs of this workflow", example = "12")
          @QueryParam("workflowId")
          Long workflowId,
      @Parameter(description = "Only runs in this status", example = "waiting")
          @QueryParam("status")
          String status,
      @Parameter(description = "Only runs of this lead", example = "101") @QueryParam("leadId")
          Long leadId,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "Page size, 1 to 200", example = "50")
          @QueryParam("limit")
          @DefaultValue("50")
          int limit) {
    return RunPageDto.of(runs.list(current.tenant(), workflowId, status, leadId, cursor, limit));
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(
      summary = "A run with its step log",
      description =
          "Every step: status, attempts, output, why (a decision's reason, a wait's schedule, a"
              + " retry), error, A/B variant and queued message.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RunDetailDto.class),
              examples =
                  @ExampleObject(
                      name = "run",
                      value =
                          "{\"run\":"
                              + RUN_EXAMPLE
                              + ",\"steps\":[{\"id\":9001,\"nodeId\":\"intro\",\"nodeType\":"
                              + "\"send_email\",\"visit\":1,\"status\":\"succeeded\",\"attempt\":1,"
                              + "\"maxAttempts\":3,\"dueAt\":\"2026-11-25T10:00:00Z\",\"output\":"
                              + "{\"messageId\":77,\"mailboxId\":1,\"subject\":\"Routing at"
                              + " Northwind\"},\"why\":null,\"error\":null,\"variant\":null,"
                              + "\"messageId\":77,\"createdAt\":\"2026-11-25T10:00:00Z\","
                              + "\"startedAt\":\"2026-11-25T10:00:01Z\",\"finishedAt\":"
                              + "\"2026-11-25T10:00:01Z\"}]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public RunDetailDto get(
      @Parameter(description = "Run id", example = "5001") @PathParam("id") long id) {
    return RunDetailDto.of(runs.get(current.tenant(), id));
  }

  @POST
  @Path("/{id}/pause")
  @Requires(Permission.WORKFLOWS_RUN)
  @Operation(summary = "Pause a run", description = "No step runs until it is resumed.")
  @APIResponse(responseCode = "204", description = "Paused")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "The run has ended or is paused",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "ended", value = CONFLICT_EXAMPLE)))
  public Response pause(
      @Parameter(description = "Run id", example = "5001") @PathParam("id") long id) {
    control.pause(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/resume")
  @Requires(Permission.WORKFLOWS_RUN)
  @Operation(
      summary = "Resume a paused run",
      description = "It continues where it stopped; a wait that ran out meanwhile ends at once.")
  @APIResponse(responseCode = "204", description = "Resumed")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Not paused",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "not paused", value = CONFLICT_EXAMPLE)))
  public Response resume(
      @Parameter(description = "Run id", example = "5001") @PathParam("id") long id) {
    control.resume(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/cancel")
  @Requires(Permission.WORKFLOWS_RUN)
  @Operation(
      summary = "Cancel a run",
      description = "Its open steps are cancelled; messages already queued still go out.")
  @APIResponse(responseCode = "204", description = "Cancelled")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "The run has ended",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "ended", value = CONFLICT_EXAMPLE)))
  public Response cancel(
      @Parameter(description = "Run id", example = "5001") @PathParam("id") long id) {
    control.cancel(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/nodes/{nodeId}/retry")
  @Requires(Permission.WORKFLOWS_RUN)
  @Operation(
      summary = "Retry a failed step",
      description = "The step runs again from attempt 1 and its run becomes active.")
  @APIResponse(responseCode = "204", description = "Scheduled")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "The step has not failed",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "not failed",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Step intro is succeeded, not failed.\","
                              + "\"field\":\"nodeId\"}")))
  public Response retry(
      @Parameter(description = "Run id", example = "5001") @PathParam("id") long id,
      @Parameter(description = "Node id", example = "intro") @PathParam("nodeId") String nodeId) {
    control.retryNode(current.tenant(), id, nodeId, current.email());
    return Response.noContent().build();
  }
}
