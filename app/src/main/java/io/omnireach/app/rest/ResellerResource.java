package io.omnireach.app.rest;

import io.omnireach.app.rest.BrandDtos.CreateResellerRequest;
import io.omnireach.app.rest.BrandDtos.ResellerDto;
import io.omnireach.app.rest.BrandDtos.UpdateResellerRequest;
import io.omnireach.auth.Sessions;
import io.omnireach.brand.BrandField;
import io.omnireach.brand.BrandRules;
import io.omnireach.brand.Brands;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.provisioning.NewReseller;
import io.omnireach.provisioning.Resellers;
import io.omnireach.reseller.Reseller;
import io.omnireach.reseller.ResellerDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
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

/**
 * Resellers for the Owner: create, list, suspend, resume, plan and brand. A Reseller reads its own
 * reseller and changes its own brand; any other reseller's id is a 404 for it.
 */
@Path("/resellers")
@Tag(name = "Resellers", description = "Operator: resellers and their white-label brand")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Owner", "Reseller"})
@Produces(MediaType.APPLICATION_JSON)
public class ResellerResource {

  static final String RESELLER_EXAMPLE =
      "{\"id\":2,\"slug\":\"northwind\",\"name\":\"Northwind Partners\",\"status\":\"ACTIVE\","
          + "\"wholesalePlan\":\"WHITE_LABEL\",\"createdAt\":\"2026-12-01T09:00:00Z\","
          + "\"brand\":{\"productName\":\"Northwind Reach\",\"logoUrl\":\"/brand-assets/"
          + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.png\","
          + "\"faviconUrl\":null,\"primaryColor\":\"#1e3a8a\",\"accentColor\":\"#0f766e\","
          + "\"supportEmail\":\"support@northwind.example\","
          + "\"supportUrl\":\"https://help.northwind.example\"},\"showPoweredBy\":false,"
          + "\"tenantOverridable\":[\"logoUrl\",\"primaryColor\"]}";

  private static final String BAD_COLOUR =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"Primary colour #38bdf8 is too light: white text on it has a contrast"
          + " ratio of 2.14:1, WCAG AA needs at least 4.5:1. Choose a darker shade.\","
          + "\"field\":\"primaryColor\"}";

  @Inject ResellerDirectory directory;
  @Inject Resellers resellers;
  @Inject Brands brands;
  @Inject CurrentUser current;
  @Inject Sessions sessions;
  @Inject Marketplace marketplace;

  private static final String RESELLER_BLOCK_EXAMPLE =
      "{\"id\":\"northwind.friendly-closer\",\"name\":\"Friendly closer\",\"kind\":"
          + "\"persona\",\"version\":\"1.1.0\",\"description\":\"Warm, brief, always proposes"
          + " a next step.\",\"author\":\"Northwind Partners\",\"keyId\":\"77c1d0a9e3b2f415\","
          + "\"versions\":[\"1.1.0\",\"1.0.0\"],\"publishedAt\":\"2026-12-06T10:00:00Z\","
          + "\"publishedBy\":\"rex@northwind.example\"}";

  @GET
  @Path("/{id}/blocks")
  @Operation(
      summary = "Blocks the reseller published for its tenants",
      description =
          "The Owner any reseller's, a Reseller its own; one entry per block (newest version,"
              + " all versions in versions).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "blocks", value = "[" + RESELLER_BLOCK_EXAMPLE + "]")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public List<Marketplace.ResellerBlock> blocks(@PathParam("id") long id) {
    return marketplace.resellerBlocks(visible(id).id());
  }

  @POST
  @Path("/{id}/blocks")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Publish a block for the reseller's tenants",
      description =
          "The signed block file as the body. Every tenant of this reseller then sees it in its"
              + " marketplace with source \"reseller\"; tenants of other resellers do not. It must"
              + " be signed (422 otherwise), compatible with this server and its version new (409"
              + " when that version exists; a block id belongs to its first publisher).")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "block", value = BlockResource.BLOCK_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Published",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "published", value = RESELLER_BLOCK_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Not a block file",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "not a block",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"Send the block file as the request body.\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "Version exists, or the id is another's")
  @APIResponse(responseCode = "422", description = "Tampered, unsigned or incompatible")
  public Response publishBlock(@PathParam("id") long id, String file) {
    Marketplace.ResellerBlock b =
        marketplace.publishForReseller(
            visible(id).id(), BlockResource.bytes(file), current.email());
    return Response.status(Response.Status.CREATED).entity(b).build();
  }

  @GET
  @RolesAllowed("Owner")
  @Operation(summary = "List resellers", description = "Owner only.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "resellers", value = "[" + RESELLER_EXAMPLE + "]")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public List<ResellerDto> list() {
    return directory.list().stream().map(this::dto).toList();
  }

  @POST
  @RolesAllowed("Owner")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a reseller",
      description =
          "Owner only. Creates the reseller, its brand and its first user (Reseller role) in one"
              + " step; nothing is stored when any part is refused.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "new reseller",
                      value =
                          "{\"slug\":\"northwind\",\"name\":\"Northwind Partners\","
                              + "\"wholesalePlan\":\"WHITE_LABEL\",\"brand\":{\"productName\":"
                              + "\"Northwind Reach\",\"primaryColor\":\"#1e3a8a\"},"
                              + "\"showPoweredBy\":false,\"tenantOverridable\":[\"logoUrl\"],"
                              + "\"userEmail\":\"rex@northwind.example\",\"userName\":"
                              + "\"Rex Partner\",\"userPassword\":\"a-long-secret-passphrase\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = RESELLER_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid slug, plan, brand (e.g. a colour too light for white text) or user",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "light colour", value = BAD_COLOUR)))
  @APIResponse(responseCode = "409", description = "Slug or user email already taken")
  public Response create(CreateResellerRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "A JSON body is required.");
    }
    Reseller created =
        resellers.create(
            new NewReseller(
                body.slug(),
                body.name(),
                body.wholesalePlan(),
                body.brand() == null ? null : body.brand().toBrand(),
                BrandDtos.policy(body.showPoweredBy(), body.tenantOverridable()),
                body.userEmail(),
                body.userName(),
                body.userPassword()),
            current.email());
    return Response.created(URI.create("resellers/" + created.id())).entity(dto(created)).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Get a reseller", description = "The Owner any, a Reseller its own.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "reseller", value = RESELLER_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ResellerDto get(@PathParam("id") long id) {
    return dto(visible(id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a reseller",
      description =
          "Null fields are left as they are; in brand, an empty string clears a field. The Owner"
              + " may change everything; a Reseller only its own brand and which fields its"
              + " tenants may override (403 for name, wholesalePlan or showPoweredBy).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "rebrand",
                      value =
                          "{\"brand\":{\"accentColor\":\"#7c2d12\",\"supportUrl\":\"\"},"
                              + "\"tenantOverridable\":[\"logoUrl\",\"primaryColor\","
                              + "\"supportEmail\"]}")))
  @APIResponse(
      responseCode = "200",
      description = "The changed reseller",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "reseller", value = RESELLER_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A brand field breaks the rules",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "light colour", value = BAD_COLOUR)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ResellerDto update(@PathParam("id") long id, UpdateResellerRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "A JSON body is required.");
    }
    visible(id);
    boolean owner = current.hasRole("Owner");
    if (!owner
        && (body.name() != null || body.wholesalePlan() != null || body.showPoweredBy() != null)) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          body.showPoweredBy() != null
              ? "showPoweredBy"
              : body.wholesalePlan() != null ? "wholesalePlan" : "name",
          "Only the platform Owner changes a reseller's name, wholesale plan or 'Powered by'.");
    }
    // check everything before changing anything, so a refusal changes nothing
    var overridable = BrandDtos.fields(body.tenantOverridable());
    if (body.brand() != null) {
      BrandRules.validate(body.brand().toBrand());
    }
    Resellers.checkName(body.name());
    Resellers.checkPlan(body.wholesalePlan());
    if (body.brand() != null) {
      brands.updateReseller(id, body.brand().toBrand(), current.email());
    }
    if (overridable != null || body.showPoweredBy() != null) {
      brands.updatePolicy(id, body.showPoweredBy(), overridable, current.email());
    }
    if (body.name() != null || body.wholesalePlan() != null) {
      resellers.update(id, body.name(), body.wholesalePlan(), current.email());
    }
    return dto(directory.require(id));
  }

  @POST
  @Path("/{id}/suspend")
  @RolesAllowed("Owner")
  @Operation(
      summary = "Suspend a reseller",
      description = "Owner only. Its users and its tenants' users can no longer sign in.")
  @APIResponse(
      responseCode = "200",
      description = "The suspended reseller",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "suspended",
                      value =
                          "{\"id\":2,\"slug\":\"northwind\",\"status\":\"SUSPENDED\","
                              + "\"note\":\"other fields as in GET\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ResellerDto suspend(@PathParam("id") long id) {
    visible(id);
    ResellerDto suspended = dto(resellers.suspend(id, current.email()));
    sessions.everythingChanged(); // its users' and its tenants' tokens fail from the next request
    return suspended;
  }

  @POST
  @Path("/{id}/resume")
  @RolesAllowed("Owner")
  @Operation(summary = "Resume a suspended reseller", description = "Owner only.")
  @APIResponse(
      responseCode = "200",
      description = "The active reseller",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "active", value = RESELLER_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ResellerDto resume(@PathParam("id") long id) {
    visible(id);
    ResellerDto resumed = dto(resellers.resume(id, current.email()));
    sessions.everythingChanged();
    return resumed;
  }

  @PUT
  @Path("/{id}/logo")
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
      summary = "Upload the reseller's logo",
      description =
          "The body is the image itself: PNG, JPEG, WebP, ICO or SVG (recognised by its bytes) of"
              + " at most 512 KB. SVG is sanitised; one with scripts, event handlers,"
              + " foreignObject, a DOCTYPE or external references is refused. The logo is served"
              + " at a content-hashed URL (brand.logoUrl) with a one-year cache.")
  @APIResponse(
      responseCode = "200",
      description = "The reseller with its new logoUrl",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "reseller", value = RESELLER_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Not an accepted image, or an unsafe SVG",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "unsafe svg",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"This SVG is refused because it contains a"
                              + " <script> element.\",\"field\":\"logoUrl\"}")))
  @APIResponse(responseCode = "413", description = "Larger than 512 KB")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ResellerDto uploadLogo(@PathParam("id") long id, InputStream body) {
    return upload(id, BrandField.LOGO, body);
  }

  @PUT
  @Path("/{id}/favicon")
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
      summary = "Upload the reseller's favicon",
      description = "As the logo, at most 128 KB; ICO or PNG are usual.")
  @APIResponse(
      responseCode = "200",
      description = "The reseller with its new faviconUrl",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "reseller", value = RESELLER_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Not an accepted image, or an unsafe SVG")
  @APIResponse(responseCode = "413", description = "Larger than 128 KB")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ResellerDto uploadFavicon(@PathParam("id") long id, InputStream body) {
    return upload(id, BrandField.FAVICON, body);
  }

  private ResellerDto upload(long id, BrandField field, InputStream body) {
    visible(id);
    brands.uploadResellerImage(id, field, Uploads.image(field, body), current.email());
    return dto(directory.require(id));
  }

  /** The Owner sees every reseller, a Reseller only its own (others are 404, not 403). */
  private Reseller visible(long id) {
    if (!current.hasRole("Owner") && !Objects.equals(current.resellerId(), id)) {
      throw DomainException.notFound("No reseller " + id + ".");
    }
    return directory.require(id);
  }

  private ResellerDto dto(Reseller r) {
    return ResellerDto.of(r, brands.reseller(r.id()));
  }
}
