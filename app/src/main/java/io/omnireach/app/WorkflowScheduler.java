package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.jobs.workflow.WorkflowJobs;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.workflow.engine.WorkflowEngine;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code omnireach.workflows.tick-seconds} (default 5; 0 turns the engine off) sweeps each
 * ACTIVE tenant's workflow events (replies, out-of-office returns, expired leases) and, when a step
 * is due, starts that tenant's {@code workflow-steps} job unless it is running. One job per tenant:
 * a tenant with a million due steps does not hold back another's, a failing tenant fails alone, and
 * each job's checkpoint belongs to one schema.
 */
@ApplicationScoped
public class WorkflowScheduler {

  private static final Logger LOG = Logger.getLogger(WorkflowScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject WorkflowJobs jobs;
  @Inject WorkflowEngine engine;
  @Inject TenantDirectory tenants;
  @Inject StartupState startup;

  @Inject
  @ConfigProperty(name = "omnireach.workflows.tick-seconds", defaultValue = "5")
  long tickSeconds;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (tickSeconds > 0) {
      scheduler.scheduleWithFixedDelay(this::tick, tickSeconds, tickSeconds, TimeUnit.SECONDS);
    }
  }

  void tick() {
    if (!startup.isReady()) {
      return;
    }
    try {
      for (Tenant t : tenants.list(null)) {
        if (t.status() != TenantStatus.ACTIVE) {
          continue;
        }
        try {
          if (engine.hasDueWork(t.ref())) {
            long id = jobs.startIfIdle(t.ref());
            if (id > 0) {
              LOG.fine("Started workflow-steps of " + t.slug() + ": execution " + id);
            }
          }
        } catch (RuntimeException e) {
          // e.g. a schema not yet migrated to V10; the next tick retries
          LOG.log(Level.FINE, "Workflow tick of " + t.slug() + " failed", e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Workflow tick failed", e);
    }
  }
}
