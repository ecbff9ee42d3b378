package io.omnireach.seed;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.WorkflowTemplate;
import io.omnireach.workflow.Workflows;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a draft from each shipped workflow template in a tenant (after the personas, whose names
 * the templates use). Idempotent: a template the tenant already made a workflow from is skipped.
 */
public final class WorkflowSeed {

  private static final String ACTOR = "seed";
  private final Workflows workflows;

  public WorkflowSeed(Transactions tx, Clock clock) {
    this.workflows = new Workflows(tx, clock);
  }

  public List<String> load(TenantRef tenant) {
    List<String> log = new ArrayList<>();
    for (WorkflowTemplate t : workflows.templates()) {
      String line = "workflow " + t.name() + " in " + tenant.slug();
      if (workflows.hasTemplate(tenant, t.id())) {
        log.add(line + " (exists)");
      } else {
        workflows.createFromTemplate(tenant, t.id(), ACTOR);
        log.add(line + " (created)");
      }
    }
    return log;
  }
}
