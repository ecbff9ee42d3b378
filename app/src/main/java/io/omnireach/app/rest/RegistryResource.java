package io.omnireach.app.rest;

import io.omnireach.app.rest.MarketplaceDtos.RegistryDto;
import io.omnireach.app.rest.MarketplaceDtos.RegistryRequest;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.PublisherKeyring;
import io.omnireach.marketplace.Registries;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator: the remote block registries every workspace's marketplace lists. */
@Path("/marketplace/registries")
@Tag(name = "Marketplace")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("Owner")
public class RegistryResource {

  private static final String REGISTRY_EXAMPLE =
      "{\"id\":1,\"name\":\"Community\",\"url\":\"https://blocks.example.org/index.json\","
          + "\"blocks\":12,\"fetchedAt\":\"2026-12-06T10:00:00Z\",\"lastError\":null}";

  @Inject Registries registries;
  @Inject PublisherKeyring keys;
  @Inject CurrentUser current;

  @GET
  @Operation(
      summary = "The remote registries",
      description =
          "Each index is fetched again when its copy is older than 10 minutes; lastError says"
              + " why the last fetch failed (the last good copy stays in use).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "registries", value = "[" + REGISTRY_EXAMPLE + "]")))
  public List<RegistryDto> list() {
    return registries.list().stream().map(RegistryDto::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a registry",
      description =
          "url: an http(s) index in the omnireach-registry/1 format (docs/api.md), e.g. another"
              + " OmniReach's /registry/index.json. It is fetched once now. publicKey (optional):"
              + " the registry publisher's Ed25519 key, trusted for every workspace.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "registry",
                      value =
                          "{\"name\":\"Community\",\"url\":\"https://blocks.example.org/"
                              + "index.json\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Added",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "registry", value = REGISTRY_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Bad URL, a host the policy forbids, or an index that cannot be read")
  @APIResponse(responseCode = "409", description = "Name or URL already added")
  public Response add(RegistryRequest body) {
    if (body == null) {
      throw DomainException.invalid("url", "Send {\"name\",\"url\"}.");
    }
    Registries.Registry r = registries.add(body.name(), body.url(), current.email());
    if (body.publicKey() != null && !body.publicKey().isBlank()) {
      keys.trust(null, body.publicKey(), body.name(), current.email());
    }
    return Response.status(Response.Status.CREATED).entity(RegistryDto.of(r)).build();
  }

  @POST
  @Path("/{id}/refresh")
  @Operation(summary = "Fetch a registry's index now")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "registry", value = REGISTRY_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public RegistryDto refresh(@Parameter(description = "Registry id") @PathParam("id") long id) {
    return RegistryDto.of(registries.refresh(id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Remove a registry")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response remove(@Parameter(description = "Registry id") @PathParam("id") long id) {
    registries.remove(id);
    return Response.noContent().build();
  }
}
