package io.omnireach.app.rest;

import io.omnireach.app.rest.Dtos.AcceptInvitationRequest;
import io.omnireach.app.rest.Dtos.AcceptedInvitation;
import io.omnireach.app.rest.Dtos.InvitationDto;
import io.omnireach.app.rest.Dtos.InvitationRequest;
import io.omnireach.auth.InvitationAcceptance;
import io.omnireach.auth.TrustedProxies;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.Invitations;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Inviting people into the caller's tenant (Admin), and accepting an invitation (anyone). */
@Path("/invitations")
@Tag(name = "Invitations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class InvitationResource {

  private static final String INVITATION_EXAMPLE =
      "{\"id\":7,\"email\":\"new.rep@acme.example\",\"role\":\"Sales\",\"status\":\"PENDING\","
          + "\"createdAt\":\"2026-11-25T10:00:00Z\",\"expiresAt\":\"2026-12-02T10:00:00Z\","
          + "\"token\":\"Jd8…\",\"acceptUrl\":\"/accept-invitation?token=Jd8…\"}";

  @Inject Invitations invitations;
  @Inject CurrentUser current;
  @Inject Clock clock;
  @Inject InvitationAcceptance acceptance;
  @Inject TrustedProxies proxies;
  @Context HttpServletRequest request;

  /** Dev mode also returns the token and accept link (the demo and the e2e tests use them). */
  @Inject
  @ConfigProperty(name = "omnireach.dev-mode", defaultValue = "false")
  boolean devMode;

  @GET
  @Requires(Permission.USERS_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "List invitations", description = "Pending, accepted and expired.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "invitations", value = "[" + INVITATION_EXAMPLE + "]")))
  public List<InvitationDto> list() {
    Instant now = clock.instant();
    return invitations.list(current.tenant()).stream()
        .map(i -> InvitationDto.of(i, now, null))
        .toList();
  }

  @POST
  @Requires(Permission.USERS_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Invite someone",
      description =
          "Emails the invitee a link to accept (valid 7 days, works once). In dev mode the"
              + " response also carries the token and the accept link. Seats are limited by the"
              + " tenant's plan.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = {
                @ExampleObject(
                    name = "invite a rep",
                    value = "{\"email\":\"new.rep@acme.example\",\"role\":\"Sales\"}"),
                @ExampleObject(
                    name = "custom role",
                    value = "{\"email\":\"analyst@acme.example\",\"customRoleId\":7}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = INVITATION_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid email or role")
  @APIResponse(responseCode = "409", description = "Already a member, already invited, or no seat")
  public Response invite(InvitationRequest body) {
    if (body == null) {
      throw DomainException.invalid("email", "Email is required.");
    }
    TenantRef tenant = current.tenant();
    if ((body.role() == null) == (body.customRoleId() == null)) {
      throw DomainException.invalid("role", "Give either a role or a customRoleId.");
    }
    Role role = body.customRoleId() != null ? Role.MEMBER : Role.tenantRole("role", body.role());
    Invitations.Created created =
        invitations.invite(
            tenant, body.email(), role, body.customRoleId(), current.userId(), current.email());
    return Response.created(URI.create("invitations/" + created.invitation().id()))
        .entity(
            InvitationDto.of(
                created.invitation(), clock.instant(), devMode ? created.token() : null))
        .build();
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.USERS_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Revoke an open invitation")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response revoke(@PathParam("id") long id) {
    invitations.revoke(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/accept")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Accept an invitation",
      description =
          "Creates the account (or, for an existing account, checks its password) and joins the"
              + " tenant. Then sign in with POST /auth/token.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "accept",
                      value =
                          "{\"token\":\"Jd8…\",\"displayName\":\"Nora New\","
                              + "\"password\":\"a-long-secret-passphrase\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "accepted", value = "{\"userId\":12}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "Already used or expired")
  @APIResponse(
      responseCode = "429",
      description = "Too many failed attempts (the sign-in throttle: wrong passwords count)")
  public Response accept(AcceptInvitationRequest body) {
    if (body == null || body.token() == null || body.token().isBlank()) {
      throw DomainException.invalid("token", "The invitation token is required.");
    }
    long userId =
        acceptance.accept(
            body.token(),
            body.displayName(),
            body.password(),
            proxies.clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For")));
    return Response.status(Response.Status.CREATED).entity(new AcceptedInvitation(userId)).build();
  }
}
