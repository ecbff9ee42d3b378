package io.omnireach.app.security;

/** Names of OmniReach's own JWT claims. */
public final class Claims {

  public static final String TENANT = "tenant";
  public static final String TENANT_ID = "tenant_id";
  public static final String RESELLER_ID = "reseller_id";

  /** The user's session epoch when the token was issued (see {@code Sessions}). */
  public static final String SESSION_EPOCH = "sv";

  /** The identity provider session an SSO sign-in came from ({@code Sessions.ssoSession}). */
  public static final String SSO_SESSION = "ssid";

  private Claims() {}
}
