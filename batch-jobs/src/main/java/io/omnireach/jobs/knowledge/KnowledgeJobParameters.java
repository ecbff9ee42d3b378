package io.omnireach.jobs.knowledge;

import io.omnireach.tenant.TenantRef;
import java.util.Properties;

/** The job parameters of one indexing: which tenant and which document. */
public record KnowledgeJobParameters(TenantRef tenant, long documentId) {

  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("tenantId", Long.toString(tenant.id()));
    p.setProperty("tenantSlug", tenant.slug());
    p.setProperty("documentId", Long.toString(documentId));
    return p;
  }

  static KnowledgeJobParameters of(String tenantId, String tenantSlug, String documentId) {
    return new KnowledgeJobParameters(
        new TenantRef(Long.parseLong(tenantId), tenantSlug), Long.parseLong(documentId));
  }
}
