package io.omnireach.app;

import io.omnireach.ai.AiLedger;
import io.omnireach.ai.AiSettings;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.app.metrics.Metrics;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the gauges over tenant data every {@code omnireach.metrics.refresh-seconds} (default 60), a
 * {@link TenantJob} of the {@link TenantLoop}, so a Prometheus scrape never queries the database:
 * outbox depth and oldest age (QUEUED/SENDING rows, through the partial indexes), unfinished runs
 * by status, LLM cost this month per provider and the share of the token budget used.
 */
@ApplicationScoped
public class BusinessMetricsJob implements TenantJob {

  @Inject Transactions tx;
  @Inject AiLedger ledger;
  @Inject AiSettingsRepository aiSettings;
  @Inject Metrics metrics;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "omnireach.metrics.refresh-seconds", defaultValue = "60")
  long refreshSeconds;

  @Override
  public String name() {
    return "business-metrics";
  }

  @Override
  public Duration every() {
    return Duration.ofSeconds(refreshSeconds);
  }

  @Override
  public void run(Tenant t) {
    Instant now = clock.instant();
    Map<String, Map<String, Long>> depth = new TreeMap<>();
    Map<String, Double> age = new TreeMap<>();
    Map<String, Long> runs = new TreeMap<>();
    tx.tenant(
        t.ref(),
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      // age counts from when a row became due: a message deferred to its
                      // send window is not stuck while it waits for it
                      "select channel, status, count(*), coalesce(extract(epoch from (? - min("
                          + " case when status = 'SENDING' then coalesce(claimed_at, created_at)"
                          + " else coalesce(not_before, created_at) end) filter (where"
                          + " status = 'SENDING' or not_before is null or not_before <= ?))), 0)"
                          + " from messages where status in ('QUEUED', 'SENDING')"
                          + " group by channel, status");
              PreparedStatement rs2 =
                  c.prepareStatement(
                      "select status, count(*) from workflow_runs"
                          + " where status in ('pending', 'running', 'waiting', 'paused')"
                          + " group by status")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(now));
            ps.setTimestamp(2, java.sql.Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String channel = rs.getString(1).toLowerCase(Locale.ROOT);
                depth
                    .computeIfAbsent(channel, k -> new HashMap<>())
                    .put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(3));
                age.merge(channel, Math.max(0, rs.getDouble(4)), Math::max);
              }
            }
            try (ResultSet rs = rs2.executeQuery()) {
              while (rs.next()) {
                runs.put(rs.getString(1), rs.getLong(2));
              }
            }
          }
          return null;
        });
    AiSettings settings = aiSettings.get(t.ref());
    Map<String, BigDecimal> cost = new TreeMap<>(ledger.costThisMonthByProvider(t.ref()));
    cost.putIfAbsent(settings.provider().id(), BigDecimal.ZERO); // a series for every tenant
    double used = (double) ledger.tokensThisMonth(t.ref()) / settings.monthlyTokenBudget();
    metrics.snapshot(
        t.slug(),
        new Metrics.TenantSnapshot(now, depth, age, runs, cost, used),
        Duration.ofMinutes(2).plus(every().multipliedBy(3)));
  }
}
