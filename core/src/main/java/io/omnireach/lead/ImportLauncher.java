package io.omnireach.lead;

import io.omnireach.tenant.TenantRef;

/** Starts the job that runs an import (Jakarta Batch in the app; see batch-jobs). */
@FunctionalInterface
public interface ImportLauncher {

  /** Returns the job execution id. */
  long start(TenantRef tenant, long importId);
}
