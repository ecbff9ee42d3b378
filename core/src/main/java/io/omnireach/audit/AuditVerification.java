package io.omnireach.audit;

/**
 * The result of checking one chain: {@code rows} entries checked; when broken, the first entry that
 * does not fit (its id and place in the chain) and why.
 */
public record AuditVerification(
    String tenantSlug, boolean ok, long rows, Long brokenId, Long brokenSeq, String problem) {

  static AuditVerification intact(String tenantSlug, long rows) {
    return new AuditVerification(tenantSlug, true, rows, null, null, null);
  }

  static AuditVerification broken(String tenantSlug, long rows, AuditEntry at, String problem) {
    return new AuditVerification(tenantSlug, false, rows, at.id(), at.seq(), problem);
  }
}
