package io.omnireach.app;

import io.omnireach.ai.Draft;
import io.omnireach.ai.GenerationService;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.engine.StepGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * AI Generate steps through the AI generation service. The service runs its own local transactions
 * (ledger, cache), which a JTA chunk transaction forbids, so the chunk's transaction is suspended
 * for the call (NOT_SUPPORTED) and resumes afterwards.
 */
@ApplicationScoped
public class AiStepGenerator implements StepGenerator {

  @Inject GenerationService generation;

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Draft generate(
      TenantRef tenant, long leadId, long personaId, String prompt, String actor) {
    // the persona's voice and the lead drive the draft; the node's prompt is its brief
    return generation.draft(tenant, leadId, personaId, prompt, actor);
  }
}
