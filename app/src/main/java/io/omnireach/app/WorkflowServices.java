package io.omnireach.app;

import io.omnireach.db.Transactions;
import io.omnireach.workflow.Workflows;
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
}
