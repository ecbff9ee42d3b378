package io.omnireach.app.rest;

import io.omnireach.app.rest.RunDtos.TaskDto;
import io.omnireach.app.rest.RunDtos.TaskList;
import io.omnireach.common.DomainException;
import io.omnireach.workflow.engine.Tasks;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Manual steps (Task nodes) of workflow runs; completing one resumes its run. */
@Path("/tasks")
@Tag(name = "Workflow runs")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

  static final String TASK_EXAMPLE =
      "{\"id\":7,\"runId\":5001,\"workflowId\":12,\"workflowName\":\"Intro and nudge\","
          + "\"leadId\":101,\"leadName\":\"María García\",\"title\":\"Call María at Northwind\","
          + "\"assignee\":\"sales@acme.demo\",\"status\":\"open\","
          + "\"createdAt\":\"2026-11-27T10:00:00Z\",\"doneAt\":null,\"doneBy\":null}";

  @Inject Tasks tasks;
  @Inject CurrentUser current;

  @GET
  @RolesAllowed({"Admin", "Sales", "Viewer"})
  @Operation(
      summary = "List tasks",
      description = "Newest first; mine=true lists only the caller's (assignee = their email).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskList.class),
              examples =
                  @ExampleObject(name = "tasks", value = "{\"items\":[" + TASK_EXAMPLE + "]}")))
  @APIResponse(
      responseCode = "400",
      description = "Unknown status",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "status",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"status is open or done.\",\"field\":\"status\"}")))
  public TaskList list(
      @Parameter(description = "open or done (default: open)", example = "open")
          @QueryParam("status")
          @DefaultValue("open")
          String status,
      @Parameter(description = "Only the caller's tasks", example = "true")
          @QueryParam("mine")
          @DefaultValue("false")
          boolean mine,
      @Parameter(description = "At most this many, up to 500", example = "100")
          @QueryParam("limit")
          @DefaultValue("100")
          int limit) {
    if (!status.equals("open") && !status.equals("done") && !status.equals("all")) {
      throw DomainException.invalid("status", "status is open or done.");
    }
    return new TaskList(
        tasks
            .list(
                current.tenant(),
                status.equals("all") ? null : status,
                mine ? current.email() : null,
                limit)
            .stream()
            .map(TaskDto::of)
            .toList());
  }

  @POST
  @Path("/{id}/complete")
  @RolesAllowed({"Admin", "Sales"})
  @Operation(
      summary = "Complete a task",
      description =
          "Marks it done; its run continues with the next step within seconds. Sales complete"
              + " their own and unassigned tasks, an Admin any task.")
  @APIResponse(
      responseCode = "200",
      description = "Done",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskDto.class),
              examples =
                  @ExampleObject(
                      name = "done",
                      value =
                          "{\"id\":7,\"runId\":5001,\"workflowId\":12,\"workflowName\":\"Intro"
                              + " and nudge\",\"leadId\":101,\"leadName\":\"María García\","
                              + "\"title\":\"Call María at Northwind\",\"assignee\":"
                              + "\"sales@acme.demo\",\"status\":\"done\",\"createdAt\":"
                              + "\"2026-11-27T10:00:00Z\",\"doneAt\":\"2026-11-27T11:30:00Z\","
                              + "\"doneBy\":\"sales@acme.demo\"}")))
  @APIResponse(
      responseCode = "403",
      description = "Another person's task (only its assignee or an Admin completes it)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "not yours",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                              + "\"detail\":\"Task 7 is assigned to admin@acme.demo: only they"
                              + " or an Admin can complete it.\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Already done",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "done",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Task 7 is already done.\"}")))
  public TaskDto complete(
      @Parameter(description = "Task id", example = "7") @PathParam("id") long id) {
    return TaskDto.of(
        tasks.complete(current.tenant(), id, current.email(), current.hasRole("Admin")));
  }
}
