/**
 * Single sign-on per tenant through OpenID Connect (authorization code + PKCE) against the tenant's
 * identity provider: settings, just-in-time members, role mapping and back-channel logout.
 */
package io.omnireach.sso;
