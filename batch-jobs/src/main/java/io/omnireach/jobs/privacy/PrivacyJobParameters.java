package io.omnireach.jobs.privacy;

import io.omnireach.tenant.TenantRef;
import java.util.Properties;

/** The job parameters of one privacy request: which tenant and which request. */
public record PrivacyJobParameters(TenantRef tenant, long requestId) {

  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("tenantId", Long.toString(tenant.id()));
    p.setProperty("tenantSlug", tenant.slug());
    p.setProperty("requestId", Long.toString(requestId));
    return p;
  }

  static PrivacyJobParameters of(String tenantId, String tenantSlug, String requestId) {
    return new PrivacyJobParameters(
        new TenantRef(Long.parseLong(tenantId), tenantSlug), Long.parseLong(requestId));
  }
}
