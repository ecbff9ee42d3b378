package io.omnireach.jobs.workflow;

import io.omnireach.channel.Outbox;
import io.omnireach.db.Transactions;
import io.omnireach.workflow.engine.StepClaim;
import io.omnireach.workflow.engine.WorkflowEngine;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Executes a chunk of claimed steps and writes their results in the chunk's transaction. Emails are
 * only queued here (outbox rows); the relay gets them after the commit, never before, so a chunk
 * that rolls back has sent nothing and its re-run queues the same keys once.
 */
@Named("workflowStepWriter")
@Dependent
public class WorkflowStepWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(WorkflowStepWriter.class.getName());

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject WorkflowEngine engine;
  @Inject Transactions tx;
  @Inject Outbox outbox;
  @Resource TransactionSynchronizationRegistry registry;

  private WorkflowJobParameters params;

  @Override
  public void open(Serializable checkpoint) {
    params = WorkflowJobParameters.of(tenantId, tenantSlug);
  }

  @Override
  public void writeItems(List<Object> items) {
    @SuppressWarnings("unchecked")
    List<StepClaim> steps = (List<StepClaim>) (List<?>) items;
    Instant now = engine.clock().instant();
    WorkflowEngine.ChunkResult result =
        tx.joined(params.tenant(), c -> engine.execute(c, params.tenant(), steps, now));
    if (!result.messageIds().isEmpty()) {
      List<Long> ids = List.copyOf(result.messageIds());
      registry.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status != Status.STATUS_COMMITTED) {
                return; // rolled back: nothing was queued; the re-run queues again
              }
              for (long id : ids) {
                try {
                  outbox.dispatch(params.tenant(), id);
                } catch (RuntimeException e) {
                  // the outbox sweep relays it later
                  LOG.log(Level.FINE, "Dispatch of message " + id + " deferred to the sweep", e);
                }
              }
            }
          });
    }
  }
}
