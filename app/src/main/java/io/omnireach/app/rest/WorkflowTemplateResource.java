package io.omnireach.app.rest;

import io.omnireach.app.rest.WorkflowDtos.RefDto;
import io.omnireach.app.rest.WorkflowDtos.TemplateDto;
import io.omnireach.app.rest.WorkflowDtos.TemplateList;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.WorkflowRef;
import io.omnireach.workflow.Workflows;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ready-made workflows shipped with the product, and "create from template". */
@Path("/workflow-templates")
@Tag(name = "Workflows")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class WorkflowTemplateResource {

  @Inject Workflows workflows;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.WORKFLOWS_READ)
  @Operation(summary = "List workflow templates")
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
                          "{\"items\":[{\"id\":\"cold-outreach-3-touches\","
                              + "\"name\":\"Cold outreach, 3 touches\",\"description\":\"Three"
                              + " touches …\"},{\"id\":\"inbound-follow-up\","
                              + "\"name\":\"Inbound follow-up\",\"description\":\"Answers an"
                              + " inbound lead …\"}]}")))
  public TemplateList list() {
    current.tenant(); // operators without a tenant get 403 like every tenant API
    return new TemplateList(workflows.templates().stream().map(TemplateDto::of).toList());
  }

  @POST
  @Path("/{id}/workflows")
  @Requires(Permission.WORKFLOWS_EDIT)
  @Operation(
      summary = "Create a workflow from a template",
      description =
          "A new draft; the template's persona names are mapped to this workspace's personas and"
              + " sends rotate across its mailboxes.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefDto.class),
              examples = @ExampleObject(name = "created", value = WorkflowResource.REF_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response create(
      @Parameter(description = "Template id", example = "cold-outreach-3-touches") @PathParam("id")
          String id) {
    WorkflowRef ref = workflows.createFromTemplate(current.tenant(), id, current.email());
    return Response.created(URI.create("workflows/" + ref.id())).entity(RefDto.of(ref)).build();
  }
}
