package io.omnireach.jobs.privacy;

import io.omnireach.privacy.PrivacyRequests;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Hands out the request's step numbers from the first one not done: the request row is the
 * checkpoint (its steps_done commits with each step), so a restart goes on after the last.
 */
@Named("privacyStepReader")
@Dependent
public class PrivacyStepReader extends AbstractItemReader {

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String requestId;
  @Inject PrivacyRequests requests;

  private int next;
  private int total;

  @Override
  public void open(Serializable checkpoint) {
    PrivacyJobParameters p = PrivacyJobParameters.of(tenantId, tenantSlug, requestId);
    int[] position = requests.positionJoined(p.tenant(), p.requestId());
    next = position[0];
    total = position[1];
  }

  @Override
  public Object readItem() {
    return next < total ? next++ : null;
  }

  @Override
  public Serializable checkpointInfo() {
    return next;
  }
}
