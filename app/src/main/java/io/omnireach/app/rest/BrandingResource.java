package io.omnireach.app.rest;

import io.omnireach.app.rest.BrandDtos.BrandDto;
import io.omnireach.app.rest.BrandDtos.BrandingDto;
import io.omnireach.brand.BrandField;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.Brands;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in tenant's branding: what it shows and, for an Admin, its overrides within the fields
 * its reseller allows.
 */
@Path("/branding")
@Tag(name = "Branding", description = "Tenant: the effective white-label brand and overrides")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class BrandingResource {

  private static final String BRANDING_EXAMPLE =
      "{\"brand\":{\"productName\":\"Northwind Reach\",\"logoUrl\":\"/brand/initech.svg\","
          + "\"faviconUrl\":null,\"primaryColor\":\"#7f1d1d\",\"accentColor\":\"#0f766e\","
          + "\"supportEmail\":\"support@northwind.example\",\"supportUrl\":null},"
          + "\"sources\":{\"productName\":\"RESELLER\",\"logoUrl\":\"TENANT\","
          + "\"faviconUrl\":\"PLATFORM\",\"primaryColor\":\"TENANT\",\"accentColor\":\"PLATFORM\","
          + "\"supportEmail\":\"RESELLER\",\"supportUrl\":\"PLATFORM\"},"
          + "\"overrides\":{\"productName\":null,\"logoUrl\":\"/brand/initech.svg\","
          + "\"faviconUrl\":null,\"primaryColor\":\"#7f1d1d\",\"accentColor\":null,"
          + "\"supportEmail\":null,\"supportUrl\":null},"
          + "\"overridable\":[\"logoUrl\",\"primaryColor\"],"
          + "\"locked\":[\"productName\",\"faviconUrl\",\"accentColor\",\"supportEmail\","
          + "\"supportUrl\"],\"showPoweredBy\":true}";

  private static final String LOCKED_PROBLEM =
      "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
          + "\"detail\":\"The reseller does not let tenants change 'productName'; it can be"
          + " changed in the reseller's brand, or the reseller can allow it.\","
          + "\"field\":\"productName\"}";

  @Inject Brands brands;
  @Inject BrandResolver resolver;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.SETTINGS_READ)
  @Operation(
      summary = "The tenant's branding",
      description =
          "The effective brand (platform default, then the reseller's brand, then the tenant's"
              + " allowed overrides), where each field comes from, the tenant's own overrides and"
              + " which fields it may override.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "branding", value = BRANDING_EXAMPLE)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public BrandingDto get() {
    return view(current.tenant());
  }

  @PUT
  @Requires(Permission.SETTINGS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the tenant's overrides",
      description =
          "The body is the overrides: a null field inherits. Changing a field the reseller locks"
              + " is refused with 403 naming the field (sending a locked field unchanged is fine,"
              + " so GET, edit overrides, PUT works).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "overrides",
                      value =
                          "{\"logoUrl\":\"https://cdn.initech.example/logo.png\","
                              + "\"primaryColor\":\"#7f1d1d\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The branding after the change",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "branding", value = BRANDING_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A value breaks the rules (e.g. colour contrast, URL)")
  @APIResponse(
      responseCode = "403",
      description = "A field the reseller locks, or not an Admin",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "locked field", value = LOCKED_PROBLEM)))
  public BrandingDto put(BrandDto body) {
    if (body == null) {
      throw DomainException.invalid(null, "A JSON body is required.");
    }
    TenantRef tenant = current.tenant();
    brands.replaceTenantOverrides(tenant.id(), body.toBrand(), current.email());
    return view(tenant);
  }

  @PUT
  @Path("/logo")
  @Requires(Permission.SETTINGS_MANAGE)
  @Consumes({
    "image/png",
    "image/jpeg",
    "image/webp",
    "image/x-icon",
    "image/vnd.microsoft.icon",
    "image/svg+xml",
    "application/octet-stream"
  })
  @Operation(
      summary = "Upload the tenant's logo",
      description =
          "When the reseller lets tenants override the logo. The body is the image (PNG, JPEG,"
              + " WebP, ICO or sanitised SVG, at most 512 KB).")
  @APIResponse(
      responseCode = "200",
      description = "The branding with the new logoUrl",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "branding", value = BRANDING_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Not an accepted image, or an unsafe SVG")
  @APIResponse(
      responseCode = "403",
      description = "The reseller locks the logo, or not an Admin",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "locked field", value = LOCKED_PROBLEM)))
  @APIResponse(responseCode = "413", description = "Larger than 512 KB")
  public BrandingDto uploadLogo(InputStream body) {
    return upload(BrandField.LOGO, body);
  }

  @PUT
  @Path("/favicon")
  @Requires(Permission.SETTINGS_MANAGE)
  @Consumes({
    "image/png",
    "image/jpeg",
    "image/webp",
    "image/x-icon",
    "image/vnd.microsoft.icon",
    "image/svg+xml",
    "application/octet-stream"
  })
  @Operation(
      summary = "Upload the tenant's favicon",
      description = "As the logo, at most 128 KB, when the reseller allows it.")
  @APIResponse(
      responseCode = "200",
      description = "The branding with the new faviconUrl",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "branding", value = BRANDING_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Not an accepted image, or an unsafe SVG")
  @APIResponse(responseCode = "403", description = "The reseller locks the favicon")
  @APIResponse(responseCode = "413", description = "Larger than 128 KB")
  public BrandingDto uploadFavicon(InputStream body) {
    return upload(BrandField.FAVICON, body);
  }

  private BrandingDto upload(BrandField field, InputStream body) {
    TenantRef tenant = current.tenant();
    brands.uploadTenantImage(tenant.id(), field, Uploads.image(field, body), current.email());
    return view(tenant);
  }

  private BrandingDto view(TenantRef tenant) {
    return BrandingDto.of(resolver.forTenant(tenant.id()), brands.tenantOverrides(tenant.id()));
  }
}
