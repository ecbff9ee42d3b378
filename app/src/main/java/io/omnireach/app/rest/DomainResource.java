package io.omnireach.app.rest;

import io.omnireach.app.rest.DomainDtos.DomainDto;
import io.omnireach.app.rest.DomainDtos.DomainList;
import io.omnireach.app.rest.DomainDtos.DomainRequest;
import io.omnireach.common.DomainException;
import io.omnireach.customdomain.CustomDomains;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Custom domains of the caller's tenant (Admins only); other tenants' ids are 404. */
@Path("/domains")
@Tag(
    name = "Domains",
    description =
        "Tenant admin: custom host names (app.customer.com) that show this workspace's sign-in"
            + " page once verified")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
@Requires(Permission.SETTINGS_MANAGE)
public class DomainResource {

  private static final String DOMAIN_EXAMPLE =
      "{\"id\":7,\"host\":\"app.customer.com\",\"method\":\"DNS_TXT\",\"status\":\"PENDING\","
          + "\"token\":\"3f9c2a7d1e8b4c6a9d0e1f2a3b4c5d6e\",\"records\":["
          + "{\"type\":\"CNAME\",\"name\":\"app.customer.com\",\"value\":\"omnireach.example.net\","
          + "\"purpose\":\"Routes app.customer.com to this platform\"},"
          + "{\"type\":\"TXT\",\"name\":\"_omnireach-challenge.app.customer.com\","
          + "\"value\":\"3f9c2a7d1e8b4c6a9d0e1f2a3b4c5d6e\","
          + "\"purpose\":\"Proves that you control app.customer.com\"}],"
          + "\"httpCheckUrl\":\"http://app.customer.com/.well-known/omnireach-domain/"
          + "3f9c2a7d1e8b4c6a9d0e1f2a3b4c5d6e\",\"createdAt\":\"2026-12-05T13:00:00Z\"}";

  @Inject CustomDomains domains;
  @Inject CurrentUser current;

  @GET
  @Operation(summary = "List the workspace's custom domains with their DNS records and status")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DomainList.class),
              examples =
                  @ExampleObject(
                      name = "one pending",
                      value = "{\"items\":[" + DOMAIN_EXAMPLE + "]}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public DomainList list() {
    return new DomainList(domains.list(current.tenant()).stream().map(DomainDto::of).toList());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Get one custom domain")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DomainDto.class),
              examples = @ExampleObject(name = "pending", value = DOMAIN_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DomainDto get(@PathParam("id") long id) {
    return DomainDto.of(domains.get(current.tenant(), id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a custom domain",
      description =
          "The host is a DNS name (no IP address, port or wildcard) and not one of the platform's"
              + " own hosts. The answer lists the records to create: a CNAME to the platform's"
              + " public host, and for DNS_TXT a TXT record _omnireach-challenge.<host> holding"
              + " the token. Then call POST /domains/{id}/verify. Several workspaces may add the"
              + " same host, but only one can verify it.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DomainRequest.class),
              examples = {
                @ExampleObject(
                    name = "TXT record",
                    value = "{\"host\":\"app.customer.com\",\"method\":\"DNS_TXT\"}"),
                @ExampleObject(
                    name = "HTTP token",
                    value = "{\"host\":\"app.customer.com\",\"method\":\"HTTP\"}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Added, PENDING",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DomainDto.class),
              examples = @ExampleObject(name = "pending", value = DOMAIN_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Not a valid host (field host) or method",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "IP address",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"IP addresses cannot be custom domains: use a"
                              + " name.\",\"field\":\"host\"}")))
  @APIResponse(responseCode = "409", description = "The host is already in this workspace")
  public Response add(DomainRequest body) {
    if (body == null) {
      throw DomainException.invalid("host", "Enter a host name such as app.example.com.");
    }
    DomainDto created =
        DomainDto.of(
            domains.add(current.tenant(), body.host(), body.verificationMethod(), current.email()));
    return Response.created(URI.create("domains/" + created.id())).entity(created).build();
  }

  @POST
  @Path("/{id}/verify")
  @Operation(
      summary = "Check the proof now",
      description =
          "Looks up the TXT record (DNS_TXT) or fetches the HTTP token (HTTP) and records the"
              + " outcome: VERIFIED, or FAILED with the reason in lastError. A failed check is"
              + " not an error of the call: the answer is 200 either way.")
  @APIResponse(
      responseCode = "200",
      description = "Checked",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DomainDto.class),
              examples = {
                @ExampleObject(
                    name = "verified",
                    value =
                        "{\"id\":7,\"host\":\"app.customer.com\",\"method\":\"DNS_TXT\","
                            + "\"status\":\"VERIFIED\",\"lastCheckedAt\":\"2026-12-05T13:05:00Z\","
                            + "\"verifiedAt\":\"2026-12-05T13:05:00Z\"}"),
                @ExampleObject(
                    name = "failed",
                    value =
                        "{\"id\":7,\"host\":\"app.customer.com\",\"method\":\"DNS_TXT\","
                            + "\"status\":\"FAILED\",\"lastCheckedAt\":\"2026-12-05T13:05:00Z\","
                            + "\"lastError\":\"No TXT record found at"
                            + " _omnireach-challenge.app.customer.com yet (DNS changes can take a"
                            + " while).\"}")
              }))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DomainDto verify(@PathParam("id") long id) {
    return DomainDto.of(domains.verify(current.tenant(), id, current.email()));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Remove a custom domain; its host stops selecting this workspace at once")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(@PathParam("id") long id) {
    domains.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }
}
