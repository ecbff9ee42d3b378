package io.omnireach.app.rest;

import io.omnireach.app.rest.RunDtos.OutcomeRequest;
import io.omnireach.app.rest.RunDtos.SnoozeRequest;
import io.omnireach.app.rest.RunDtos.TaskDto;
import io.omnireach.app.rest.RunDtos.TaskList;
import io.omnireach.common.DomainException;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.engine.TaskQueue;
import io.omnireach.workflow.engine.Tasks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
 * Manual steps (Task, LinkedIn task and Call nodes) of workflow runs, as lists and as the daily
 * queue; completing one or recording its outcome resumes its run, snoozing moves it out of today.
 */
@Path("/tasks")
@Tag(name = "Workflow runs")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class TaskResource {

  static final String TASK_EXAMPLE =
      "{\"id\":7,\"runId\":5001,\"workflowId\":12,\"workflowName\":\"Intro and nudge\","
          + "\"leadId\":101,\"leadName\":\"María García\",\"title\":\"Connect with María"
          + " García on LinkedIn\",\"assignee\":\"sales@acme.demo\",\"status\":\"open\","
          + "\"createdAt\":\"2026-11-27T10:00:00Z\",\"doneAt\":null,\"doneBy\":null,"
          + "\"kind\":\"linkedin\",\"action\":\"connect\",\"text\":\"Hi María, I came"
          + " across your work as COO at Northwind and would be glad to connect.\","
          + "\"textSource\":\"offline\",\"link\":\"https://www.linkedin.com/in/maria-garcia\","
          + "\"dueAt\":\"2026-11-27T10:00:00Z\",\"snoozedUntil\":null,\"outcome\":null,"
          + "\"outcomes\":[\"sent\",\"accepted\",\"replied\",\"skipped\"]}";

  static final String DONE_EXAMPLE =
      "{\"id\":7,\"runId\":5001,\"workflowId\":12,\"workflowName\":\"Intro and nudge\","
          + "\"leadId\":101,\"leadName\":\"María García\",\"title\":\"Connect with María"
          + " García on LinkedIn\",\"assignee\":\"sales@acme.demo\",\"status\":\"done\","
          + "\"createdAt\":\"2026-11-27T10:00:00Z\",\"doneAt\":\"2026-11-27T11:30:00Z\","
          + "\"doneBy\":\"sales@acme.demo\",\"kind\":\"linkedin\",\"action\":\"connect\","
          + "\"text\":\"Hi María, I came across your work as COO at Northwind and would be glad"
          + " to connect.\",\"textSource\":\"offline\","
          + "\"link\":\"https://www.linkedin.com/in/maria-garcia\","
          + "\"dueAt\":\"2026-11-27T10:00:00Z\",\"snoozedUntil\":null,"
          + "\"outcome\":\"accepted\","
          + "\"outcomes\":[\"sent\",\"accepted\",\"replied\",\"skipped\"]}";

  static final String DONE_PROBLEM =
      "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
          + "\"detail\":\"Task 7 is already done.\"}";

  static final String NOT_YOURS_PROBLEM =
      "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
          + "\"detail\":\"Task 7 is assigned to admin@acme.demo: only they or an Admin can"
          + " complete it.\"}";

  @Inject Tasks tasks;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.TASKS_READ)
  @Operation(
      summary = "List tasks",
      description =
          "mine=true lists only the caller's (assignee = their email). due picks a section of the"
              + " daily queue (days in the tz time zone): today = open, due today and not snoozed;"
              + " overdue = open, due before today; upcoming = open, due after today or snoozed"
              + " past now (a snooze counts as the due date); all = by status, newest first."
              + " Open sections list soonest first.")
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
                              + "\"detail\":\"due is today, overdue, upcoming or all.\","
                              + "\"field\":\"due\"}")))
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
          int limit,
      @Parameter(
              description = "A section of the daily queue: today, overdue, upcoming or all",
              example = "today")
          @QueryParam("due")
          @DefaultValue("all")
          String due,
      @Parameter(description = "The time zone that says when today is", example = "Europe/Berlin")
          @QueryParam("tz")
          @DefaultValue("UTC")
          String tz) {
    if (!status.equals("open") && !status.equals("done") && !status.equals("all")) {
      throw DomainException.invalid("status", "status is open or done.");
    }
    String assignee = mine ? current.email() : null;
    if (due.equals("all")) {
      return new TaskList(
          tasks
              .list(current.tenant(), status.equals("all") ? null : status, assignee, limit)
              .stream()
              .map(TaskDto::of)
              .toList());
    }
    TaskQueue section =
        switch (due) {
          case "today" -> TaskQueue.TODAY;
          case "overdue" -> TaskQueue.OVERDUE;
          case "upcoming" -> TaskQueue.UPCOMING;
          default ->
              throw DomainException.invalid("due", "due is today, overdue, upcoming or all.");
        };
    ZoneId zone;
    try {
      zone = ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw DomainException.invalid("tz", "tz is a time zone such as Europe/Berlin or UTC.");
    }
    return new TaskList(
        tasks.queue(current.tenant(), section, assignee, zone, limit).stream()
            .map(TaskDto::of)
            .toList());
  }

  @POST
  @Path("/{id}/complete")
  @Requires(Permission.TASKS_WORK)
  @Operation(
      summary = "Complete a task",
      description =
          "Marks a generic task (a Task step) done; its run continues with the next step within"
              + " seconds. Sales complete their own and unassigned tasks, an Admin any task."
              + " LinkedIn and call tasks need their outcome instead (400).")
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
      responseCode = "400",
      description = "A LinkedIn or call task: record its outcome instead",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "needs an outcome",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"Task 7 is a LinkedIn task: record its outcome"
                              + " (sent, accepted, replied, skipped).\",\"field\":\"outcome\"}")))
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

  @POST
  @Path("/{id}/outcome")
  @Requires(Permission.TASKS_WORK)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record a task's outcome",
      description =
          "Records what happened (who and when are the caller and now) and marks the task done;"
              + " its run goes on down the step's output of that name within seconds. The outcome"
              + " is one of the task's outcomes: linkedin sent, accepted, replied, skipped; call"
              + " connected, voicemail, no_answer, skipped; generic done. Sales record their own"
              + " and unassigned tasks, an Admin any task.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OutcomeRequest.class),
              examples = @ExampleObject(name = "accepted", value = "{\"outcome\":\"accepted\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Recorded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskDto.class),
              examples = @ExampleObject(name = "accepted", value = DONE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "An outcome this task's kind does not have",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "wrong outcome",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"A LinkedIn task's outcome is one of sent,"
                              + " accepted, replied, skipped; got 'voicemail'.\","
                              + "\"field\":\"outcome\"}")))
  @APIResponse(
      responseCode = "403",
      description = "Another person's task",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "not yours", value = NOT_YOURS_PROBLEM)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Already done",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "done", value = DONE_PROBLEM)))
  public TaskDto outcome(
      @Parameter(description = "Task id", example = "7") @PathParam("id") long id,
      OutcomeRequest body) {
    if (body == null || body.outcome() == null || body.outcome().isBlank()) {
      throw DomainException.invalid("outcome", "outcome is required.");
    }
    return TaskDto.of(
        tasks.record(
            current.tenant(), id, body.outcome(), current.email(), current.hasRole("Admin")));
  }

  @POST
  @Path("/{id}/snooze")
  @Requires(Permission.TASKS_WORK)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Snooze a task",
      description =
          "Takes an open task out of today's queue until the given time (it is listed under"
              + " upcoming until then); its run keeps waiting. Snoozing again moves the time.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SnoozeRequest.class),
              examples =
                  @ExampleObject(
                      name = "tomorrow morning",
                      value = "{\"until\":\"2026-11-28T09:00:00Z\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Snoozed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TaskDto.class),
              examples =
                  @ExampleObject(
                      name = "snoozed",
                      value =
                          "{\"id\":7,\"runId\":5001,\"workflowId\":12,\"workflowName\":"
                              + "\"Intro and nudge\",\"leadId\":101,\"leadName\":\"María"
                              + " García\",\"title\":\"Call María García\",\"assignee\":"
                              + "\"sales@acme.demo\",\"status\":\"open\",\"createdAt\":"
                              + "\"2026-11-27T10:00:00Z\",\"doneAt\":null,\"doneBy\":null,"
                              + "\"kind\":\"call\",\"action\":null,\"text\":\"Opener: Hi"
                              + " María, this is [your name].\",\"textSource\":\"offline\","
                              + "\"link\":\"tel:+34911234567\",\"dueAt\":"
                              + "\"2026-11-27T10:00:00Z\",\"snoozedUntil\":"
                              + "\"2026-11-28T09:00:00Z\",\"outcome\":null,\"outcomes\":"
                              + "[\"connected\",\"voicemail\",\"no_answer\",\"skipped\"]}")))
  @APIResponse(
      responseCode = "400",
      description = "until missing, not an instant, or not in the future",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "past",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"Snooze until a time in the future.\","
                              + "\"field\":\"until\"}")))
  @APIResponse(
      responseCode = "403",
      description = "Another person's task",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "not yours", value = NOT_YOURS_PROBLEM)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Already done",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "done", value = DONE_PROBLEM)))
  public TaskDto snooze(
      @Parameter(description = "Task id", example = "7") @PathParam("id") long id,
      SnoozeRequest body) {
    if (body == null || body.until() == null || body.until().isBlank()) {
      throw DomainException.invalid("until", "until is required (e.g. 2026-11-28T09:00:00Z).");
    }
    Instant until;
    try {
      until = OffsetDateTime.parse(body.until().strip()).toInstant();
    } catch (DateTimeException e) {
      throw DomainException.invalid(
          "until", "until is an ISO-8601 time with offset, e.g. 2026-11-28T09:00:00Z.");
    }
    return TaskDto.of(
        tasks.snooze(current.tenant(), id, until, current.email(), current.hasRole("Admin")));
  }
}
