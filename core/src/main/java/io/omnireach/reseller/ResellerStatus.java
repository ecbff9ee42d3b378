package io.omnireach.reseller;

/** Lifecycle of a reseller; a SUSPENDED reseller's users and its tenants' users cannot sign in. */
public enum ResellerStatus {
  ACTIVE,
  SUSPENDED
}
