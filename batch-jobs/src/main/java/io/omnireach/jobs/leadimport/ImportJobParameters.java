package io.omnireach.jobs.leadimport;

import io.omnireach.tenant.TenantRef;
import java.util.Properties;

/** The job parameters of one import: which tenant and which import row. */
public record ImportJobParameters(TenantRef tenant, long importId) {

  static final String TENANT_ID = "tenantId";
  static final String TENANT_SLUG = "tenantSlug";
  static final String IMPORT_ID = "importId";

  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty(TENANT_ID, Long.toString(tenant.id()));
    p.setProperty(TENANT_SLUG, tenant.slug());
    p.setProperty(IMPORT_ID, Long.toString(importId));
    return p;
  }

  static ImportJobParameters of(String tenantId, String tenantSlug, String importId) {
    return new ImportJobParameters(
        new TenantRef(Long.parseLong(tenantId), tenantSlug), Long.parseLong(importId));
  }
}
