package io.omnireach.testing;

import io.omnireach.db.Transactions;
import io.omnireach.usage.Meter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads the usage ledger directly, for tests that check an action was metered exactly once. */
public final class UsageProbe {

  private UsageProbe() {}

  /** Events and their summed quantity for keys matching the SQL LIKE pattern, as "events/sum". */
  public static String events(Transactions tx, long tenantId, Meter meter, String keyLike) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*), coalesce(sum(quantity), 0) from usage_events"
                      + " where tenant_id = ? and meter = ? and idempotency_key like ?")) {
            ps.setLong(1, tenantId);
            ps.setString(2, meter.key());
            ps.setString(3, keyLike);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1) + "/" + rs.getLong(2);
            }
          }
        });
  }
}
