package io.omnireach.app.rest;

import io.omnireach.app.rest.MarketplaceDtos.DetailDto;
import io.omnireach.app.rest.MarketplaceDtos.PreviewDto;
import io.omnireach.app.rest.MarketplaceDtos.RatingRequest;
import io.omnireach.app.rest.MarketplaceDtos.TrustRequest;
import io.omnireach.app.rest.MarketplaceDtos.TrustedKeyDto;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.BlockCatalogue;
import io.omnireach.marketplace.CatalogueEntry;
import io.omnireach.marketplace.InstallResult;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.marketplace.PublisherKeyring;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The catalogue a workspace sees (built-in blocks, its own published blocks, remote registries):
 * browse, install, update, uninstall, rate, publish.
 */
@Path("/marketplace")
@Tag(
    name = "Marketplace",
    description =
        "Browse, install, update, uninstall and rate blocks; publish a signed block in the"
            + " workspace")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class MarketplaceResource {

  static final String ENTRY_EXAMPLE =
      "{\"id\":\"omnireach.cold-outreach-3-touches\",\"name\":\"Cold outreach, 3 touches\","
          + "\"kind\":\"workflow\",\"version\":\"1.0.0\",\"description\":\"Three-touch cold"
          + " email sequence …\",\"tags\":[\"outreach\",\"email\",\"starter\"],"
          + "\"author\":\"OmniReach\",\"source\":\"builtin\",\"keyId\":\"3f9a0c1be2d47a51\","
          + "\"publisher\":\"verified\",\"rating\":4.5,\"ratingCount\":2,\"installed\":true,"
          + "\"installedVersion\":\"1.0.0\",\"updateAvailable\":false,\"icon\":null,"
          + "\"versions\":[\"1.0.0\"]}";
  private static final String RATING_EXAMPLE =
      "{\"tenant\":\"Acme Demo\",\"stars\":5,\"text\":\"Booked three demos in a week.\","
          + "\"updatedAt\":\"2026-12-06T10:00:00Z\",\"mine\":true}";

  @Inject Marketplace marketplace;
  @Inject PublisherKeyring keys;
  @Inject CurrentUser current;

  @GET
  @Path("/blocks")
  @Requires(Permission.MARKETPLACE_READ)
  @Operation(
      summary = "Search the catalogue",
      description =
          "The newest version of each block this workspace may install, by name. q matches id,"
              + " name, description, author and tags (case-insensitive); kind is workflow,"
              + " persona or policy_set; tag matches one tag. rating is the average over every"
              + " workspace's ratings (null when unrated); installed says whether this workspace"
              + " installed it and updateAvailable whether a newer version exists.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "catalogue", value = "[" + ENTRY_EXAMPLE + "]")))
  public List<CatalogueEntry> list(
      @Parameter(description = "Search text", example = "outreach") @QueryParam("q") String q,
      @Parameter(description = "Block kind", example = "workflow") @QueryParam("kind") String kind,
      @Parameter(description = "A tag", example = "starter") @QueryParam("tag") String tag) {
    return marketplace.catalogue(current.tenant(), q, kind, tag);
  }

  @GET
  @Path("/blocks/{id}")
  @Requires(Permission.MARKETPLACE_READ)
  @Operation(
      summary = "A block's page",
      description = "Its listing, full manifest (description = readme, screenshots) and reviews.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "block",
                      value =
                          "{\"block\":"
                              + ENTRY_EXAMPLE
                              + ",\"manifest\":{\"id\":\"omnireach.cold-outreach-3-touches\","
                              + "\"kind\":\"workflow\",\"license\":\"Apache-2.0\"},"
                              + "\"reviews\":["
                              + RATING_EXAMPLE
                              + "]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DetailDto detail(@Parameter(description = "Block id") @PathParam("id") String id) {
    return DetailDto.of(marketplace.detail(current.tenant(), id));
  }

  @GET
  @Path("/blocks/{id}/plan")
  @Requires(Permission.MARKETPLACE_INSTALL)
  @Operation(
      summary = "What installing a block would do",
      description = "As POST /blocks/plan, for a catalogue block (newest version unless given).")
  @APIResponse(
      responseCode = "200",
      description = "The plan",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "plan", value = BlockResource.PLAN_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "422", description = "The block fails its checks")
  public PreviewDto plan(
      @Parameter(description = "Block id") @PathParam("id") String id,
      @Parameter(description = "A version; default the newest") @QueryParam("version")
          String version) {
    return PreviewDto.of(marketplace.planInstall(current.tenant(), id, version));
  }

  @POST
  @Path("/blocks/{id}/install")
  @Requires(Permission.MARKETPLACE_INSTALL)
  @Operation(
      summary = "Install a block",
      description =
          "Checks the block's hash and signature again, then creates its items in this"
              + " workspace only. 409 when it is installed already.")
  @APIResponse(
      responseCode = "201",
      description = "Installed: what was created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = BlockResource.INSTALLED_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "Already installed")
  @APIResponse(responseCode = "422", description = "The block fails its checks; nothing created")
  public Response install(
      @Parameter(description = "Block id") @PathParam("id") String id,
      @Parameter(description = "A version; default the newest") @QueryParam("version")
          String version) {
    InstallResult r = marketplace.install(current.tenant(), id, version, current.email());
    return Response.status(Response.Status.CREATED).entity(r).build();
  }

  @POST
  @Path("/blocks/{id}/update")
  @Requires(Permission.MARKETPLACE_INSTALL)
  @Operation(
      summary = "Update an installed block to its newest version",
      description =
          "A persona is changed in place (workflows using it keep working); a workflow or policy"
              + " set is installed anew and the old items archived or removed after.")
  @APIResponse(
      responseCode = "200",
      description = "Updated: the items of the new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "updated", value = BlockResource.INSTALLED_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "Not installed")
  @APIResponse(responseCode = "409", description = "Already the newest version")
  public InstallResult update(@Parameter(description = "Block id") @PathParam("id") String id) {
    return marketplace.update(current.tenant(), id, current.email());
  }

  @DELETE
  @Path("/blocks/{id}/install")
  @Requires(Permission.MARKETPLACE_INSTALL)
  @Operation(
      summary = "Uninstall a block",
      description =
          "Removes the personas and policies it created and archives its workflows (their run"
              + " history stays). Items already deleted by hand are skipped.")
  @APIResponse(responseCode = "204", description = "Uninstalled")
  @APIResponse(responseCode = "404", description = "Not installed")
  public Response uninstall(@Parameter(description = "Block id") @PathParam("id") String id) {
    marketplace.uninstall(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/blocks/{id}/ratings")
  @Requires(Permission.MARKETPLACE_INSTALL)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rate a block",
      description =
          "stars 1–5 and an optional review text (at most 2000 characters). One rating per"
              + " workspace and block: rating again replaces it. Reviews show the workspace's"
              + " name to every workspace that sees the block.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "five stars",
                      value = "{\"stars\":5,\"text\":\"Booked three demos in a week.\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The workspace's rating",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "rating", value = RATING_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "stars missing or outside 1–5, text too long",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "stars",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"stars must be a whole number from 1 to 5.\","
                              + "\"field\":\"stars\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public BlockCatalogue.Review rate(
      @Parameter(description = "Block id") @PathParam("id") String id, RatingRequest body) {
    if (body == null) {
      throw DomainException.invalid("stars", "Send {\"stars\":1-5,\"text\":\"…\"}.");
    }
    return marketplace.rate(current.tenant(), id, body.stars(), body.text(), current.email());
  }

  @POST
  @Path("/blocks")
  @Requires(Permission.MARKETPLACE_PUBLISH)
  @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Publish a signed block in this workspace's catalogue",
      description =
          "The block file as the body. It must be signed (422 otherwise) and its version new"
              + " (409 when that version exists; a block id belongs to its first publisher)."
              + " public=true also lists it in this instance's registry index"
              + " (/registry/index.json), which other OmniReach instances can add.")
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
              examples = @ExampleObject(name = "published", value = ENTRY_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Not a block file")
  @APIResponse(responseCode = "409", description = "Version exists, or the id is another's")
  @APIResponse(responseCode = "422", description = "Tampered or unsigned")
  public Response publish(
      @Parameter(description = "List it in the public registry index") @QueryParam("public")
          boolean listed,
      String file) {
    CatalogueEntry e =
        marketplace.publish(current.tenant(), BlockResource.bytes(file), listed, current.email());
    return Response.status(Response.Status.CREATED).entity(e).build();
  }

  @GET
  @Path("/trusted-keys")
  @Requires(Permission.MARKETPLACE_READ)
  @Operation(
      summary = "Publisher keys this workspace trusts",
      description =
          "Besides these, the instance's key and the workspace's own key are always trusted."
              + " global marks keys the platform Owner trusts for everyone.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "keys",
                      value =
                          "[{\"id\":1,\"keyId\":\"77c1d0a9e3b2f415\",\"name\":\"Globex"
                              + " Labs\",\"global\":false}]")))
  public List<TrustedKeyDto> trustedKeys() {
    return keys.trustedKeys(current.tenant()).stream().map(TrustedKeyDto::of).toList();
  }

  @POST
  @Path("/trusted-keys")
  @Requires(Permission.MARKETPLACE_PUBLISH)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Trust a publisher key",
      description = "Blocks signed with it then show as \"verified\" in this workspace.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "key",
                      value =
                          "{\"name\":\"Globex Labs\",\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\n"
                              + "MCowBQYDK2VwAyEA…\\n-----END PUBLIC KEY-----\\n\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Trusted",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "key",
                      value =
                          "{\"id\":1,\"keyId\":\"77c1d0a9e3b2f415\",\"name\":\"Globex Labs\","
                              + "\"global\":false}")))
  @APIResponse(responseCode = "400", description = "Not an Ed25519 public key, or no name")
  public Response trust(TrustRequest body) {
    if (body == null) {
      throw DomainException.invalid("publicKey", "Send {\"name\",\"publicKey\"}.");
    }
    PublisherKeyring.TrustedKey k =
        keys.trust(current.tenant(), body.publicKey(), body.name(), current.email());
    return Response.status(Response.Status.CREATED).entity(TrustedKeyDto.of(k)).build();
  }
}
