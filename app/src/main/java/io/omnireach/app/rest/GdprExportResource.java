package io.omnireach.app.rest;

import io.omnireach.audit.AuditLog;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Progress and archive of GDPR exports. */
@Path("/gdpr-exports")
@Tag(name = PrivacyDtos.TAG, description = PrivacyDtos.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class GdprExportResource {

  @Inject PrivacyRequests requests;
  @Inject CurrentUser current;
  @Inject AuditLog audit;

  @GET
  @Path("/{id}")
  @Requires(Permission.PRIVACY_MANAGE)
  @Operation(summary = "Progress of an export")
  @APIResponse(
      responseCode = "200",
      description = "Status, steps and counts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "completed", value = PrivacyDtos.EXPORT_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PrivacyDtos.RequestDto get(@PathParam("id") long id) {
    return PrivacyDtos.RequestDto.of(
        requests.get(current.tenant(), PrivacyRequest.Kind.EXPORT, id));
  }

  @GET
  @Path("/{id}/archive")
  @Requires(Permission.PRIVACY_MANAGE)
  @Produces({"application/zip", "application/problem+json"})
  @Operation(
      summary = "Download an export's archive",
      description =
          "A zip of one JSON file per kind of data and a README.txt manifest. 409 while the"
              + " export runs, when it failed, or after the person was erased. Audited.")
  @APIResponse(
      responseCode = "200",
      description = "The zip",
      content =
          @Content(
              mediaType = "application/zip",
              examples =
                  @ExampleObject(
                      name = "files",
                      summary = "Entries of the zip",
                      value =
                          "README.txt, lead.json, messages.json, message_events.json,"
                              + " replies.json, tasks.json, meetings.json, workflow_runs.json,"
                              + " signals.json, history_texts.json, connections.json,"
                              + " graph_edges.json, deals.json, ai_calls.json,"
                              + " suppressions.json")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "Not completed, or erased since")
  public Response archive(@PathParam("id") long id) {
    PrivacyRequest r = requests.get(current.tenant(), PrivacyRequest.Kind.EXPORT, id);
    byte[] zip = requests.archive(current.tenant(), id);
    audit.record(
        current.email(),
        current.tenant().slug(),
        "privacy.export.downloaded",
        "lead " + r.leadId(),
        "request " + id);
    return Response.ok(zip, "application/zip")
        .header(
            "Content-Disposition",
            "attachment; filename=\"lead-" + r.leadId() + "-export-" + id + ".zip\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
