package io.omnireach.jobs.workflow;

import io.omnireach.db.Transactions;
import io.omnireach.workflow.engine.StepClaim;
import io.omnireach.workflow.engine.WorkflowEngine;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands out due steps, claiming a batch at a time in the chunk's transaction (so a rolled-back
 * chunk releases its claims). Returns null — the step ends — when nothing is due any more.
 */
@Named("workflowStepReader")
@Dependent
public class WorkflowStepReader extends AbstractItemReader {

  static final int BATCH = 200;

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject WorkflowEngine engine;
  @Inject Transactions tx;
  @Inject JobContext job;

  private WorkflowJobParameters params;
  private final Deque<StepClaim> buffer = new ArrayDeque<>();
  private long claimed;

  @Override
  public void open(Serializable checkpoint) {
    params = WorkflowJobParameters.of(tenantId, tenantSlug);
    claimed = checkpoint instanceof WorkflowCheckpoint w ? w.claimed() : 0;
    // replies, out-of-office returns and expired leases first, in this first transaction
    tx.joined(
        params.tenant(),
        c -> {
          engine.sweep(c, engine.clock().instant());
          return null;
        });
  }

  @Override
  public Object readItem() {
    if (buffer.isEmpty()) {
      Instant now = engine.clock().instant();
      String owner = "job:" + job.getExecutionId();
      buffer.addAll(tx.joined(params.tenant(), c -> engine.claim(c, now, owner, BATCH)));
      claimed += buffer.size();
    }
    return buffer.poll();
  }

  @Override
  public Serializable checkpointInfo() {
    return new WorkflowCheckpoint(claimed);
  }
}
