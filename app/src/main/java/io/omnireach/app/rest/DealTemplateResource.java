package io.omnireach.app.rest;

import io.omnireach.app.rest.DealDocumentDtos.PreviewDto;
import io.omnireach.app.rest.DealDocumentDtos.PreviewRequest;
import io.omnireach.app.rest.DealDocumentDtos.TemplateDto;
import io.omnireach.app.rest.DealDocumentDtos.TemplateList;
import io.omnireach.app.rest.DealDocumentDtos.TemplateWrite;
import io.omnireach.common.DomainException;
import io.omnireach.deal.DealDocuments;
import io.omnireach.deal.DealTemplates;
import io.omnireach.deal.MergeFields;
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

/**
 * Transaction templates (offer letter, order form, simple contract): everyone reads them, admins
 * write them; a preview renders one against a deal.
 */
@Path("/deal-templates")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class DealTemplateResource {

  static final String TEMPLATE_EXAMPLE =
      "{\"id\":2,\"kind\":\"ORDER_FORM\",\"name\":\"Order form\",\"title\":\"Order form:"
          + " {{deal.title}}\",\"body\":\"This order form between {{tenant.name}} and"
          + " {{account.name}} lists the products ordered.\",\"clauseKeys\":[\"liability-cap\"],"
          + "\"version\":3,\"updatedBy\":\"admin@acme.demo\",\"updatedAt\":"
          + "\"2026-12-06T10:00:00Z\"}";
  private static final String WRITE_EXAMPLE =
      "{\"kind\":\"CONTRACT\",\"name\":\"Enterprise contract\",\"title\":\"Agreement:"
          + " {{deal.title}}\",\"body\":\"This agreement is made on {{date.today}} between"
          + " {{tenant.name}} and {{account.name}}.\",\"clauseKeys\":[\"liability-cap\"]}";
  private static final String UNKNOWN_FIELD =
      "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
          + "\"detail\":\"Unknown merge field {{deal.price}} in body. Known fields: deal.title,"
          + " deal.number, …\",\"field\":\"body\"}";

  @Inject DealTemplates templates;
  @Inject DealDocuments documents;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.DEALS_READ)
  @Operation(
      summary = "List templates",
      description = "With the merge fields a template may use and what each prints.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateList.class),
              examples =
                  @ExampleObject(
                      name = "templates",
                      value =
                          "{\"items\":["
                              + TEMPLATE_EXAMPLE
                              + "],\"mergeFields\":{\"deal.title\":\"the deal's title\"}}")))
  public TemplateList list() {
    return new TemplateList(
        templates.list(current.tenant()).stream().map(TemplateDto::of).toList(),
        MergeFields.FIELDS);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "Read a template")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateDto.class),
              examples = @ExampleObject(name = "template", value = TEMPLATE_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public TemplateDto get(@Parameter(description = "Template id") @PathParam("id") long id) {
    return TemplateDto.of(templates.get(current.tenant(), id));
  }

  @POST
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a template",
      description =
          "kind (OFFER_LETTER, ORDER_FORM, CONTRACT), name, title and body are required. Title"
              + " and body may use merge fields such as {{deal.title}} (an unknown field is a"
              + " 422); clauseKeys are the clause slots, in print order. The line items, totals,"
              + " clauses and signature block are laid out by the PDF renderer.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateWrite.class),
              examples = @ExampleObject(name = "contract", value = WRITE_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateDto.class),
              examples = @ExampleObject(name = "created", value = TEMPLATE_EXAMPLE)))
  @APIResponse(
      responseCode = "422",
      description = "Unknown merge field or clause",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "unknown field", value = UNKNOWN_FIELD)))
  public Response create(TemplateWrite body) {
    if (body == null) {
      throw DomainException.invalid("kind", "kind is required.");
    }
    TemplateDto created =
        TemplateDto.of(templates.create(current.tenant(), body.draft(), current.email()));
    return Response.created(URI.create("deal-templates/" + created.id())).entity(created).build();
  }

  @PUT
  @Path("/{id}")
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Edit a template",
      description =
          "The fields given change and the version goes up; documents keep the version they were"
              + " generated from.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateWrite.class),
              examples =
                  @ExampleObject(
                      name = "slots",
                      value = "{\"clauseKeys\":[\"liability-cap\",\"sla\"]}")))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateDto.class),
              examples = @ExampleObject(name = "template", value = TEMPLATE_EXAMPLE)))
  @APIResponse(
      responseCode = "422",
      description = "Unknown merge field or clause",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "unknown field", value = UNKNOWN_FIELD)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public TemplateDto update(
      @Parameter(description = "Template id") @PathParam("id") long id, TemplateWrite body) {
    if (body == null) {
      throw DomainException.invalid("body", "Give the fields to change.");
    }
    return TemplateDto.of(templates.update(current.tenant(), id, body.draft(), current.email()));
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.DEALS_CONFIGURE)
  @Operation(
      summary = "Delete a template",
      description = "Documents generated from it keep their PDF and the template's name.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(@Parameter(description = "Template id") @PathParam("id") long id) {
    templates.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/preview")
  @Requires(Permission.DEALS_READ)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Preview a template on a deal",
      description =
          "The title and text with the deal's merge fields filled in, and the clauses it would"
              + " print (422 when one is not allowed for the deal's products). Nothing is stored.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PreviewRequest.class),
              examples = @ExampleObject(name = "deal", value = "{\"dealId\":12}")))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PreviewDto.class),
              examples =
                  @ExampleObject(
                      name = "preview",
                      value =
                          "{\"title\":\"Order form: Acme — 10 seats\",\"body\":\"This order form"
                              + " between Northwind and Acme Corp lists the products"
                              + " ordered.\",\"clauses\":[{\"key\":\"liability-cap\","
                              + "\"version\":2,\"title\":\"Limitation of liability\","
                              + "\"category\":\"Legal\",\"body\":\"Each party's total liability"
                              + " is limited to the fees paid in the twelve months before the"
                              + " claim.\"}]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PreviewDto preview(
      @Parameter(description = "Template id") @PathParam("id") long id, PreviewRequest body) {
    if (body == null || body.dealId() == null) {
      throw DomainException.invalid("dealId", "dealId is required.");
    }
    return PreviewDto.of(documents.preview(current.tenant(), id, body.dealId()));
  }
}
