package io.omnireach.app;

import io.omnireach.ai.AiException;
import io.omnireach.ai.Draft;
import io.omnireach.ai.GenerationService;
import io.omnireach.common.DomainException;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.engine.StepGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * AI Generate steps through the AI generation service. The service runs its own local transactions
 * (ledger, cache), which a JTA chunk transaction forbids, so the chunk's transaction is suspended
 * for the call (NOT_SUPPORTED) and resumes afterwards.
 *
 * <p>The engine retries a failed step with its backoff, so the provider is called once per step
 * attempt (no retries inside a retried step). A failure the step policy calls permanent (bad key,
 * rejected request) reaches the engine as a domain error, which fails the step without retrying.
 */
@ApplicationScoped
public class AiStepGenerator implements StepGenerator {

  @Inject GenerationService generation;

  private GenerationService once;

  @PostConstruct
  void init() {
    once = generation.withRetry(RetryPolicy.AI_CALL.withMaxAttempts(1));
  }

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Draft generate(
      TenantRef tenant, long leadId, long personaId, String prompt, String actor) {
    return draft(tenant, leadId, personaId, prompt, actor, null);
  }

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Draft generate(
      TenantRef tenant, long leadId, long personaId, String prompt, String actor, long workflowId) {
    return draft(tenant, leadId, personaId, prompt, actor, workflowId);
  }

  private Draft draft(
      TenantRef tenant, long leadId, long personaId, String prompt, String actor, Long workflow) {
    try {
      // the persona's voice and the lead drive the draft; the node's prompt is its brief
      return once.draft(tenant, leadId, personaId, prompt, actor, workflow);
    } catch (AiException e) {
      if (RetryPolicy.WORKFLOW_STEP.isPermanent(e.failure())) {
        throw new DomainException(DomainException.Kind.INVALID, e.getMessage());
      }
      throw e; // transient: the engine tries the step again after its backoff
    }
  }
}
