package io.omnireach.app.rest;

import io.omnireach.channel.ComplianceSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sender details that every email's CAN-SPAM footer carries. Everyone reads; Admins change. */
@Path("/compliance")
@Tag(name = "Compliance", description = "Sender details for the email footer (CAN-SPAM)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

  @Inject ComplianceSettings settings;
  @Inject CurrentUser current;

  /** The tenant's postal address; null until set (emails then say that it is not set). */
  @Schema(name = "Compliance")
  public record ComplianceDto(
      @Schema(example = "Acme Inc.\n1 Main St, Springfield, IL 62701, USA", maxLength = 300)
          String postalAddress) {}

  @GET
  @RolesAllowed({"Admin", "Sales", "Viewer"})
  @Operation(summary = "The postal address shown in email footers")
  @APIResponse(responseCode = "200", description = "OK")
  public ComplianceDto get() {
    return new ComplianceDto(settings.postalAddress(current.tenant()));
  }

  @PUT
  @RolesAllowed("Admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set the postal address shown in email footers",
      description = "At most 300 characters; line breaks are kept. An empty value clears it.")
  @APIResponse(responseCode = "200", description = "Saved")
  @APIResponse(responseCode = "400", description = "Too long or control characters")
  public ComplianceDto put(ComplianceDto body) {
    return new ComplianceDto(
        settings.setPostalAddress(
            current.tenant(), body == null ? null : body.postalAddress(), current.email()));
  }
}
