/** Tokens: the RS256 signing key pair, issuing JWTs, and exposing the public key to MP JWT. */
package io.omnireach.app.security;
