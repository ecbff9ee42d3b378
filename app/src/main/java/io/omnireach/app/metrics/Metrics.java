package io.omnireach.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omnireach.common.Telemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The application's meter registry and the one place that names its metrics (the {@code NAME}
 * constants; {@link #NAMES} lists every series the dashboards and alert rules may use, which a test
 * checks them against).
 *
 * <p>Labels are bounded: channel, status, outcome, node type, provider, webhook source, job name.
 * The LLM metrics also carry the tenant <b>slug</b>: operators need cost and budget per tenant, and
 * the label is bounded by the number of tenants (docs/operations.md). Nothing carries lead ids,
 * emails or other per-row values.
 *
 * <p>Counters and timers are incremented where the work happens (through {@link Telemetry} from
 * core). Gauges over tenant data (outbox depth and age, unfinished runs, LLM cost this month,
 * budget use) come from a periodic pass over the tenants ({@code BusinessMetricsJob}), never from a
 * query per scrape.
 */
@ApplicationScoped
public class Metrics implements Telemetry {

  public static final String LOGINS = "omnireach_logins";
  public static final String HTTP_REQUESTS = "omnireach_http_server_requests";
  public static final String OUTBOX_DEPTH = "omnireach_outbox_depth";
  public static final String OUTBOX_OLDEST_AGE = "omnireach_outbox_oldest_age_seconds";
  public static final String SENDS = "omnireach_sends";
  public static final String WORKFLOW_STEPS = "omnireach_workflow_steps";
  public static final String WORKFLOW_RUNS = "omnireach_workflow_runs";
  public static final String LLM_CALLS = "omnireach_llm_calls";
  public static final String LLM_TOKENS = "omnireach_llm_tokens";
  public static final String LLM_LATENCY = "omnireach_llm_latency";
  public static final String LLM_COST = "omnireach_llm_cost";
  public static final String LLM_BUDGET_USED = "omnireach_llm_budget_used_ratio";
  public static final String IMPORT_ROWS = "omnireach_import_rows";
  public static final String WEBHOOK_FAILURES = "omnireach_webhook_failures";
  public static final String TENANT_JOB_FAILURES = "omnireach_tenant_job_failures";

  /**
   * Every series name as Prometheus exposes it (counters end in {@code _total}, timers in {@code
   * _seconds_count/_sum/_max}), for the dashboards and alert rules.
   */
  public static final Set<String> NAMES =
      Set.of(
          LOGINS + "_total",
          HTTP_REQUESTS + "_seconds_count",
          HTTP_REQUESTS + "_seconds_sum",
          HTTP_REQUESTS + "_seconds_max",
          OUTBOX_DEPTH,
          OUTBOX_OLDEST_AGE,
          SENDS + "_total",
          WORKFLOW_STEPS + "_seconds_count",
          WORKFLOW_STEPS + "_seconds_sum",
          WORKFLOW_STEPS + "_seconds_max",
          WORKFLOW_RUNS,
          LLM_CALLS + "_total",
          LLM_TOKENS + "_total",
          LLM_LATENCY + "_seconds_count",
          LLM_LATENCY + "_seconds_sum",
          LLM_LATENCY + "_seconds_max",
          LLM_COST,
          LLM_BUDGET_USED,
          IMPORT_ROWS + "_total",
          WEBHOOK_FAILURES + "_total",
          TENANT_JOB_FAILURES + "_total");

  /** Outbox statuses that are still waiting to go out. */
  public static final List<String> PENDING_STATUSES = List.of("queued", "sending");

  public static final List<String> CHANNELS = List.of("email", "sms", "voice");

  /** Run statuses that are not finished (counted through a partial index). */
  public static final List<String> UNFINISHED_RUNS =
      List.of("pending", "running", "waiting", "paused");

  /** What one pass of the business-metrics job read from one tenant's schema. */
  public record TenantSnapshot(
      Instant at,
      Map<String, Map<String, Long>> outboxDepth,
      Map<String, Double> outboxOldestAgeSeconds,
      Map<String, Long> unfinishedRuns,
      Map<String, BigDecimal> llmCostThisMonth,
      double budgetUsedRatio) {}

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, TenantSnapshot> snapshots = new ConcurrentHashMap<>();
  private final MultiGauge outboxDepth;
  private final MultiGauge outboxAge;
  private final MultiGauge runs;
  private final MultiGauge llmCost;
  private final MultiGauge budgetUsed;
  // a registry holds a gauge's value object weakly: the current rows' values are kept here
  private volatile List<double[]> values = List.of();

  public Metrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    outboxDepth =
        MultiGauge.builder(OUTBOX_DEPTH)
            .description("Messages waiting in the outbox of all tenants, by channel and status")
            .register(registry);
    outboxAge =
        MultiGauge.builder(OUTBOX_OLDEST_AGE)
            .description(
                "Seconds the longest-waiting due message of all tenants has waited, by channel")
            .register(registry);
    runs =
        MultiGauge.builder(WORKFLOW_RUNS)
            .description("Unfinished workflow runs of all tenants, by status")
            .register(registry);
    llmCost =
        MultiGauge.builder(LLM_COST)
            .description(
                "USD spent on LLM calls this calendar month (UTC) by tenant and provider,"
                    + " from the AI ledger (tokens x the configured price)")
            .register(registry);
    budgetUsed =
        MultiGauge.builder(LLM_BUDGET_USED)
            .description("Share of the tenant's monthly AI token budget used this month")
            .register(registry);
    publish(Instant.now(), Duration.ofMinutes(5)); // zero series from the start
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Sign-in attempts (API and UI) by outcome: success, bad_credentials, throttled, refused. */
  public Counter logins(String outcome) {
    return Counter.builder(LOGINS)
        .description("Sign-in attempts through the API and the UI")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** The request timer of {@link RequestFilter}. */
  Timer httpRequests(String area, String method, int status) {
    return Timer.builder(HTTP_REQUESTS)
        .description("HTTP requests by area, method and status")
        .tag("area", area)
        .tag("method", method)
        .tag("status", Integer.toString(status))
        .register(registry);
  }

  /** A webhook request that was refused (4xx) or failed (5xx), by source. */
  void webhookFailed(String source, int status) {
    Counter.builder(WEBHOOK_FAILURES)
        .description("Webhook requests answered with 4xx or 5xx, by source and status class")
        .tag("source", source)
        .tag("status", status >= 500 ? "5xx" : "4xx")
        .register(registry)
        .increment();
  }

  /** A tenant job's pass failed for one tenant (logged by the tenant loop as well). */
  public void tenantJobFailed(String job) {
    Counter.builder(TENANT_JOB_FAILURES)
        .description("Background tenant job passes that failed for a tenant, by job")
        .tag("job", job)
        .register(registry)
        .increment();
  }

  @Override
  public void sendRecorded(String channel, String outcome) {
    Counter.builder(SENDS)
        .description("Outbox sends recorded, by channel and outcome (sent, retry, failed)")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  @Override
  public void stepExecuted(String nodeType, String outcome, long nanos) {
    Timer.builder(WORKFLOW_STEPS)
        .description("Workflow steps executed, by node type and outcome (done, waiting, failed)")
        .tag("node_type", nodeType)
        .tag("outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void aiCall(
      String tenant,
      String provider,
      String outcome,
      int promptTokens,
      int completionTokens,
      BigDecimal costUsd,
      long latencyMs) {
    Tags tags = Tags.of("tenant", tenant, "provider", provider);
    Counter.builder(LLM_CALLS)
        .description("LLM generations by tenant, provider and outcome (success, cache_hit, failed)")
        .tags(tags)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    tokens(tags, "prompt").increment(promptTokens);
    tokens(tags, "completion").increment(completionTokens);
    if (!"cache_hit".equals(outcome)) {
      Timer.builder(LLM_LATENCY)
          .description("LLM provider call latency (retries included) by tenant and provider")
          .tags(tags)
          .register(registry)
          .record(latencyMs, TimeUnit.MILLISECONDS);
    }
  }

  private Counter tokens(Tags tags, String kind) {
    return Counter.builder(LLM_TOKENS)
        .description("LLM tokens billed by providers, by tenant, provider and kind")
        .tags(tags)
        .tag("kind", kind)
        .register(registry);
  }

  @Override
  public void rowsImported(long rows) {
    Counter.builder(IMPORT_ROWS)
        .description("Lead rows written by imports (inserted or updated)")
        .register(registry)
        .increment(rows);
  }

  /**
   * Stores one tenant's snapshot and republishes the gauges; tenants not refreshed within {@code
   * stale} (suspended, deleted) drop out.
   */
  public void snapshot(String tenant, TenantSnapshot snapshot, Duration stale) {
    snapshots.put(tenant, snapshot);
    publish(snapshot.at(), stale);
  }

  private synchronized void publish(Instant now, Duration stale) {
    snapshots.values().removeIf(s -> s.at().isBefore(now.minus(stale)));
    Map<List<String>, Double> depth =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    Map<String, Double> age = new TreeMap<>();
    Map<String, Double> unfinished = new TreeMap<>();
    for (String channel : CHANNELS) {
      age.put(channel, 0.0);
      for (String status : PENDING_STATUSES) {
        depth.put(List.of(channel, status), 0.0);
      }
    }
    UNFINISHED_RUNS.forEach(s -> unfinished.put(s, 0.0));
    List<double[]> held = new ArrayList<>();
    List<MultiGauge.Row<?>> cost = new ArrayList<>();
    List<MultiGauge.Row<?>> budget = new ArrayList<>();
    snapshots.forEach(
        (tenant, s) -> {
          s.outboxDepth()
              .forEach(
                  (channel, byStatus) ->
                      byStatus.forEach(
                          (status, n) ->
                              depth.merge(List.of(channel, status), (double) n, Double::sum)));
          s.outboxOldestAgeSeconds().forEach((channel, a) -> age.merge(channel, a, Math::max));
          s.unfinishedRuns()
              .forEach((status, n) -> unfinished.merge(status, (double) n, Double::sum));
          s.llmCostThisMonth()
              .forEach(
                  (provider, usd) ->
                      cost.add(
                          row(
                              Tags.of("tenant", tenant, "provider", provider),
                              usd.doubleValue(),
                              held)));
          budget.add(row(Tags.of("tenant", tenant), s.budgetUsedRatio(), held));
        });
    List<MultiGauge.Row<?>> depthRows = new ArrayList<>();
    depth.forEach(
        (k, v) -> depthRows.add(row(Tags.of("channel", k.get(0), "status", k.get(1)), v, held)));
    outboxDepth.register(depthRows, true);
    outboxAge.register(rows("channel", age, held), true);
    runs.register(rows("status", unfinished, held), true);
    llmCost.register(cost, true);
    budgetUsed.register(budget, true);
    values = held;
  }

  private static MultiGauge.Row<?> row(Tags tags, double value, List<double[]> held) {
    double[] box = {value};
    held.add(box);
    return MultiGauge.Row.of(tags, box, b -> b[0]);
  }

  private static List<MultiGauge.Row<?>> rows(
      String tag, Map<String, Double> values, List<double[]> held) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(row(Tags.of(tag, k.toLowerCase(Locale.ROOT)), v, held)));
    return rows;
  }

  @PreDestroy
  void close() {
    gc.close();
    registry.close();
  }
}
