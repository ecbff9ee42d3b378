package io.omnireach.simulation;

import io.omnireach.ai.AiCall;
import io.omnireach.ai.Draft;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;

/**
 * The tenant's AI provider as a simulation uses it: the workflow AI step's generation path (prompt,
 * cache, budget, ledger) under the actor {@link AiCall#SIMULATION}, so the ledger records each call
 * but no billing usage is metered. Without a key the simulation keeps the offline writer.
 */
public interface SimulationAi {

  /** Whether the tenant has an API key. */
  boolean connected(TenantRef tenant);

  /** The provider's draft for an AI Generate step of {@code workflowId}. */
  Draft draft(TenantRef tenant, long leadId, long personaId, String prompt, long workflowId);

  /** What the draft cost, priced as the ledger prices it (0 for a cache hit or unpriced model). */
  BigDecimal cost(TenantRef tenant, Draft draft);
}
