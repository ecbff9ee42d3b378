package io.omnireach.app.rest;

import io.omnireach.app.rest.BrandDtos.TenantOverviewDto;
import io.omnireach.app.rest.BrandDtos.UpdateTenantRequest;
import io.omnireach.app.rest.Dtos.CreateTenantRequest;
import io.omnireach.app.rest.Dtos.TenantDto;
import io.omnireach.billing.Plan;
import io.omnireach.brand.Brands;
import io.omnireach.common.DomainException;
import io.omnireach.provisioning.NewTenant;
import io.omnireach.provisioning.TenantProvisioning;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantOverview;
import io.omnireach.tenant.TenantOverviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

  private static final String OVERVIEW_EXAMPLE =
      "{\"id\":3,\"slug\":\"initech\",\"displayName\":\"Initech\",\"status\":\"ACTIVE\","
          + "\"resellerId\":1,\"branding\":{\"logoUrl\":null,\"primaryColor\":\"#0369a1\"},"
          + "\"createdAt\":\"2026-11-25T10:00:00Z\",\"plan\":\"TEAM\",\"seatsUsed\":7,"
          + "\"seatLimit\":25,\"lastActivityAt\":\"2026-12-04T16:12:00Z\","
          + "\"emailsSentThisMonth\":1234}";

  private static final String TENANT_EXAMPLE =
      "{\"id\":3,\"slug\":\"initech\",\"displayName\":\"Initech\",\"status\":\"ACTIVE\","
          + "\"resellerId\":1,\"branding\":{\"logoUrl\":null,\"primaryColor\":\"#0369a1\"},"
          + "\"createdAt\":\"2026-11-25T10:00:00Z\"}";

  @Inject TenantDirectory tenants;
  @Inject TenantProvisioning provisioning;
  @Inject CurrentUser current;
  @Inject TenantOverviews overviews;
  @Inject Brands brands;

  @GET
  @Operation(
      summary = "List tenants",
      description =
          "All tenants (Owner) or the reseller's own, each with its plan, seats used (members and"
              + " open invitations), last sign-in of any member and the emails its outbox sent"
              + " this calendar month (UTC).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "tenants", value = "[" + OVERVIEW_EXAMPLE + "]")))
  public List<TenantOverviewDto> list() {
    return overviews.list(scope()).stream().map(TenantResource::overview).toList();
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
              examples = @ExampleObject(name = "tenant", value = OVERVIEW_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public TenantOverviewDto get(@PathParam("slug") String slug) {
    return overview(overviews.of(visible(slug)));
  }

  @PATCH
  @Path("/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a tenant",
      description =
          "Display name, plan and brand overrides; null fields are left as they are, and in"
              + " branding an empty string clears a field (back to the reseller's). The Owner or"
              + " the tenant's own reseller; fields the reseller locks for tenants are refused"
              + " (403).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "upgrade and rebrand",
                      value =
                          "{\"plan\":\"SCALE\",\"branding\":{\"primaryColor\":\"#7f1d1d\","
                              + "\"logoUrl\":\"\"}}")))
  @APIResponse(
      responseCode = "200",
      description = "The changed tenant",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "tenant", value = OVERVIEW_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Unknown plan, or a brand value breaks the rules")
  @APIResponse(responseCode = "403", description = "A brand field the reseller locks")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public TenantOverviewDto patch(@PathParam("slug") String slug, UpdateTenantRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "A JSON body is required.");
    }
    Tenant tenant = visible(slug);
    // check what can be checked first, so a refusal leaves the tenant as it was
    Plan plan = body.plan() == null ? null : plan(body.plan());
    if (body.displayName() != null) {
      TenantProvisioning.displayName(body.displayName());
    }
    if (body.branding() != null) {
      brands.updateTenant(tenant.id(), body.branding().toBrand(), current.email());
    }
    if (plan != null) {
      provisioning.changePlan(slug, plan.name(), current.email());
    }
    if (body.displayName() != null) {
      provisioning.rename(slug, body.displayName(), current.email());
    }
    return overview(overviews.of(provisioning.require(slug)));
  }

  private static Plan plan(String code) {
    try {
      return Plan.valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "plan",
          "Plan must be one of " + Arrays.toString(Plan.values()) + ", got '" + code + "'.");
    }
  }

  private static TenantOverviewDto overview(TenantOverview o) {
    Integer limit = null;
    try {
      limit = o.plan() == null ? null : Plan.valueOf(o.plan()).seats();
    } catch (IllegalArgumentException e) {
      // a plan code billing does not know (yet): no limit to show
    }
    return TenantOverviewDto.of(o, limit);
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
