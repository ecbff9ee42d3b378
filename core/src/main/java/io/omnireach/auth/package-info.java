/** Signing in: password checks, tenant choice and brute-force throttling. Tokens live in app. */
package io.omnireach.auth;
