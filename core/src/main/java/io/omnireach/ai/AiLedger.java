package io.omnireach.ai;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The {@code ai_call} table of each tenant schema: what every generation cost. */
public final class AiLedger {

  private final Transactions tx;
  private final Clock clock;

  public AiLedger(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public void record(TenantRef tenant, AiCall call) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into ai_call (at, provider, model, prompt_tokens, completion_tokens,"
                      + " cost_usd, priced, latency_ms, attempts, cache_hit, outcome, error,"
                      + " lead_id, persona_id, actor)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 1;
            ps.setTimestamp(i++, Timestamp.from(clock.instant()));
            ps.setString(i++, call.provider().id());
            ps.setString(i++, call.model());
            ps.setInt(i++, call.promptTokens());
            ps.setInt(i++, call.completionTokens());
            ps.setBigDecimal(i++, call.costUsd() == null ? BigDecimal.ZERO : call.costUsd());
            ps.setBoolean(i++, call.priced());
            ps.setLong(i++, call.latencyMs());
            ps.setInt(i++, call.attempts());
            ps.setBoolean(i++, call.cacheHit());
            ps.setString(i++, call.outcome().name());
            ps.setString(i++, call.error());
            setLong(ps, i++, call.leadId());
            setLong(ps, i++, call.personaId());
            ps.setString(i, call.actor());
            return ps.executeUpdate();
          }
        });
  }

  /** Tokens billed this calendar month (UTC), what the budget is checked against. */
  public long tokensThisMonth(TenantRef tenant) {
    return usage(tenant, YearMonth.now(clock.withZone(ZoneOffset.UTC))).totalTokens();
  }

  public AiUsage usageThisMonth(TenantRef tenant) {
    return usage(tenant, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
  }

  public AiUsage usage(TenantRef tenant, YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*), count(*) filter (where cache_hit),"
                      + " count(*) filter (where outcome = 'FAILED'),"
                      + " coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0),"
                      + " coalesce(sum(cost_usd), 0), count(*) filter (where not priced)"
                      + " from ai_call where at >= ? and at < ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new AiUsage(
                  month,
                  rs.getInt(1),
                  rs.getInt(2),
                  rs.getInt(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getBigDecimal(6).stripTrailingZeros(),
                  rs.getInt(7));
            }
          }
        });
  }

  private static void setLong(PreparedStatement ps, int i, Long value)
      throws java.sql.SQLException {
    if (value == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, value);
    }
  }
}
