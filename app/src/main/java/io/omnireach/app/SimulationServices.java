package io.omnireach.app;

import io.omnireach.ai.AiCall;
import io.omnireach.ai.AiSettings;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.Draft;
import io.omnireach.ai.OfflineGenerator;
import io.omnireach.ai.Prices;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadRepository;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.simulation.SimulationAi;
import io.omnireach.simulation.Simulations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.Workflows;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * The simulation sandbox's repository, running started simulations on the managed executor (REST
 * and the Vaadin view share it). With the tenant's AI key, AI Generate steps go through the
 * workflow steps' {@link AiStepGenerator} as actor {@link AiCall#SIMULATION} (in the AI ledger, not
 * in billing usage); without one the offline generator drafts them.
 */
@ApplicationScoped
public class SimulationServices {

  @Resource ManagedExecutorService executor;

  @Produces
  @Singleton
  Simulations simulations(
      Transactions tx,
      Clock clock,
      Workflows workflows,
      LeadRepository leads,
      PersonaRepository personas,
      AiStepGenerator steps,
      AiSettingsRepository aiSettings,
      Prices prices) {
    OfflineGenerator offline = new OfflineGenerator();
    return new Simulations(
            tx,
            clock,
            workflows,
            leads,
            (tenant, leadId, personaId, prompt, actor) ->
                offline.generate(
                    tenant, leads.get(tenant, leadId), personas.get(tenant, personaId)),
            executor)
        .withAi(
            new SimulationAi() {
              @Override
              public boolean connected(TenantRef tenant) {
                return aiSettings.apiKey(tenant).isPresent();
              }

              @Override
              public Draft draft(
                  TenantRef tenant, long leadId, long personaId, String prompt, long workflowId) {
                return steps.generate(
                    tenant, leadId, personaId, prompt, AiCall.SIMULATION, workflowId);
              }

              @Override
              public BigDecimal cost(TenantRef tenant, Draft draft) {
                if (draft.cached()) {
                  return BigDecimal.ZERO;
                }
                AiSettings s = aiSettings.get(tenant);
                return prices
                    .cost(s.provider(), s.model(), draft.promptTokens(), draft.completionTokens())
                    .orElse(BigDecimal.ZERO);
              }
            });
  }
}
