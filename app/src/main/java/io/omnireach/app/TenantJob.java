package io.omnireach.app;

import io.omnireach.tenant.Tenant;
import java.time.Duration;

/**
 * Background work done for each ACTIVE tenant, run by the {@link TenantLoop}. An implementation is
 * an application-scoped bean; the loop finds every one at start.
 */
public interface TenantJob {

  /** A short name for logs. */
  String name();

  /** How long after one pass over the tenants the next starts; zero turns the job off. */
  Duration every();

  /**
   * The work for one tenant. Whatever it throws is logged at WARNING with the tenant and the job,
   * and the loop goes on with the next tenant.
   */
  void run(Tenant tenant);
}
