package io.omnireach.customdomain;

/** Where a custom domain stands; only {@link #VERIFIED} hosts select their tenant. */
public enum DomainStatus {
  /** Added, never checked. */
  PENDING,
  /** The last check found the token. */
  VERIFIED,
  /** The last check did not find the token ({@code lastError} says why). */
  FAILED
}
