package io.omnireach.ai;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** The {@code ai_call} table of each tenant schema: what every generation cost. */
public final class AiLedger {

  private final Transactions tx;
  private final Clock clock;
  private io.omnireach.common.Telemetry telemetry = io.omnireach.common.Telemetry.NONE;

  public AiLedger(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** Where recorded calls are counted (calls, tokens, cost, latency per tenant and provider). */
  public AiLedger observedBy(io.omnireach.common.Telemetry telemetry) {
    this.telemetry = telemetry;
    return this;
  }

  public void record(TenantRef tenant, AiCall call) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into ai_call (at, provider, model, prompt_tokens, completion_tokens,"
                      + " cost_usd, priced, latency_ms, attempts, cache_hit, outcome, error,"
                      + " lead_id, persona_id, actor, workflow_id)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            int i = 1;
            Instant at = clock.instant();
            ps.setTimestamp(i++, Timestamp.from(at));
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
            ps.setString(i++, call.actor());
            setLong(ps, i, call.workflowId());
            long id;
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
            meter(c, tenant, call, id, at);
            return id;
          }
        });
    telemetry.aiCall(
        tenant.slug(),
        call.provider().id(),
        call.outcome().name().toLowerCase(java.util.Locale.ROOT),
        call.promptTokens(),
        call.completionTokens(),
        call.costUsd() == null ? BigDecimal.ZERO : call.costUsd(),
        call.latencyMs());
  }

  /**
   * The provider call's usage, in the same transaction as its ledger row (keyed by the row's id): a
   * cache hit costs no call and no tokens, so it is not metered; nor is a simulation's call.
   */
  private void meter(Connection c, TenantRef tenant, AiCall call, long id, Instant at)
      throws SQLException {
    if (call.cacheHit() || AiCall.SIMULATION.equals(call.actor())) {
      return;
    }
    String key = "ai_call:" + id;
    Long cost =
        call.costUsd() == null
            ? null
            : call.costUsd().movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    Long user = userId(c, call.actor());
    long t = tenant.id();
    UsageLedger.ON.recordAll(
        c,
        List.of(
            new UsageEvent(t, Meter.AI_CALLS, 1, cost, key, at, null, user),
            new UsageEvent(
                t, Meter.AI_INPUT_TOKENS, call.promptTokens(), null, key, at, null, user),
            new UsageEvent(
                t, Meter.AI_OUTPUT_TOKENS, call.completionTokens(), null, key, at, null, user)));
  }

  /** The platform user behind an actor email (per-user usage exports); null for the engine. */
  private static Long userId(Connection c, String actor) throws SQLException {
    if (actor == null || actor.isBlank()) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement("select id from platform.users where lower(email) = lower(?)")) {
      ps.setString(1, actor);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
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

  /** The tenant's AI cost in {@code [from, to)}: total and per workflow, costliest first. */
  public AiCosts costs(TenantRef tenant, Instant from, Instant to) {
    return tx.tenant(
        tenant,
        c -> {
          int calls;
          long tokens;
          BigDecimal cost;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*), coalesce(sum(prompt_tokens + completion_tokens), 0),"
                      + " coalesce(sum(cost_usd), 0) from ai_call where at >= ? and at < ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              calls = rs.getInt(1);
              tokens = rs.getLong(2);
              cost = rs.getBigDecimal(3).stripTrailingZeros();
            }
          }
          List<AiCosts.WorkflowCost> workflows = new java.util.ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select a.workflow_id, w.name, count(*),"
                      + " sum(a.prompt_tokens + a.completion_tokens), sum(a.cost_usd)"
                      + " from ai_call a left join workflows w on w.id = a.workflow_id"
                      + " where a.workflow_id is not null and a.at >= ? and a.at < ?"
                      + " group by a.workflow_id, w.name order by 5 desc, 1")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                workflows.add(
                    new AiCosts.WorkflowCost(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5).stripTrailingZeros()));
              }
            }
          }
          return new AiCosts(from, to, calls, tokens, cost, List.copyOf(workflows));
        });
  }

  /** This calendar month's (UTC) cost per provider id, for the operators' metrics. */
  public java.util.Map<String, BigDecimal> costThisMonthByProvider(TenantRef tenant) {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return tx.tenant(
        tenant,
        c -> {
          java.util.Map<String, BigDecimal> byProvider = new java.util.TreeMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select provider, sum(cost_usd) from ai_call where at >= ? group by provider")) {
            ps.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                byProvider.put(
                    rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getBigDecimal(2));
              }
            }
          }
          return byProvider;
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
