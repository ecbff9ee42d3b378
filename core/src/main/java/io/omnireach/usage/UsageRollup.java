package io.omnireach.usage;

import io.omnireach.db.Transactions;
import java.sql.PreparedStatement;

/**
 * Folds usage events into {@code usage_hourly}, a batch per transaction: the events are marked
 * rolled up and added to their hour in the same statement, so a crash either does both or neither.
 * Rows are taken with {@code SKIP LOCKED}: several servers may roll up at once.
 */
public final class UsageRollup {

  private final Transactions tx;

  public UsageRollup(Transactions tx) {
    this.tx = tx;
  }

  /** Rolls up at most {@code limit} events; returns how many. */
  public int rollUp(int limit) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "with batch as (update usage_events e set rolled_up = true"
                      + " where e.id in (select id from usage_events where not rolled_up"
                      + " limit ? for update skip locked)"
                      + " returning tenant_id, meter, quantity, cost_micros, occurred_at),"
                      + " hours as (select tenant_id, meter, date_trunc('hour', occurred_at,"
                      + " 'UTC') as hour, sum(quantity) as quantity,"
                      + " coalesce(sum(cost_micros), 0) as cost_micros, count(*) as n"
                      + " from batch group by 1, 2, 3),"
                      + " upsert as (insert into usage_hourly"
                      + " (tenant_id, meter, hour, quantity, cost_micros)"
                      + " select tenant_id, meter, hour, quantity, cost_micros from hours"
                      + " on conflict (tenant_id, meter, hour) do update"
                      + " set quantity = usage_hourly.quantity + excluded.quantity,"
                      + " cost_micros = usage_hourly.cost_micros + excluded.cost_micros)"
                      + " select coalesce(sum(n), 0) from hours")) {
            ps.setInt(1, limit);
            try (var rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  /** Rolls up until nothing is pending; returns how many events in total. */
  public int rollUpAll() {
    int total = 0;
    for (int n = rollUp(10_000); n > 0; n = rollUp(10_000)) {
      total += n;
    }
    return total;
  }
}
