package io.omnireach.app;

import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadRepository;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.Enrollments;
import io.omnireach.workflow.engine.RunControl;
import io.omnireach.workflow.engine.Runs;
import io.omnireach.workflow.engine.Tasks;
import io.omnireach.workflow.engine.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the workflow feature of core into CDI (REST resources, the builder view, batch jobs). */
@ApplicationScoped
public class WorkflowServices {

  @Produces
  @Singleton
  Workflows workflows(Transactions tx, Clock clock) {
    return new Workflows(tx, clock);
  }

  @Produces
  @Singleton
  WorkflowEngine engine(
      Transactions tx,
      Clock clock,
      AiStepGenerator generator,
      io.omnireach.common.Telemetry telemetry) {
    return new WorkflowEngine(tx, clock, generator, RetryPolicy.WORKFLOW_STEP)
        .observedBy(telemetry);
  }

  @Produces
  @Singleton
  Enrollments enrollments(Transactions tx, Clock clock, LeadRepository leads) {
    return new Enrollments(tx, clock, leads);
  }

  @Produces
  @Singleton
  RunControl runControl(Transactions tx, Clock clock) {
    return new RunControl(tx, clock);
  }

  @Produces
  @Singleton
  Runs runs(Transactions tx) {
    return new Runs(tx);
  }

  @Produces
  @Singleton
  Tasks tasks(Transactions tx, Clock clock) {
    return new Tasks(tx, clock);
  }
}
