package io.omnireach.app.rest;

import io.omnireach.app.rest.SsoDtos.DiscoveryDto;
import io.omnireach.app.rest.SsoDtos.DiscoveryRequest;
import io.omnireach.app.rest.SsoDtos.SsoSettingsDto;
import io.omnireach.app.rest.SsoDtos.SsoSettingsRequest;
import io.omnireach.app.security.TokenIssuer;
import io.omnireach.audit.AuditLog;
import io.omnireach.auth.Sessions;
import io.omnireach.common.DomainException;
import io.omnireach.sso.SsoSettingsUpdate;
import io.omnireach.sso.SsoSignIn;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Single sign-on per tenant: the Admin's settings, the OIDC start and callback the browser goes
 * through, and the provider's back-channel logout.
 */
@Path("/sso")
@Tag(name = "SSO", description = "Sign in through the tenant's OpenID Connect provider")
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class SsoResource {

  private static final String SETTINGS_EXAMPLE =
      "{\"configured\":true,\"enabled\":true,\"issuer\":\"https://sso.acme.example/realms/acme\","
          + "\"clientId\":\"omnireach\",\"clientSecretSet\":true,\"roleClaim\":\"groups\","
          + "\"roleMapping\":{\"omni-admins\":\"Admin\",\"sales\":\"Sales\"},"
          + "\"defaultRole\":\"Viewer\",\"ssoOnly\":false,"
          + "\"redirectUri\":\"https://app.omnireach.io/api/v1/sso/callback\","
          + "\"backChannelLogoutUri\":"
          + "\"https://app.omnireach.io/api/v1/sso/backchannel-logout/acme\","
          + "\"updatedAt\":\"2026-12-06T10:00:00Z\"}";
  private static final String REQUEST_EXAMPLE =
      "{\"enabled\":true,\"issuer\":\"https://sso.acme.example/realms/acme\","
          + "\"clientId\":\"omnireach\",\"clientSecret\":\"s3cr3t-from-keycloak\","
          + "\"roleClaim\":\"groups\",\"roleMapping\":{\"omni-admins\":\"Admin\","
          + "\"sales\":\"Sales\"},\"defaultRole\":\"Viewer\",\"ssoOnly\":false}";
  private static final String UNREACHABLE_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"The issuer https://sso.acme.example/realms/acme could not be reached"
          + " (ConnectException).\",\"field\":\"issuer\"}";
  private static final String NOT_OIDC_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"The issuer https://example.com is not an OpenID Connect provider:"
          + " https://example.com/.well-known/openid-configuration did not answer with a valid"
          + " discovery document (...).\",\"field\":\"issuer\"}";
  private static final String DISCOVERY_EXAMPLE =
      "{\"issuer\":\"https://sso.acme.example/realms/acme\",\"authorizationEndpoint\":"
          + "\"https://sso.acme.example/realms/acme/protocol/openid-connect/auth\","
          + "\"tokenEndpoint\":"
          + "\"https://sso.acme.example/realms/acme/protocol/openid-connect/token\","
          + "\"jwksUri\":\"https://sso.acme.example/realms/acme/protocol/openid-connect/certs\","
          + "\"backChannelLogout\":true}";

  @Inject SsoSignIn sso;
  @Inject AuditLog audit;
  @Inject CurrentUser current;
  @Inject Sessions sessions;
  @Inject TokenIssuer tokens;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "omnireach.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @GET
  @Requires(Permission.SETTINGS_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Read the SSO settings",
      description =
          "The caller's tenant only. The client secret is never returned (clientSecretSet)."
              + " redirectUri and backChannelLogoutUri are what to register at the provider.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SsoSettingsDto.class),
              examples = @ExampleObject(name = "keycloak", value = SETTINGS_EXAMPLE)))
  public SsoSettingsDto get() {
    return dto();
  }

  @PUT
  @Requires(Permission.SETTINGS_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set up or change SSO",
      description =
          "Reads the issuer's /.well-known/openid-configuration first: an issuer that cannot be"
              + " reached or is not an OpenID Connect provider is refused (400). roleMapping maps"
              + " values of roleClaim (a claim of the ID token, or a dotted path such as"
              + " realm_access.roles) to Admin, Sales, Viewer or Finance; defaultRole applies when"
              + " none maps. ssoOnly refuses password sign-in to this workspace.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SsoSettingsRequest.class),
              examples = @ExampleObject(name = "keycloak", value = REQUEST_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "Saved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "keycloak", value = SETTINGS_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid settings or an issuer without working discovery",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = {
                @ExampleObject(name = "unreachable", value = UNREACHABLE_EXAMPLE),
                @ExampleObject(name = "not OIDC", value = NOT_OIDC_EXAMPLE)
              }))
  public SsoSettingsDto put(SsoSettingsRequest body) {
    if (body == null) {
      throw DomainException.invalid("body", "The SSO settings are required.");
    }
    sso.save(
        current.tenant().id(),
        new SsoSettingsUpdate(
            body.enabled(),
            body.issuer(),
            body.clientId(),
            body.clientSecret(),
            body.roleClaim(),
            body.roleMapping(),
            body.defaultRole(),
            body.ssoOnly()));
    audit.record(
        current.email(),
        current.tenant().slug(),
        "settings.sso",
        "sso",
        (Boolean.TRUE.equals(body.enabled()) ? "enabled" : "disabled")
            + ", issuer "
            + body.issuer()
            + (Boolean.TRUE.equals(body.ssoOnly()) ? ", SSO only" : ""));
    return dto();
  }

  @DELETE
  @Requires(Permission.SETTINGS_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Remove SSO", description = "Members sign in with passwords again.")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response delete() {
    sso.delete(current.tenant().id());
    audit.record(current.email(), current.tenant().slug(), "settings.sso", "sso", "removed");
    return Response.noContent().build();
  }

  @POST
  @Path("/discovery")
  @Requires(Permission.SETTINGS_MANAGE)
  @SecurityRequirement(name = "bearer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Test an issuer's discovery",
      description = "Reads <issuer>/.well-known/openid-configuration without saving anything.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "keycloak",
                      value = "{\"issuer\":\"https://sso.acme.example/realms/acme\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The provider's endpoints",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "keycloak", value = DISCOVERY_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Not reachable or not OpenID Connect",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "unreachable", value = UNREACHABLE_EXAMPLE)))
  public DiscoveryDto discovery(DiscoveryRequest body) {
    return DiscoveryDto.of(sso.discover(body == null ? null : body.issuer()));
  }

  @GET
  @Path("/start")
  @PermitAll
  @Operation(
      summary = "Start signing in with SSO",
      description =
          "Redirects the browser to the tenant's provider (authorization code flow with PKCE"
              + " S256, state and nonce kept in the server-side session). With api=true the"
              + " callback answers with our own API tokens (as POST /auth/token does) instead of"
              + " opening the app.")
  @APIResponse(responseCode = "302", description = "To the provider's login page")
  @APIResponse(
      responseCode = "400",
      description = "Unknown workspace or no SSO set up",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "no SSO",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"Workspace 'acme' has no single sign-on set up.\","
                              + "\"field\":\"tenant\"}")))
  public Response start(
      @Parameter(description = "The workspace's slug", example = "acme") @QueryParam("tenant")
          String tenant,
      @Parameter(description = "Answer with API tokens", example = "false") @QueryParam("api")
          boolean api) {
    SsoSignIn.Start start = sso.start(tenant, URI.create(base() + "/api/v1/sso/callback"), api);
    remember(request.getSession(true), start.pending());
    return Response.status(Response.Status.FOUND)
        .location(start.authorizationUrl())
        .cacheControl(noStore())
        .build();
  }

  @GET
  @Path("/callback")
  @PermitAll
  @Operation(
      summary = "Finish signing in with SSO (the provider's redirect)",
      description =
          "Checks state, exchanges the code with the PKCE verifier, validates the ID token"
              + " (signature by the provider's JWKS, iss, aud, exp, nonce), creates or updates the"
              + " member with the mapped role, then opens the app (303 to /login?sso, which"
              + " continues to the dashboard or shows what went wrong) or, for api=true, returns"
              + " the API tokens.")
  @APIResponse(responseCode = "303", description = "Back to the app")
  @APIResponse(
      responseCode = "200",
      description = "API tokens (sign-in started with api=true)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "tokens",
                      value =
                          "{\"access_token\":\"eyJraWQiOi...\",\"token_type\":\"Bearer\","
                              + "\"expires_in\":900,\"refresh_token\":\"Q2hhbmdl...\","
                              + "\"refresh_expires_in\":1209600}")))
  @APIResponse(
      responseCode = "401",
      description = "Unknown state, or the provider refused (API sign-in)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "unknown state",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                              + "\"detail\":\"This SSO sign-in is unknown or was already used:"
                              + " start it again.\"}")))
  public Response callback(
      @QueryParam("state") String state,
      @QueryParam("code") String code,
      @QueryParam("error") String error,
      @QueryParam("error_description") String errorDescription) {
    HttpSession session = request.getSession(false);
    SsoSignIn.Pending pending = take(session, state);
    if (pending == null) {
      throw new DomainException(
          DomainException.Kind.UNAUTHORIZED,
          "This SSO sign-in is unknown or was already used: start it again.");
    }
    SsoSignIn.SignedIn signedIn;
    try {
      if (error != null) {
        throw new DomainException(
            DomainException.Kind.UNAUTHORIZED,
            "The identity provider did not sign you in: "
                + (errorDescription != null ? errorDescription : error)
                + ".");
      }
      signedIn = sso.finish(pending, code);
    } catch (DomainException e) {
      if (pending.forApi()) {
        throw e;
      }
      session.setAttribute(SsoSignIn.ERROR_ATTRIBUTE, e.getMessage());
      return toLogin(pending);
    }
    if (pending.forApi()) {
      Sessions.Grant grant = sessions.open(signedIn.user(), signedIn.ssoSession());
      return Response.ok(AuthResource.pair(tokens, clock, grant))
          .type(MediaType.APPLICATION_JSON)
          .cacheControl(noStore())
          .build();
    }
    request.changeSessionId(); // a new session id for the signed-in session (no fixation)
    session.setAttribute(SsoSignIn.USER_ATTRIBUTE, signedIn.user());
    if (signedIn.ssoSession() != null) {
      session.setAttribute(SsoSignIn.SSO_SESSION_ATTRIBUTE, signedIn.ssoSession());
    }
    return toLogin(pending);
  }

  @POST
  @Path("/backchannel-logout/{tenant}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      summary = "OIDC back-channel logout",
      description =
          "Called by the tenant's provider when a user's session ends there. The logout token"
              + " is checked (signature by the provider's JWKS, iss, aud, iat, events, no nonce);"
              + " with a sid, the sign-ins here that came from that provider session end (the"
              + " user's other sessions stay); with only a sub, every session of that user ends."
              + " UI sessions end on their next request, access tokens at once, refresh tokens"
              + " are revoked.")
  @APIResponse(responseCode = "200", description = "Accepted")
  @APIResponse(
      responseCode = "400",
      description = "Missing or invalid logout token",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad signature",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"The logout token is not valid: Signed JWT"
                              + " rejected: Invalid signature\",\"field\":\"logout_token\"}")))
  public Response backChannelLogout(
      @Parameter(example = "acme") @PathParam("tenant") String tenant,
      @FormParam("logout_token") String logoutToken) {
    sso.backChannelLogout(tenant, logoutToken);
    return Response.ok().cacheControl(noStore()).build();
  }

  /** Keeps a started sign-in in the session, by state (several tabs may sign in at once). */
  @SuppressWarnings("unchecked")
  private static void remember(HttpSession session, SsoSignIn.Pending pending) {
    synchronized (session) {
      Map<String, SsoSignIn.Pending> started =
          (Map<String, SsoSignIn.Pending>) session.getAttribute(SsoSignIn.PENDING_ATTRIBUTE);
      Map<String, SsoSignIn.Pending> next = new HashMap<>();
      if (started != null) {
        next.putAll(started);
      }
      next.values().removeIf(p -> p.startedAt().isBefore(pending.startedAt().minusSeconds(600)));
      next.put(pending.state(), pending);
      session.setAttribute(SsoSignIn.PENDING_ATTRIBUTE, next);
    }
  }

  /** The started sign-in of this state, once; null when unknown (or another browser's). */
  @SuppressWarnings("unchecked")
  private static SsoSignIn.Pending take(HttpSession session, String state) {
    if (session == null || state == null) {
      return null;
    }
    synchronized (session) {
      Map<String, SsoSignIn.Pending> started =
          (Map<String, SsoSignIn.Pending>) session.getAttribute(SsoSignIn.PENDING_ATTRIBUTE);
      if (started == null || !started.containsKey(state)) {
        return null;
      }
      Map<String, SsoSignIn.Pending> next = new HashMap<>(started);
      SsoSignIn.Pending pending = next.remove(state);
      session.setAttribute(SsoSignIn.PENDING_ATTRIBUTE, next);
      return pending;
    }
  }

  private Response toLogin(SsoSignIn.Pending pending) {
    return Response.seeOther(URI.create(base() + "/login?sso&tenant=" + pending.tenantSlug()))
        .cacheControl(noStore())
        .build();
  }

  private SsoSettingsDto dto() {
    long tenantId = current.tenant().id();
    return SsoSettingsDto.of(
        sso.settings(tenantId).orElse(null),
        base() + "/api/v1/sso/callback",
        base() + "/api/v1/sso/backchannel-logout/" + current.tenant().slug());
  }

  private String base() {
    return publicUrl.replaceAll("/+$", "");
  }

  private static CacheControl noStore() {
    CacheControl cc = new CacheControl();
    cc.setNoStore(true);
    return cc;
  }
}
