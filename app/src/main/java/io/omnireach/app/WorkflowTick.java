package io.omnireach.app;

import io.omnireach.jobs.workflow.WorkflowJobs;
import io.omnireach.tenant.Tenant;
import io.omnireach.workflow.engine.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine's tenant job, every {@code omnireach.workflows.tick-seconds} (default 5; 0 turns the
 * engine off): sweeps the tenant (consumes its lead signals, resumes out-of-office pauses, reclaims
 * expired leases) and, when a step is due, starts the tenant's {@code workflow-steps} job unless it
 * is running. One job per tenant: a tenant with a million due steps does not hold back another's, a
 * failing tenant fails alone, and each job's checkpoint belongs to one schema.
 */
@ApplicationScoped
public class WorkflowTick implements TenantJob {

  private static final Logger LOG = Logger.getLogger(WorkflowTick.class.getName());

  @Inject WorkflowJobs jobs;
  @Inject WorkflowEngine engine;

  @Inject
  @ConfigProperty(name = "omnireach.workflows.tick-seconds", defaultValue = "5")
  long tickSeconds;

  @Override
  public String name() {
    return "workflow-tick";
  }

  @Override
  public Duration every() {
    return Duration.ofSeconds(tickSeconds);
  }

  @Override
  public void run(Tenant t) {
    if (engine.hasDueWork(t.ref())) {
      long id = jobs.startIfIdle(t.ref());
      if (id > 0) {
        LOG.fine("Started workflow-steps of " + t.slug() + ": execution " + id);
      }
    }
  }
}
