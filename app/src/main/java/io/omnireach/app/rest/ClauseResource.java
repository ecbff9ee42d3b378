package io.omnireach.app.rest;

import io.omnireach.app.rest.DealDocumentDtos.ClauseDto;
import io.omnireach.app.rest.DealDocumentDtos.ClauseList;
import io.omnireach.app.rest.DealDocumentDtos.ClauseWrite;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Clauses;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clause library: everyone reads it, admins write it; an edit is a new version. */
@Path("/clauses")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class ClauseResource {

  static final String CLAUSE_EXAMPLE =
      "{\"key\":\"liability-cap\",\"version\":2,\"title\":\"Limitation of liability\","
          + "\"body\":\"Each party's total liability is limited to the fees paid in the twelve"
          + " months before the claim.\",\"category\":\"Legal\",\"createdBy\":"
          + "\"admin@acme.demo\",\"createdAt\":\"2026-12-06T10:00:00Z\"}";
  private static final String WRITE_EXAMPLE =
      "{\"key\":\"liability-cap\",\"title\":\"Limitation of liability\",\"body\":\"Each"
          + " party's total liability is limited to the fees paid in the twelve months before"
          + " the claim.\",\"category\":\"Legal\"}";

  @Inject Clauses clauses;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "List clauses", description = "The latest version of each, by key.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClauseList.class),
              examples =
                  @ExampleObject(name = "clauses", value = "{\"items\":[" + CLAUSE_EXAMPLE + "]}")))
  public ClauseList list() {
    return new ClauseList(clauses.list(current.tenant()).stream().map(ClauseDto::of).toList());
  }

  @GET
  @Path("/{key}/versions")
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "Every version of a clause", description = "Newest first.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClauseList.class),
              examples =
                  @ExampleObject(
                      name = "versions",
                      value = "{\"items\":[" + CLAUSE_EXAMPLE + "]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ClauseList versions(@Parameter(description = "Clause key") @PathParam("key") String key) {
    return new ClauseList(
        clauses.versions(current.tenant(), key).stream().map(ClauseDto::of).toList());
  }

  @GET
  @Path("/{key}")
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "Read a clause (latest version)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClauseDto.class),
              examples = @ExampleObject(name = "clause", value = CLAUSE_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ClauseDto get(@Parameter(description = "Clause key") @PathParam("key") String key) {
    return ClauseDto.of(clauses.get(current.tenant(), key));
  }

  @POST
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a clause",
      description =
          "key (lower-case letters, digits, '-' and '_'), title, body (the exact text) and"
              + " category are required. It starts at version 1.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClauseWrite.class),
              examples = @ExampleObject(name = "clause", value = WRITE_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClauseDto.class),
              examples = @ExampleObject(name = "created", value = CLAUSE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or invalid",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "no body",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"body is required.\",\"field\":\"body\"}")))
  @APIResponse(responseCode = "409", description = "The key exists: edit it instead")
  public Response create(ClauseWrite body) {
    if (body == null) {
      throw DomainException.invalid("key", "key is required.");
    }
    ClauseDto created =
        ClauseDto.of(
            clauses.create(
                current.tenant(),
                body.key(),
                body.title(),
                body.body(),
                body.category(),
                current.email()));
    return Response.created(URI.create("clauses/" + created.key())).entity(created).build();
  }

  @PUT
  @Path("/{key}")
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Edit a clause",
      description =
          "Stores a new version (the fields not given keep the latest version's value). Documents"
              + " already generated keep the version they printed.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClauseWrite.class),
              examples =
                  @ExampleObject(
                      name = "new text",
                      value =
                          "{\"body\":\"Each party's total liability is limited to the fees paid"
                              + " in the twelve months before the claim.\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ClauseDto.class),
              examples = @ExampleObject(name = "version 2", value = CLAUSE_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ClauseDto update(
      @Parameter(description = "Clause key") @PathParam("key") String key, ClauseWrite body) {
    if (body == null) {
      throw DomainException.invalid("body", "Give title, body or category.");
    }
    return ClauseDto.of(
        clauses.update(
            current.tenant(), key, body.title(), body.body(), body.category(), current.email()));
  }

  @DELETE
  @Path("/{key}")
  @Requires(Permission.DEALS_CONFIGURE)
  @Operation(
      summary = "Remove a clause",
      description =
          "Removes every version from the library and the price book; documents keep their copy"
              + " of the text. 409 while a template has it in a slot.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "409",
      description = "In a template",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "in a template",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Clause 'liability-cap' is in the template 'Simple"
                              + " contract': remove it there first.\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(@Parameter(description = "Clause key") @PathParam("key") String key) {
    clauses.delete(current.tenant(), key, current.email());
    return Response.noContent().build();
  }
}
