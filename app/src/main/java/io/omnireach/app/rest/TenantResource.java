package io.omnireach.app.rest;

import io.omnireach.app.rest.Dtos.CreateTenantRequest;
import io.omnireach.app.rest.Dtos.TenantDto;
import io.omnireach.common.DomainException;
import io.omnireach.provisioning.NewTenant;
import io.omnireach.provisioning.TenantProvisioning;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenant lifecycle for the operator. A Reseller sees and changes only its own tenants. */
@Path("/tenants")
@Tag(name = "Tenants")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Owner", "Reseller"})
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  private static final String TENANT_EXAMPLE =
      "{\"id\":3,\"slug\":\"initech\",\"displayName\":\"Initech\",\"status\":\"ACTIVE\","
          + "\"resellerId\":1,\"branding\":{\"logoUrl\":null,\"primaryColor\":\"#0369a1\"},"
          + "\"createdAt\":\"2026-11-25T10:00:00Z\"}";

  @Inject TenantDirectory tenants;
  @Inject TenantProvisioning provisioning;
  @Inject CurrentUser current;

  @GET
  @Operation(summary = "List tenants", description = "All tenants (Owner) or the reseller's own.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "tenants", value = "[" + TENANT_EXAMPLE + "]")))
  public List<TenantDto> list() {
    return tenants.list(scope()).stream().map(TenantDto::of).toList();
  }

  @GET
  @Path("/{slug}")
  @Operation(summary = "Get a tenant")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "tenant", value = TENANT_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public TenantDto get(@PathParam("slug") String slug) {
    return TenantDto.of(visible(slug));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a tenant",
      description =
          "Creates the tenant_<slug> schema, migrates it, and creates the first admin user.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "new tenant",
                      value =
                          "{\"slug\":\"initech\",\"displayName\":\"Initech\","
                              + "\"primaryColor\":\"#0369a1\",\"adminEmail\":\"bill@initech.example\","
                              + "\"adminName\":\"Bill Lumbergh\","
                              + "\"adminPassword\":\"a-long-secret-passphrase\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = TENANT_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid slug, colour, logo URL or admin")
  @APIResponse(responseCode = "409", description = "Slug or admin email already taken")
  public Response create(CreateTenantRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "A JSON body is required.");
    }
    if (body.adminEmail() == null || body.adminEmail().isBlank()) {
      throw DomainException.invalid("adminEmail", "The first admin's email is required.");
    }
    Long reseller = current.hasRole("Owner") ? body.resellerId() : current.resellerId();
    Tenant created =
        provisioning.create(
            new NewTenant(
                body.slug(),
                body.displayName(),
                body.logoUrl(),
                body.primaryColor(),
                reseller,
                body.adminEmail(),
                body.adminName(),
                body.adminPassword()),
            current.email());
    return Response.created(URI.create("tenants/" + created.slug()))
        .entity(TenantDto.of(created))
        .build();
  }

  @POST
  @Path("/{slug}/suspend")
  @Operation(summary = "Suspend a tenant", description = "Its users can no longer sign in.")
  @APIResponse(responseCode = "200", description = "The suspended tenant")
  public TenantDto suspend(@PathParam("slug") String slug) {
    visible(slug);
    return TenantDto.of(provisioning.suspend(slug, current.email()));
  }

  @POST
  @Path("/{slug}/resume")
  @Operation(summary = "Resume a suspended tenant")
  @APIResponse(responseCode = "200", description = "The active tenant")
  public TenantDto resume(@PathParam("slug") String slug) {
    visible(slug);
    return TenantDto.of(provisioning.resume(slug, current.email()));
  }

  @DELETE
  @Path("/{slug}")
  @Operation(
      summary = "Delete a tenant",
      description = "Drops its schema and memberships; an audit entry is kept.")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("slug") String slug) {
    visible(slug);
    provisioning.delete(slug, current.email());
    return Response.noContent().build();
  }

  /** Null for the Owner (all tenants), the reseller id for a Reseller. */
  private Long scope() {
    if (current.hasRole("Owner")) {
      return null;
    }
    Long resellerId = current.resellerId();
    if (resellerId == null) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "This account is not linked to a reseller.");
    }
    return resellerId;
  }

  private Tenant visible(String slug) {
    Tenant tenant = provisioning.require(slug);
    Long scope = scope();
    if (scope != null && !Objects.equals(scope, tenant.resellerId())) {
      throw DomainException.notFound("No tenant '" + slug + "'.");
    }
    return tenant;
  }
}
