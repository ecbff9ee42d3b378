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

/** Starts the GDPR erasure of a lead. */
@Path("/leads/{leadId}/erase")
@Tag(name = PrivacyDtos.TAG, description = PrivacyDtos.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class LeadErasureResource {

  @Inject PrivacyRequests requests;
  @Inject CurrentUser current;

  @POST
  @Requires(Permission.PRIVACY_MANAGE)
  @Operation(
      summary = "Erase a person everywhere (GDPR right to erasure)",
      description =
          "Starts the privacy-request job. First the person's email and phone are kept only as"
              + " SHA-256 hashes (sending to them is refused from then on, and an import of them"
              + " is refused per row), then their messages (the outbox), replies, events, tasks,"
              + " runs, meetings, deals, signals, embeddings and search-index texts, graph edges,"
              + " cached AI texts naming them, export archives and last the lead are deleted."
              + " Poll GET /gdpr-erasures/{id}. A second call while one runs returns it. Audited"
              + " by lead id only.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the job runs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "accepted", value = "{\"id\":13,\"status\":\"QUEUED\"}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response erase(@Parameter(description = "Lead id") @PathParam("leadId") long leadId) {
    PrivacyRequest r =
        requests.request(current.tenant(), PrivacyRequest.Kind.ERASE, leadId, current.email());
    return Response.accepted(Map.of("id", r.id(), "status", r.status().name()))
        .location(URI.create("gdpr-erasures/" + r.id()))
        .build();
  }
}
