package io.omnireach.app.rest;

import io.omnireach.app.rest.Dtos.MeResponse;
import io.omnireach.app.rest.Dtos.TenantDto;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.user.UserAccount;
import io.omnireach.user.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user. */
@Path("/me")
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Owner", "Reseller", "Admin", "Sales", "Viewer", "Finance", "Member"})
public class MeResource {

  @Inject JsonWebToken jwt;
  @Inject CurrentUser current;
  @Inject UserDirectory users;
  @Inject TenantDirectory tenants;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Who am I", description = "The user, roles and tenant of the token.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "admin",
                      value =
                          "{\"id\":3,\"email\":\"admin@acme.demo\",\"displayName\":\"Ada Admin\","
                              + "\"roles\":[\"Admin\"],\"tenant\":{\"id\":1,\"slug\":\"acme\","
                              + "\"displayName\":\"Acme Demo\",\"status\":\"ACTIVE\","
                              + "\"branding\":{\"logoUrl\":\"/brand/acme.svg\","
                              + "\"primaryColor\":\"#4f46e5\"}}}")))
  @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
  public MeResponse me() {
    UserAccount user =
        users.byId(current.userId()).orElseThrow(() -> DomainException.notFound("User is gone."));
    String slug = jwt.getClaim("tenant");
    TenantDto tenant = slug == null ? null : tenants.bySlug(slug).map(TenantDto::of).orElse(null);
    List<String> roles = current.roles().stream().sorted().toList();
    return new MeResponse(user.id(), user.email(), user.displayName(), roles, tenant);
  }
}
