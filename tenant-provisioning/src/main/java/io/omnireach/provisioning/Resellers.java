package io.omnireach.provisioning;

import io.omnireach.audit.AuditLog;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Resellers: operators of a branded instance who provision tenants on it. */
public final class Resellers {

  private final Transactions tx;

  public Resellers(Transactions tx) {
    this.tx = tx;
  }

  /** Creates the reseller or returns the existing one with that slug. */
  public long ensure(String slug, String name, String actor) {
    TenantSchema.requireValidSlug(slug);
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into resellers (slug, name) values (?, ?)"
                      + " on conflict (slug) do update set name = excluded.name returning id,"
                      + " (xmax = 0) as inserted")) {
            ps.setString(1, slug);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getBoolean(2)) {
                AuditLog.record(c, actor, null, "reseller.create", slug, name);
              }
              return rs.getLong(1);
            }
          }
        });
  }
}
