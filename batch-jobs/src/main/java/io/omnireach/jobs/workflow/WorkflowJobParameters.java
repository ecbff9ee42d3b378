package io.omnireach.jobs.workflow;

import io.omnireach.tenant.TenantRef;
import java.util.Properties;

/** The job parameters of a {@code workflow-steps} execution: the tenant it works for. */
public record WorkflowJobParameters(TenantRef tenant) {

  static final String TENANT_ID = "tenantId";
  static final String TENANT_SLUG = "tenantSlug";

  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty(TENANT_ID, Long.toString(tenant.id()));
    p.setProperty(TENANT_SLUG, tenant.slug());
    return p;
  }

  static WorkflowJobParameters of(String tenantId, String tenantSlug) {
    return new WorkflowJobParameters(new TenantRef(Long.parseLong(tenantId), tenantSlug));
  }

  static WorkflowJobParameters of(Properties p) {
    return of(p.getProperty(TENANT_ID), p.getProperty(TENANT_SLUG));
  }
}
