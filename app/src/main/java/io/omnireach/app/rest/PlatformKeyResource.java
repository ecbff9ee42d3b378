package io.omnireach.app.rest;

import io.omnireach.app.rest.MarketplaceDtos.TrustRequest;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.PublisherKeyring;
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

/** Operator: publisher keys the Owner trusts for every workspace ("verified publisher"). */
@Path("/marketplace/platform-keys")
@Tag(name = "Marketplace")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("Owner")
public class PlatformKeyResource {

  private static final String KEY_EXAMPLE =
      "{\"id\":3,\"keyId\":\"77c1d0a9e3b2f415\",\"fingerprint\":\"77c1d0a9e3b2f4150b6c2d4e8f1a"
          + "3b5c7d9e0f1a2b3c4d5e6f708192a3b4c5d6\",\"name\":\"Community registry\","
          + "\"addedBy\":\"owner@omnireach.demo\",\"addedAt\":\"2026-12-06T10:00:00Z\"}";

  @Inject PublisherKeyring keys;
  @Inject CurrentUser current;

  @GET
  @Operation(
      summary = "Publisher keys trusted for every workspace",
      description =
          "Owner only. fingerprint is the SHA-256 of the key (SPKI bytes) in hex; keyId, its"
              + " first 16 digits, is what block signatures name.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "keys", value = "[" + KEY_EXAMPLE + "]")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public List<PublisherKeyring.PlatformKey> list() {
    return keys.platformKeys();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Trust a publisher key for every workspace",
      description =
          "Owner only. Blocks signed with it show as \"verified\" in every workspace's"
              + " marketplace. Trusting a key again renames it.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "key",
                      value =
                          "{\"name\":\"Community registry\",\"publicKey\":\"-----BEGIN PUBLIC"
                              + " KEY-----\\nMCowBQYDK2VwAyEA…\\n-----END PUBLIC KEY-----\\n\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Trusted",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Not an Ed25519 public key, or no name",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad key",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"publicKey is not an Ed25519 public key.\","
                              + "\"field\":\"publicKey\"}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public Response trust(TrustRequest body) {
    if (body == null) {
      throw DomainException.invalid("publicKey", "Send {\"name\",\"publicKey\"}.");
    }
    PublisherKeyring.TrustedKey k =
        keys.trust(null, body.publicKey(), body.name(), current.email());
    return Response.status(Response.Status.CREATED).entity(keys.platformKey(k.id())).build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Stop trusting a platform key", description = "Owner only.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response remove(@Parameter(description = "Key id") @PathParam("id") long id) {
    keys.untrustPlatform(id);
    return Response.noContent().build();
  }
}
