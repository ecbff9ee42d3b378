package io.omnireach.app.rest;

import io.omnireach.privacy.PrivacyRequest;
import io.omnireach.privacy.PrivacyRequests;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starts a GDPR export of a lead. */
@Path("/leads/{leadId}/gdpr-export")
@Tag(name = PrivacyDtos.TAG, description = PrivacyDtos.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class LeadGdprExportResource {

  @Inject PrivacyRequests requests;
  @Inject CurrentUser current;

  @POST
  @Requires(Permission.PRIVACY_MANAGE)
  @Operation(
      summary = "Export everything held about a lead (GDPR access / portability)",
      description =
          "Starts the privacy-request job: the lead's fields and custom fields, messages and"
              + " their events, replies, tasks, meetings, workflow runs, signals, the texts of its"
              + " search index, relationships and graph edges, deals with decisions, AI calls and"
              + " suppression entries, each as a JSON file, zipped with a README.txt manifest."
              + " Poll GET /gdpr-exports/{id}; download from its archiveUrl. Audited.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the job runs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "accepted", value = "{\"id\":12,\"status\":\"QUEUED\"}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response start(@Parameter(description = "Lead id") @PathParam("leadId") long leadId) {
    PrivacyRequest r =
        requests.request(current.tenant(), PrivacyRequest.Kind.EXPORT, leadId, current.email());
    return Response.accepted(Map.of("id", r.id(), "status", r.status().name()))
        .location(URI.create("gdpr-exports/" + r.id()))
        .build();
  }
}
