package io.omnireach.workflow.node;

import io.omnireach.lead.Lead;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.engine.StepClaim;
import io.omnireach.workflow.engine.StepFailure;
import java.sql.Connection;
import java.time.Instant;

/** One step to execute: the chunk's connection, the claim, its lead (null when deleted), config. */
public record Step<C>(
    Connection c, TenantRef tenant, StepClaim claim, Lead lead, C config, Instant now) {

  /** The lead, or a permanent failure when it was deleted. */
  public Lead requireLead() {
    if (lead == null) {
      throw StepFailure.permanent("Lead " + claim.leadId() + " no longer exists.");
    }
    return lead;
  }

  /** Who the step acts as in audit columns. */
  public String actor() {
    return "workflow:" + claim.workflowId();
  }
}
