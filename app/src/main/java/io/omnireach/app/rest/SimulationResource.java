package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.simulation.Simulations;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.WorkflowJson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Results of the pre-send simulation sandbox (started by {@code POST /workflows/{id}/simulations}):
 * everyone in the tenant reads them, other tenants get 404.
 */
@Path("/simulations")
@Tag(
    name = "Simulations",
    description =
        "Dry runs of a workflow for sample leads: timelines, policy verdicts, send times; nothing"
            + " is sent, no run or message is written, no billing usage is metered")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class SimulationResource {

  static final String STARTED_EXAMPLE = "{\"id\":41}";
  static final String RESULT_EXAMPLE =
      "{\"id\":41,\"workflowId\":12,\"version\":null,\"status\":\"DONE\",\"leadsDone\":2,"
          + "\"leadsTotal\":2,\"aiCalls\":1,\"aiTokens\":160,\"aiCost\":{\"calls\":1,"
          + "\"tokens\":160,\"costUsd\":0.000024,\"billed\":false},\"error\":null,"
          + "\"createdBy\":\"sales@acme.demo\",\"createdAt\":\"2026-12-05T10:00:00Z\","
          + "\"finishedAt\":\"2026-12-05T10:00:01Z\",\"start\":\"2026-12-05T10:00:00Z\","
          + "\"aggregate\":{\"messages\":{\"intro\":{\"blocked\":0,\"sent\":2},"
          + "\"offer\":{\"blocked\":1,\"sent\":0}},\"blockedBy\":{\"Discounts up to 15%\":1},"
          + "\"ends\":{\"end done\":1,\"stopped: replied on day 2 (the workflow stops on reply)"
          + "\":1}},\"leads\":[{\"leadId\":7,\"name\":\"Ana Lima\",\"steps\":[{\"nodeId\":"
          + "\"start\",\"type\":\"start\",\"at\":\"2026-12-05T10:00:00Z\"},{\"nodeId\":\"intro\","
          + "\"type\":\"send_email\",\"at\":\"2026-12-07T09:00:00Z\",\"message\":{\"channel\":"
          + "\"email\",\"subject\":\"Hi Ana\",\"body\":\"Take 20% off.\"},\"deferred\":"
          + "\"outside send window Mon–Fri 09–17 UTC; next 2026-12-07 09:00\",\"verdict\":"
          + "\"block\",\"violations\":[{\"policyId\":7,\"policyName\":\"Discounts up to 15%\","
          + "\"kind\":\"max_discount\",\"severity\":\"block\",\"explanation\":\"Never offer"
          + " more than 15% off.\",\"excerpt\":\"20% off\",\"field\":\"body\",\"start\":5,"
          + "\"end\":12}],\"blockedBy\":\"POLICY\",\"sends\":false}],\"end\":\"end done\"}]}";

  @Inject Simulations simulations;
  @Inject CurrentUser current;

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(
      summary = "Read a simulation",
      description =
          "status QUEUED, RUNNING (leadsDone of leadsTotal), DONE or FAILED (error). When done:"
              + " per lead the steps it would take (nodeId, type, at = the simulated time, or for"
              + " a send the time the send windows, quiet hours and daily caps would give;"
              + " message, verdict allow|warn|block with violations, blockedBy POLICY or a"
              + " sending rule such as CONSENT_MISSING, sends; a decision's branch; note) and"
              + " where it ends; the aggregate counts sent/blocked per send step, blocks per"
              + " rule, and ends. aiCalls/aiTokens count every AI Generate step's draft; aiCost"
              + " is the tenant's AI provider's share (used when it has a key, at most 50 calls"
              + " per simulation, later steps offline): calls, tokens and costUsd priced as the"
              + " AI ledger prices them. The calls are in the AI ledger, not in billing usage"
              + " (billed: false).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Object.class),
              examples = @ExampleObject(name = "done", value = RESULT_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response get(@Parameter(description = "Simulation id") @PathParam("id") long id) {
    return Response.ok(WorkflowJson.toJson(json(simulations.get(current.tenant(), id)))).build();
  }

  @GET
  @Path("/{id}/export")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(
      summary = "Export a simulation",
      description =
          "format=json (default, the same document as GET) or csv: one row per step (leadId,"
              + " lead, nodeId, type, at, channel, subject, verdict, blockedBy, branch, note,"
              + " end), as a download.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content = {
        @Content(
            mediaType = "text/csv",
            examples =
                @ExampleObject(
                    name = "csv",
                    value =
                        "leadId,lead,nodeId,type,at,channel,subject,verdict,blockedBy,branch,"
                            + "note,end\n7,Ana Lima,intro,send_email,2026-12-07T09:00:00Z,"
                            + "email,Hi Ana,block,POLICY,,,end done\n")),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "json", value = RESULT_EXAMPLE))
      })
  @APIResponse(
      responseCode = "400",
      description = "Unknown format",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "format",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"format is json or csv.\",\"field\":\"format\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response export(
      @Parameter(description = "Simulation id") @PathParam("id") long id,
      @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
    String f = format == null || format.isBlank() ? "json" : format.strip();
    if (!f.equals("json") && !f.equals("csv")) {
      throw DomainException.invalid("format", "format is json or csv.");
    }
    Simulations.Simulation sim = simulations.get(current.tenant(), id);
    String name = "simulation-" + id + "." + f;
    return Response.ok(
            f.equals("csv") ? Simulations.csv(sim) : WorkflowJson.toJson(json(sim)),
            f.equals("csv") ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  /** The API's document of a simulation. */
  static Map<String, Object> json(Simulations.Simulation s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("workflowId", s.workflowId());
    m.put("version", s.version());
    m.put("status", s.status().name());
    m.put("leadsDone", s.leadsDone());
    m.put("leadsTotal", s.leadsTotal());
    m.put("aiCalls", s.aiCalls());
    m.put("aiTokens", s.aiTokens());
    m.put("aiCost", s.aiCost());
    m.put("error", s.error());
    m.put("createdBy", s.createdBy());
    m.put("createdAt", s.createdAt().toString());
    m.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
    m.put("start", s.result() == null ? null : s.result().get("start"));
    m.put("aggregate", s.aggregate());
    m.put("leads", s.leads());
    return m;
  }
}
