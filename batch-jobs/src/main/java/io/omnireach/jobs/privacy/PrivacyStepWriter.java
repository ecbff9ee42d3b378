package io.omnireach.jobs.privacy;

import io.omnireach.db.Transactions;
import io.omnireach.privacy.PrivacyRequests;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Runs a step and records it in the chunk's transaction. */
@Named("privacyStepWriter")
@Dependent
public class PrivacyStepWriter extends AbstractItemWriter {

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String requestId;
  @Inject PrivacyRequests requests;
  @Inject Transactions tx;

  @Override
  public void writeItems(List<Object> items) {
    PrivacyJobParameters p = PrivacyJobParameters.of(tenantId, tenantSlug, requestId);
    tx.joined(
        p.tenant(),
        c -> {
          for (Object step : items) {
            requests.runStep(c, p.requestId(), (Integer) step);
          }
          return null;
        });
  }
}
