package io.omnireach.privacy;

import io.omnireach.tenant.TenantRef;

/** Starts the job that carries out a privacy request (Jakarta Batch in the app; see batch-jobs). */
@FunctionalInterface
public interface PrivacyLauncher {

  /** Returns the job execution id. */
  long start(TenantRef tenant, long requestId);
}
