package io.omnireach.app.rest;

import io.omnireach.privacy.PrivacyRequest;
import io.omnireach.privacy.PrivacyRequests;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Progress of GDPR erasures. */
@Path("/gdpr-erasures")
@Tag(name = PrivacyDtos.TAG, description = PrivacyDtos.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class GdprErasureResource {

  @Inject PrivacyRequests requests;
  @Inject CurrentUser current;

  @GET
  @Path("/{id}")
  @Requires(Permission.PRIVACY_MANAGE)
  @Operation(summary = "Progress of an erasure", description = "Counts are rows removed per step.")
  @APIResponse(
      responseCode = "200",
      description = "Status, steps and counts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "running", value = PrivacyDtos.ERASURE_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PrivacyDtos.RequestDto get(@PathParam("id") long id) {
    return PrivacyDtos.RequestDto.of(requests.get(current.tenant(), PrivacyRequest.Kind.ERASE, id));
  }
}
