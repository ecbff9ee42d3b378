package io.omnireach.app;

import io.omnireach.ai.OfflineGenerator;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadRepository;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.simulation.Simulations;
import io.omnireach.workflow.Workflows;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The simulation sandbox's repository, running started simulations on the managed executor (REST
 * and the Vaadin view share it). AI Generate steps are drafted by the offline generator: a
 * simulation never calls the tenant's AI provider, so nothing lands in the AI ledger or in usage
 * (its calls and tokens are counted on the simulation itself).
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
      PersonaRepository personas) {
    OfflineGenerator offline = new OfflineGenerator();
    return new Simulations(
        tx,
        clock,
        workflows,
        leads,
        (tenant, leadId, personaId, prompt, actor) ->
            offline.generate(tenant, leads.get(tenant, leadId), personas.get(tenant, personaId)),
        executor);
  }
}
