package io.omnireach.knowledge;

import io.omnireach.tenant.TenantRef;

/** Starts the job that indexes a document (Jakarta Batch in the app; see batch-jobs). */
@FunctionalInterface
public interface KnowledgeLauncher {

  /** Returns the job execution id. */
  long start(TenantRef tenant, long documentId);
}
