package io.omnireach.workflow.engine;

import io.omnireach.ai.Draft;
import io.omnireach.tenant.TenantRef;

/**
 * Writes the draft of an AI Generate step. The app's implementation calls the AI {@code
 * GenerationService} outside the chunk's transaction (the service runs its own); tests pass a
 * lambda.
 */
@FunctionalInterface
public interface StepGenerator {
  Draft generate(TenantRef tenant, long leadId, long personaId, String prompt, String actor);

  /** As above for a step of {@code workflowId}, so the AI ledger can attribute its cost. */
  default Draft generate(
      TenantRef tenant, long leadId, long personaId, String prompt, String actor, long workflowId) {
    return generate(tenant, leadId, personaId, prompt, actor);
  }
}
