package io.omnireach.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import io.omnireach.audit.AuditLog;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Authenticator;
import io.omnireach.auth.Sessions;
import io.omnireach.common.DomainException;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-in through a tenant's OpenID Connect provider (the relying-party side, with the Nimbus OIDC
 * SDK): discovery from {@code <issuer>/.well-known/openid-configuration}, authorization code flow
 * with PKCE (S256), state and nonce, ID token checked against the provider's JWKS (signature, iss,
 * aud, exp, nonce), just-in-time membership with the mapped role, and back-channel logout.
 */
public final class SsoSignIn {

  private static final Logger LOG = Logger.getLogger(SsoSignIn.class.getName());

  /**
   * HTTP session attributes of the browser hand-off: the started sign-ins by state (a map), then
   * the signed-in user or the error for the login page to pick up.
   */
  public static final String PENDING_ATTRIBUTE = "io.omnireach.sso.pending";

  public static final String USER_ATTRIBUTE = "io.omnireach.sso.user";
  public static final String ERROR_ATTRIBUTE = "io.omnireach.sso.error";
  public static final String SSO_SESSION_ATTRIBUTE = "io.omnireach.sso.session";

  /** How long a started sign-in may take at the provider. */
  static final Duration PENDING_TTL = Duration.ofMinutes(10);

  private static final Duration DISCOVERY_TTL = Duration.ofMinutes(5);
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 10_000;

  /**
   * A started sign-in, kept in the browser's server-side session until the provider sends the
   * browser back. {@code forApi}: answer with API tokens instead of opening the UI.
   */
  public record Pending(
      String tenantSlug,
      String state,
      String nonce,
      String codeVerifier,
      String redirectUri,
      boolean forApi,
      Instant startedAt)
      implements Serializable {}

  /** Where to send the browser, and what to keep until it returns. */
  public record Start(URI authorizationUrl, Pending pending) {}

  /** What discovery found at an issuer (for the settings page's "Test discovery"). */
  public record Discovery(
      String issuer,
      URI authorizationEndpoint,
      URI tokenEndpoint,
      URI jwksUri,
      boolean backChannelLogout) {}

  private record Cached(OIDCProviderMetadata metadata, Instant at) {}

  private final SsoDirectory directory;
  private final TenantDirectory tenants;
  private final UserDirectory users;
  private final Authenticator authenticator;
  private final Sessions sessions;
  private final ActivityFeed activity;
  private final Clock clock;
  private final Map<String, Cached> discovered = new ConcurrentHashMap<>();
  private final Map<String, IDTokenValidator> idValidators = new ConcurrentHashMap<>();
  private final Map<String, LogoutTokenValidator> logoutValidators = new ConcurrentHashMap<>();

  private final AuditLog audit;

  public SsoSignIn(
      SsoDirectory directory,
      TenantDirectory tenants,
      UserDirectory users,
      Authenticator authenticator,
      Sessions sessions,
      ActivityFeed activity,
      AuditLog audit,
      Clock clock) {
    this.audit = audit;
    this.directory = directory;
    this.tenants = tenants;
    this.users = users;
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.activity = activity;
    this.clock = clock;
  }

  public Optional<SsoSettings> settings(long tenantId) {
    return directory.get(tenantId);
  }

  /** True when the tenant's login page offers "Sign in with SSO". */
  public boolean offered(long tenantId) {
    return directory.get(tenantId).map(SsoSettings::enabled).orElse(false);
  }

  /** Saves settings after discovery at the issuer succeeded (400 naming the issuer otherwise). */
  public SsoSettings save(long tenantId, SsoSettingsUpdate update) {
    if (update == null) {
      throw DomainException.invalid("body", "The SSO settings are required.");
    }
    SsoSettings saved = directory.save(tenantId, update, issuer -> metadata(issuer, false));
    idValidators.clear();
    logoutValidators.clear();
    return saved;
  }

  public void delete(long tenantId) {
    directory.delete(tenantId);
  }

  /** Reads the issuer's discovery document; 400 saying what is wrong when it cannot. */
  public Discovery discover(String issuer) {
    OIDCProviderMetadata md = metadata(SsoDirectory.issuer(issuer), false);
    return new Discovery(
        md.getIssuer().getValue(),
        md.getAuthorizationEndpointURI(),
        md.getTokenEndpointURI(),
        md.getJWKSetURI(),
        md.supportsBackChannelLogout());
  }

  /** Begins a sign-in for a tenant: the provider's authorization URL with state, nonce, PKCE. */
  public Start start(String tenantSlug, URI redirectUri, boolean forApi) {
    Tenant tenant = activeTenant(tenantSlug);
    SsoSettings settings = enabledSettings(tenant);
    OIDCProviderMetadata md = metadata(settings.issuer(), true);
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI url =
        new AuthenticationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE),
                new Scope("openid", "email", "profile"),
                new ClientID(settings.clientId()),
                redirectUri)
            .endpointURI(md.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new Start(
        url,
        new Pending(
            tenant.slug(),
            state.getValue(),
            nonce.getValue(),
            verifier.getValue(),
            redirectUri.toString(),
            forApi,
            clock.instant()));
  }

  /**
   * Completes a sign-in when the provider sent the browser back with a code: exchanges it (with the
   * PKCE verifier), checks the ID token, maps the role, creates or updates the member.
   */
  public SignedIn finish(Pending pending, String code) {
    if (pending.startedAt().plus(PENDING_TTL).isBefore(clock.instant())) {
      throw new DomainException(
          DomainException.Kind.UNAUTHORIZED, "The SSO sign-in took too long: start it again.");
    }
    if (code == null || code.isBlank()) {
      throw DomainException.invalid("code", "The identity provider sent no authorization code.");
    }
    Tenant tenant = activeTenant(pending.tenantSlug());
    SsoSettings settings = enabledSettings(tenant);
    OIDCProviderMetadata md = metadata(settings.issuer(), true);
    IDTokenClaimsSet claims =
        exchange(md, settings, tenant.id(), code, pending, new Nonce(pending.nonce()));
    Map<String, Object> json = claims.toJSONObject();
    Role role =
        RoleMapping.resolve(
            json, settings.roleClaim(), settings.roleMapping(), settings.defaultRole());
    Boolean verified = claims.getBooleanClaim("email_verified");
    long userId =
        directory.provision(
            tenant.id(),
            settings.issuer(),
            claims.getSubject().getValue(),
            claims.getStringClaim("email"),
            Boolean.TRUE.equals(verified),
            displayName(claims),
            role);
    sessions.userChanged(userId); // the role may have changed with this sign-in
    AuthenticatedUser user = authenticator.switchTenant(userId, tenant.slug());
    users.recordLogin(userId, clock.instant());
    activity.record(
        tenant.ref(),
        user.email(),
        "LOGIN",
        user.displayName() + " signed in with SSO as " + role.label());
    audit.record(
        user.email(),
        tenant.slug(),
        "auth.sign-in",
        user.email(),
        "SSO (" + settings.issuer() + "), role " + role.label());
    String sid = claims.getStringClaim("sid");
    return new SignedIn(
        user, sid == null ? null : Sessions.ssoSession(tenant.id(), settings.issuer(), sid));
  }

  /**
   * A finished SSO sign-in: the user and the provider session it came from ({@link
   * Sessions#ssoSession}; null when the ID token has no {@code sid}). Sessions opened for it carry
   * that key, so that a logout of that provider session ends them alone.
   */
  public record SignedIn(AuthenticatedUser user, String ssoSession) {}

  /**
   * OIDC back-channel logout: the provider posts a signed logout token when a user's session ends
   * there. With a {@code sid}, the sign-ins here that came from that provider session end (their
   * other sessions stay); with only a {@code sub}, every session of that user ends. UI sessions end
   * on their next request, access tokens at once, refresh tokens are revoked. Returns whether a
   * known user or session was signed out.
   */
  public boolean backChannelLogout(String tenantSlug, String logoutToken) {
    if (logoutToken == null || logoutToken.isBlank()) {
      throw DomainException.invalid("logout_token", "logout_token is required.");
    }
    Tenant tenant =
        tenants
            .bySlug(tenantSlug == null ? "" : tenantSlug)
            .orElseThrow(() -> DomainException.notFound("Unknown workspace."));
    SsoSettings settings =
        directory
            .get(tenant.id())
            .orElseThrow(() -> DomainException.notFound("This workspace has no SSO configured."));
    OIDCProviderMetadata md = metadata(settings.issuer(), true);
    LogoutTokenClaimsSet claims;
    try {
      JWT jwt = JWTParser.parse(logoutToken.strip());
      claims =
          logoutValidators
              .computeIfAbsent(
                  settings.issuer() + " " + settings.clientId(),
                  k ->
                      new LogoutTokenValidator(
                          md.getIssuer(),
                          new ClientID(settings.clientId()),
                          algorithm(md),
                          url(md.getJWKSetURI())))
              .validate(jwt);
    } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException e) {
      throw DomainException.invalid(
          "logout_token", "The logout token is not valid: " + e.getMessage());
    } catch (com.nimbusds.jose.JOSEException e) {
      throw DomainException.invalid(
          "logout_token", "The logout token could not be checked: " + e.getMessage());
    }
    if (claims.getSessionID() != null) {
      String sid = claims.getSessionID().getValue();
      sessions.endSsoSession(Sessions.ssoSession(tenant.id(), settings.issuer(), sid));
      audit.record(
          "idp:" + settings.issuer(),
          tenant.slug(),
          "auth.sso-logout",
          claims.getSubject() == null
              ? "session " + sid
              : "subject " + claims.getSubject().getValue() + ", session " + sid,
          "that session's sign-ins ended");
      return true;
    }
    if (claims.getSubject() == null) {
      throw DomainException.invalid(
          "logout_token", "The logout token names neither a session (sid) nor a subject (sub).");
    }
    Optional<Long> user =
        directory.userOf(tenant.id(), settings.issuer(), claims.getSubject().getValue());
    user.ifPresent(sessions::revokeUser);
    audit.record(
        "idp:" + settings.issuer(),
        tenant.slug(),
        "auth.sso-logout",
        "subject " + claims.getSubject().getValue(),
        user.isPresent() ? "sessions ended" : "no member with this subject");
    return user.isPresent();
  }

  private IDTokenClaimsSet exchange(
      OIDCProviderMetadata md,
      SsoSettings settings,
      long tenantId,
      String code,
      Pending pending,
      Nonce nonce) {
    ClientID client = new ClientID(settings.clientId());
    Secret secret = new Secret(directory.clientSecret(tenantId));
    List<ClientAuthenticationMethod> methods = md.getTokenEndpointAuthMethods();
    ClientAuthentication auth =
        methods == null || methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            ? new ClientSecretBasic(client, secret)
            : new ClientSecretPost(client, secret);
    try {
      HTTPRequest http =
          new TokenRequest(
                  md.getTokenEndpointURI(),
                  auth,
                  new AuthorizationCodeGrant(
                      new AuthorizationCode(code),
                      URI.create(pending.redirectUri()),
                      new CodeVerifier(pending.codeVerifier())))
              .toHTTPRequest();
      http.setConnectTimeout(CONNECT_TIMEOUT_MS);
      http.setReadTimeout(READ_TIMEOUT_MS);
      TokenResponse response = OIDCTokenResponseParser.parse(http.send());
      if (!response.indicatesSuccess()) {
        ErrorObject error = response.toErrorResponse().getErrorObject();
        throw new DomainException(
            DomainException.Kind.UNAUTHORIZED,
            "The identity provider refused the sign-in: "
                + (error.getDescription() != null ? error.getDescription() : error.getCode())
                + ".");
      }
      JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
      return idValidators
          .computeIfAbsent(
              settings.issuer() + " " + settings.clientId(),
              k ->
                  new IDTokenValidator(
                      md.getIssuer(), client, algorithm(md), url(md.getJWKSetURI())))
          .validate(idToken, nonce);
    } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
      LOG.log(Level.WARNING, "SSO token request failed", e);
      throw new DomainException(
          DomainException.Kind.UNAUTHORIZED,
          "The identity provider could not be reached to finish the sign-in.");
    } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
      LOG.log(Level.WARNING, "SSO ID token refused", e);
      throw new DomainException(
          DomainException.Kind.UNAUTHORIZED,
          "The identity provider's ID token was not valid: " + e.getMessage());
    }
  }

  private static String displayName(IDTokenClaimsSet claims) {
    String name = claims.getStringClaim("name");
    return name != null && !name.isBlank() ? name : claims.getStringClaim("email");
  }

  /** The provider's ID token algorithm: RS256 when offered (Keycloak's default). */
  private static JWSAlgorithm algorithm(OIDCProviderMetadata md) {
    List<JWSAlgorithm> algs = md.getIDTokenJWSAlgs();
    if (algs == null || algs.isEmpty() || algs.contains(JWSAlgorithm.RS256)) {
      return JWSAlgorithm.RS256;
    }
    return algs.stream()
        .filter(a -> !JWSAlgorithm.Family.HMAC_SHA.contains(a) && !a.getName().equals("none"))
        .findFirst()
        .orElse(JWSAlgorithm.RS256);
  }

  private static URL url(URI uri) {
    try {
      return uri.toURL();
    } catch (java.net.MalformedURLException e) {
      throw DomainException.invalid("issuer", "The provider's JWKS address is not a URL: " + uri);
    }
  }

  private OIDCProviderMetadata metadata(String issuer, boolean cached) {
    Cached hit = discovered.get(issuer);
    Instant now = clock.instant();
    if (cached && hit != null && hit.at().plus(DISCOVERY_TTL).isAfter(now)) {
      return hit.metadata();
    }
    if (issuer.isBlank()) {
      throw DomainException.invalid("issuer", "Issuer URL is required.");
    }
    OIDCProviderMetadata md;
    String document = issuer + "/.well-known/openid-configuration";
    HTTPResponse response;
    try {
      HTTPRequest request =
          new HTTPRequest(
              HTTPRequest.Method.GET, OIDCProviderMetadata.resolveURL(new Issuer(issuer)));
      request.setConnectTimeout(CONNECT_TIMEOUT_MS);
      request.setReadTimeout(READ_TIMEOUT_MS);
      response = request.send();
    } catch (IOException e) {
      throw DomainException.invalid(
          "issuer",
          "The issuer "
              + issuer
              + " could not be reached ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ").");
    } catch (GeneralException | IllegalArgumentException e) {
      throw DomainException.invalid("issuer", "The issuer " + issuer + " is not a valid URL.");
    }
    if (response.getStatusCode() != 200) {
      throw DomainException.invalid(
          "issuer",
          "The issuer "
              + issuer
              + " is not an OpenID Connect provider: "
              + document
              + " answered HTTP "
              + response.getStatusCode()
              + ".");
    }
    try {
      md = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw DomainException.invalid(
          "issuer",
          "The issuer "
              + issuer
              + " is not an OpenID Connect provider: "
              + document
              + " is not a discovery document ("
              + e.getMessage()
              + ").");
    }
    if (!issuer.equals(md.getIssuer().getValue())) {
      throw DomainException.invalid(
          "issuer",
          "The discovery document at "
              + document
              + " names another issuer ("
              + md.getIssuer().getValue()
              + "): enter exactly that one.");
    }
    if (md.getAuthorizationEndpointURI() == null
        || md.getTokenEndpointURI() == null
        || md.getJWKSetURI() == null) {
      throw DomainException.invalid(
          "issuer",
          "The issuer "
              + issuer
              + " publishes no authorization, token or JWKS endpoint; it cannot be used for"
              + " sign-in.");
    }
    discovered.put(issuer, new Cached(md, now));
    return md;
  }

  private Tenant activeTenant(String slug) {
    Tenant tenant =
        tenants
            .bySlug(slug == null ? "" : slug.strip())
            .orElseThrow(() -> DomainException.invalid("tenant", "Unknown workspace."));
    if (tenant.status() != TenantStatus.ACTIVE) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "Workspace '" + tenant.slug() + "' is not active.");
    }
    return tenant;
  }

  private SsoSettings enabledSettings(Tenant tenant) {
    return directory
        .get(tenant.id())
        .filter(SsoSettings::enabled)
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "tenant", "Workspace '" + tenant.slug() + "' has no single sign-on set up."));
  }
}
