package io.omnireach.tenant;

/** Lifecycle of a tenant; only ACTIVE tenants can sign in. */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED
}
