package io.omnireach.app.rest;

import io.omnireach.app.rest.MarketplaceDtos.InstalledDto;
import io.omnireach.app.rest.MarketplaceDtos.PreviewDto;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.InstallResult;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Block files: check, plan and import one into the caller's tenant. */
@Path("/blocks")
@Tag(
    name = "Blocks",
    description =
        "Signed block files (workflow, persona, policy set): plan and import. See also"
            + " Marketplace.")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class BlockResource {

  static final String BLOCK_EXAMPLE =
      "{\"format\":\"omnireach-block/1\",\"manifest\":{\"id\":\"acme.persona-enterprise-ae\","
          + "\"kind\":\"persona\",\"name\":\"Enterprise AE\",\"version\":\"1.0.0\","
          + "\"author\":\"Acme Demo\",\"license\":\"UNLICENSED\",\"description\":\"Enterprise"
          + " Account Executive persona.\",\"tags\":[\"Logistics\"],\"screenshots\":[],"
          + "\"requires\":{\"nodeTypes\":[],\"channels\":[]},\"compatibility\":\">=0.1.0\"},"
          + "\"content\":{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"Enterprise AE\","
          + "\"voice\":{\"formality\":10,\"detail\":85,\"warmth\":50}},"
          + "\"hash\":\"sha256:9f2c…\",\"signature\":{\"algorithm\":\"Ed25519\","
          + "\"publicKey\":\"MCowBQYDK2VwAyEA…\",\"value\":\"k3J…\"}}";
  static final String PLAN_EXAMPLE =
      "{\"manifest\":{\"id\":\"omnireach.cold-outreach-3-touches\",\"kind\":\"workflow\","
          + "\"name\":\"Cold outreach, 3 touches\",\"version\":\"1.0.0\"},"
          + "\"verification\":\"VALID\",\"keyId\":\"3f9a0c1be2d47a51\","
          + "\"publisher\":\"verified\",\"plan\":{\"creates\":[\"workflow \\\"Cold outreach, 3"
          + " touches\\\" (a draft of 15 steps)\"],\"needs\":[\"an SMS channel (Settings →"
          + " SMS)\"],\"mappings\":[{\"type\":\"persona\",\"name\":\"Friendly SDR\","
          + "\"mappedTo\":4}]},\"installedVersion\":null}";
  static final String INSTALLED_EXAMPLE =
      "{\"blockId\":\"omnireach.persona-friendly-sdr\",\"version\":\"1.0.0\","
          + "\"kind\":\"persona\",\"name\":\"Friendly SDR\","
          + "\"created\":[{\"type\":\"persona\",\"id\":9,\"name\":\"Friendly SDR (2)\"}]}";
  static final String TAMPERED_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
          + "\"detail\":\"the block's content does not match its hash (changed after it was"
          + " packed)\",\"field\":\"hash\"}";
  static final String UNSIGNED_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
          + "\"detail\":\"The block is not signed. Sign it (omnireach-cli blocks sign), or import"
          + " it with allowUnsigned=true as an Admin if you trust where it came from.\","
          + "\"field\":\"signature\"}";

  @Inject Marketplace marketplace;
  @Inject CurrentUser current;

  @POST
  @Path("/plan")
  @Requires(Permission.MARKETPLACE_INSTALL)
  @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Check a block file and show what importing it would do",
      description =
          "Checks format, hash, signature and compatibility, then returns what the block would"
              + " create, what this workspace lacks for it (needs) and how its persona and"
              + " mailbox references map here. Writes nothing. publisher is verified (a key this"
              + " workspace trusts), unknown key, or unsigned.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "block", value = BLOCK_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "The plan",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Not a block file (detail says which field)")
  @APIResponse(
      responseCode = "422",
      description =
          "Tampered (hash or signature), unsigned without allowUnsigned, incompatible, or a kind"
              + " this server does not install",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = {
                @ExampleObject(name = "tampered", value = TAMPERED_EXAMPLE),
                @ExampleObject(name = "unsigned", value = UNSIGNED_EXAMPLE)
              }))
  public PreviewDto plan(
      @Parameter(description = "Admin only: accept a block without a signature")
          @QueryParam("allowUnsigned")
          boolean allowUnsigned,
      String file) {
    return PreviewDto.of(
        marketplace.preview(current.tenant(), bytes(file), unsigned(allowUnsigned)));
  }

  @POST
  @Path("/import")
  @Requires(Permission.MARKETPLACE_INSTALL)
  @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Import a block file",
      description =
          "Checks the block as POST /blocks/plan does and creates what it holds in this"
              + " workspace (a workflow draft, a persona, policies). A tampered block is refused"
              + " with 422 and nothing is created. An unsigned block is refused (422) unless an"
              + " Admin sends allowUnsigned=true. dryRun=true answers the plan (200) instead."
              + " A block already installed is 409: update or uninstall it in the marketplace.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "block", value = BLOCK_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Imported: what was created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = INSTALLED_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "dryRun=true: the plan",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Not a block file, or invalid content")
  @APIResponse(responseCode = "409", description = "This block is already installed")
  @APIResponse(
      responseCode = "422",
      description = "Tampered, unsigned, incompatible or an unsupported kind; nothing created",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = {
                @ExampleObject(name = "tampered", value = TAMPERED_EXAMPLE),
                @ExampleObject(name = "unsigned", value = UNSIGNED_EXAMPLE)
              }))
  public Response importBlock(
      @Parameter(description = "Only plan, create nothing") @QueryParam("dryRun") boolean dryRun,
      @Parameter(description = "Admin only: accept a block without a signature")
          @QueryParam("allowUnsigned")
          boolean allowUnsigned,
      String file) {
    if (dryRun) {
      return Response.ok(plan(allowUnsigned, file)).build();
    }
    InstallResult r =
        marketplace.importFile(
            current.tenant(), bytes(file), unsigned(allowUnsigned), current.email());
    return Response.status(Response.Status.CREATED).entity(r).build();
  }

  @GET
  @Path("/installed")
  @Requires(Permission.MARKETPLACE_READ)
  @Operation(
      summary = "Blocks installed in this workspace",
      description =
          "Newest first, with the items each created (what uninstall removes), the catalogue's"
              + " newest version (latestVersion, null when the catalogue no longer offers it) and"
              + " updateAvailable when that is newer than the installed version.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "installed",
                      value =
                          "[{\"blockId\":\"omnireach.persona-friendly-sdr\",\"version\":\"1.0.0\","
                              + "\"kind\":\"persona\",\"name\":\"Friendly SDR\",\"source\":"
                              + "\"builtin\",\"keyId\":\"3f9a0c1be2d47a51\",\"created\":"
                              + "[{\"type\":\"persona\",\"id\":9,\"name\":\"Friendly SDR (2)\"}],"
                              + "\"installedBy\":\"admin@acme.demo\","
                              + "\"installedAt\":\"2026-12-06T10:00:00Z\","
                              + "\"latestVersion\":\"1.1.0\",\"updateAvailable\":true}]")))
  public List<InstalledDto> installed() {
    var tenant = current.tenant();
    java.util.Map<String, String> latest = new java.util.HashMap<>();
    marketplace.catalogue(tenant, null, null, null).forEach(e -> latest.put(e.id(), e.version()));
    return marketplace.installed(tenant).stream()
        .map(i -> InstalledDto.of(i, latest.get(i.blockId())))
        .toList();
  }

  private boolean unsigned(boolean allowUnsigned) {
    if (allowUnsigned && !current.hasRole("Admin")) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          "allowUnsigned",
          "Only an Admin may import an unsigned block.");
    }
    return allowUnsigned;
  }

  static byte[] bytes(String file) {
    return file == null ? new byte[0] : file.getBytes(StandardCharsets.UTF_8);
  }
}
