package io.omnireach.app.rest;

import io.omnireach.app.rest.LeadDtos.BulkDelete;
import io.omnireach.app.rest.LeadDtos.BulkResult;
import io.omnireach.app.rest.LeadDtos.BulkUpdate;
import io.omnireach.app.rest.LeadDtos.LeadDto;
import io.omnireach.app.rest.LeadDtos.LeadList;
import io.omnireach.common.DomainException;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.lead.Stage;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Leads of the caller's tenant. Everyone in the tenant reads; Admin and Sales change. */
@Path("/leads")
@Tag(name = "Leads", description = "The people a team reaches out to")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class LeadResource {

  static final String LEAD_EXAMPLE =
      "{\"id\":42,\"firstName\":\"María\",\"lastName\":\"García\","
          + "\"email\":\"maria.garcia@northwind-logistics.example\",\"phone\":\"+14155550123\","
          + "\"company\":\"Northwind Logistics\",\"title\":\"VP Operations\",\"industry\":\"Logistics\","
          + "\"companySize\":\"201-1000\",\"country\":\"US\",\"timezone\":\"America/Los_Angeles\","
          + "\"linkedinUrl\":null,\"website\":\"https://northwind-logistics.example\","
          + "\"tags\":[\"webinar\"],\"ownerId\":4,\"stage\":\"new\",\"score\":40,"
          + "\"consent\":{\"email\":{\"status\":\"granted\",\"source\":\"webinar form\","
          + "\"at\":\"2026-11-20T09:00:00Z\"}},\"doNotContact\":false,"
          + "\"customFields\":{\"crmId\":\"0031x\"},\"createdAt\":\"2026-11-25T10:00:00Z\","
          + "\"updatedAt\":\"2026-11-25T10:00:00Z\"}";
  private static final String NEW_LEAD =
      "{\"firstName\":\"María\",\"lastName\":\"García\","
          + "\"email\":\"maria.garcia@northwind-logistics.example\",\"phone\":\"+1 415 555 0123\","
          + "\"company\":\"Northwind Logistics\",\"timezone\":\"America/Los_Angeles\","
          + "\"tags\":[\"webinar\"],\"customFields\":{\"crmId\":\"0031x\"}}";

  @Inject LeadRepository leads;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "List leads",
      description =
          "Filters combine with AND. Pages are keyset-based: pass nextCursor back as cursor (with"
              + " the same filters and sort) until it is null.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          "{\"items\":["
                              + LEAD_EXAMPLE
                              + "],\"nextCursor\":\"Y3JlYXRlZEF0CjQy\"}")))
  @APIResponse(responseCode = "400", description = "Unknown stage or sort, or a bad cursor")
  public LeadList list(
      @Parameter(description = "Text in name, email or company", example = "garcia")
          @QueryParam("q")
          String q,
      @Parameter(example = "new") @QueryParam("stage") String stage,
      @Parameter(description = "User id of the owner") @QueryParam("owner") Long owner,
      @Parameter(example = "webinar") @QueryParam("tag") String tag,
      @Parameter(example = "Logistics") @QueryParam("industry") String industry,
      @Parameter(
              description =
                  "createdAt, updatedAt, lastName, company, email or score; '-' for descending",
              example = "-createdAt")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "1 to 200", example = "50") @QueryParam("limit") @DefaultValue("50")
          int limit,
      @QueryParam("cursor") String cursor) {
    return LeadList.of(
        leads.page(
            current.tenant(), LeadQuery.of(q, stage, owner, tag, industry, sort), cursor, limit));
  }

  @POST
  @Requires(Permission.LEADS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a lead",
      description =
          "Email is optional: a lead needs at least one of email, phone (E.164) and linkedinUrl."
              + " Email is unique per workspace; a lead without email is unique by its phone.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = {
                @ExampleObject(name = "new lead", value = NEW_LEAD),
                @ExampleObject(
                    name = "phone-only lead",
                    value =
                        "{\"firstName\":\"Kofi\",\"lastName\":\"Mensah\","
                            + "\"phone\":\"+14155550177\",\"company\":\"Harbor Freight Co\","
                            + "\"consent\":{\"sms\":{\"status\":\"granted\","
                            + "\"source\":\"trade show form\"}}}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "lead", value = LEAD_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field, named in 'field'",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = {
                @ExampleObject(
                    name = "bad phone",
                    value =
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"Phone '555-12' must be international (E.164), like"
                            + " +14155550123.\",\"field\":\"phone\"}"),
                @ExampleObject(
                    name = "no way to reach",
                    value =
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"A lead needs at least one way to reach them:"
                            + " email, phone or LinkedIn URL.\",\"field\":\"email\"}")
              }))
  @APIResponse(
      responseCode = "409",
      description = "A lead with this email (or, without email, this phone) exists")
  public Response create(JsonObject body) {
    LeadDto lead =
        LeadDto.of(leads.create(current.tenant(), LeadDtos.draft(body), current.email()));
    return Response.created(URI.create("leads/" + lead.id())).entity(lead).build();
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.LEADS_READ)
  @Operation(summary = "Get a lead")
  @APIResponse(
      responseCode = "200",
      description = "The lead",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "lead", value = LEAD_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public LeadDto get(@PathParam("id") long id) {
    return LeadDto.of(leads.get(current.tenant(), id));
  }

  @PATCH
  @Path("/{id}")
  @Requires(Permission.LEADS_WRITE)
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      summary = "Change a lead",
      description =
          "Only the members sent change; null clears a field. Clearing the last of email, phone"
              + " and linkedinUrl is a 400.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "move stage",
                      value = "{\"stage\":\"meeting\",\"tags\":[\"webinar\",\"hot\"]}")))
  @APIResponse(
      responseCode = "200",
      description = "The changed lead",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "lead", value = LEAD_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid field, named in 'field'")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "The new email belongs to another lead")
  public LeadDto update(@PathParam("id") long id, JsonObject body) {
    return LeadDto.of(leads.update(current.tenant(), id, LeadDtos.draft(body), current.email()));
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.LEADS_DELETE)
  @Operation(summary = "Delete a lead")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(@PathParam("id") long id) {
    leads.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/bulk-delete")
  @Requires(Permission.LEADS_DELETE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Delete many leads", description = "Ids not in this tenant are ignored.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "ids", value = "{\"ids\":[12,13]}")))
  @APIResponse(
      responseCode = "200",
      description = "How many were deleted",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "result", value = "{\"affected\":2}")))
  public BulkResult bulkDelete(BulkDelete body) {
    return new BulkResult(
        leads.bulkDelete(current.tenant(), ids(body == null ? null : body.ids()), current.email()));
  }

  @POST
  @Path("/bulk-update")
  @Requires(Permission.LEADS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change stage, add tags or assign an owner for many leads")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "tag and stage",
                      value = "{\"ids\":[12,13],\"stage\":\"contacted\",\"addTags\":[\"q4\"]}")))
  @APIResponse(
      responseCode = "200",
      description = "How many were changed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "result", value = "{\"affected\":2}")))
  public BulkResult bulkUpdate(BulkUpdate body) {
    if (body == null) {
      throw DomainException.invalid("ids", "ids are required.");
    }
    Stage stage = body.stage() == null ? null : Stage.parse("stage", body.stage());
    return new BulkResult(
        leads.bulkUpdate(
            current.tenant(),
            ids(body.ids()),
            stage,
            body.addTags(),
            body.ownerId(),
            current.email()));
  }

  @GET
  @Path("/export")
  @Requires(Permission.LEADS_EXPORT)
  @Produces("text/csv")
  @Operation(
      summary = "Export leads as CSV",
      description =
          "The filtered selection, streamed. Cells starting with = + - @ are prefixed with ' so"
              + " spreadsheets do not run them as formulas.")
  @APIResponse(
      responseCode = "200",
      description = "CSV with a header row",
      content =
          @Content(
              mediaType = "text/csv",
              examples =
                  @ExampleObject(
                      name = "csv",
                      value =
                          "first_name,last_name,email,phone,...\r\nMaría,García,"
                              + "maria.garcia@northwind-logistics.example,'+14155550123,...")))
  public Response export(
      @QueryParam("q") String q,
      @QueryParam("stage") String stage,
      @QueryParam("owner") Long owner,
      @QueryParam("tag") String tag,
      @QueryParam("industry") String industry,
      @QueryParam("sort") String sort) {
    LeadQuery query = LeadQuery.of(q, stage, owner, tag, industry, sort);
    var tenant = current.tenant();
    String actor = current.email();
    StreamingOutput body =
        out ->
            leads.export(
                tenant,
                query,
                actor,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    return Response.ok(body, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"leads-" + LocalDate.now() + ".csv\"")
        .build();
  }

  private static List<Long> ids(List<Long> ids) {
    if (ids == null || ids.isEmpty()) {
      throw DomainException.invalid("ids", "Give at least one lead id.");
    }
    if (ids.size() > 10_000) {
      throw DomainException.invalid("ids", "At most 10000 ids per request.");
    }
    return ids;
  }
}
