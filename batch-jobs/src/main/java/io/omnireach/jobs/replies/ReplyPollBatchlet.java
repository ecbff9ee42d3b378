package io.omnireach.jobs.replies;

import io.omnireach.channel.inbound.ImapPoller;
import io.omnireach.channel.inbound.PollResult;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code reply-poll} step: polls the IMAP inbox of every mailbox that has IMAP settings, tenant
 * by tenant (ACTIVE tenants only). A failing tenant or mailbox is logged and counted; the others
 * are still polled. Idempotent: replies are unique by their Message-ID, so a restarted or
 * overlapping poll stores nothing twice. The exit status carries the counts.
 */
@Named("replyPollBatchlet")
@Dependent
public class ReplyPollBatchlet extends AbstractBatchlet {

  static final String JOB = "reply-poll";
  private static final Logger LOG = Logger.getLogger(ReplyPollBatchlet.class.getName());

  @Inject ImapPoller poller;
  @Inject TenantDirectory tenants;
  @Inject StepContext step;

  @Inject
  @BatchProperty(name = "tenant")
  String tenantSlug;

  @Override
  public String process() {
    PollResult total = PollResult.NONE;
    for (Tenant tenant : tenants.list(null)) {
      if (tenant.status() != TenantStatus.ACTIVE
          || (tenantSlug != null && !tenantSlug.isBlank() && !tenantSlug.equals(tenant.slug()))) {
        continue;
      }
      try {
        total = total.plus(poller.pollTenant(tenant.ref()));
      } catch (RuntimeException e) {
        // e.g. a schema not yet migrated to V6; the next run retries
        LOG.log(Level.FINE, "Reply poll of " + tenant.slug() + " failed", e);
      }
    }
    String status =
        "fetched="
            + total.fetched()
            + " stored="
            + total.stored()
            + " duplicates="
            + total.duplicates()
            + " unmatched="
            + total.unmatched()
            + " failed="
            + total.failed();
    if (total.fetched() > 0 || total.failed() > 0) {
      LOG.info("Reply poll: " + status);
    }
    step.setExitStatus(status);
    return "COMPLETED";
  }
}
