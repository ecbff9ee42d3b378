package io.omnireach.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboards and Prometheus alert rules shipped in helm/ parse, and use only series the
 * app registers ({@link Metrics#NAMES}), so renaming a metric cannot silently break them; every
 * alert has its section in docs/operations.md; and every name in {@link Metrics#NAMES} really
 * appears in a scrape.
 */
class MonitoringFilesTest {

  static final Path HELM = Path.of("..", "helm", "omnireach");
  static final Pattern SERIES = Pattern.compile("\\bomnireach_[a-z_]+");

  static Set<String> seriesIn(String expr) {
    Set<String> names = new TreeSet<>();
    Matcher m = SERIES.matcher(expr);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  static void collectExprs(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("expr")) {
                  out.add(e.getValue().asText());
                } else {
                  collectExprs(e.getValue(), out);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectExprs(n, out));
    }
  }

  @Test
  void every_dashboard_parses_and_uses_only_registered_series() throws Exception {
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(HELM.resolve("dashboards"))) {
      dashboards = files.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertThat(dashboards).isNotEmpty();
    Set<String> used = new TreeSet<>();
    for (Path file : dashboards) {
      JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
      assertThat(dashboard.path("uid").asText()).as(file + " uid").isNotBlank();
      assertThat(dashboard.path("panels").size()).as(file + " panels").isGreaterThan(0);
      List<String> exprs = new ArrayList<>();
      collectExprs(dashboard, exprs);
      assertThat(exprs).as(file + " queries").isNotEmpty();
      for (String expr : exprs) {
        Set<String> series = seriesIn(expr);
        assertThat(series).as("series in " + expr).isNotEmpty();
        assertThat(Metrics.NAMES).as(file + ": " + expr).containsAll(series);
        used.addAll(series);
      }
    }
    // the issue's business metrics are on a dashboard
    assertThat(used)
        .contains(
            Metrics.OUTBOX_DEPTH,
            Metrics.OUTBOX_OLDEST_AGE,
            Metrics.SENDS + "_total",
            Metrics.WORKFLOW_STEPS + "_seconds_count",
            Metrics.WORKFLOW_RUNS,
            Metrics.LLM_COST,
            Metrics.LLM_CALLS + "_total",
            Metrics.LLM_TOKENS + "_total",
            Metrics.LLM_LATENCY + "_seconds_sum",
            Metrics.IMPORT_ROWS + "_total",
            Metrics.WEBHOOK_FAILURES + "_total");
  }

  @Test
  @SuppressWarnings("unchecked")
  void every_alert_rule_parses_uses_registered_series_and_has_a_runbook_section() throws Exception {
    Map<String, Object> rules =
        new Yaml().load(Files.readString(HELM.resolve("alerts").resolve("omnireach-rules.yaml")));
    String operations = Files.readString(Path.of("..", "docs", "operations.md"));
    List<String> alerts = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        String alert = (String) rule.get("alert");
        String expr = (String) rule.get("expr");
        alerts.add(alert);
        assertThat(seriesIn(expr)).as(alert).isNotEmpty();
        assertThat(Metrics.NAMES).as(alert).containsAll(seriesIn(expr));
        assertThat(((Map<String, String>) rule.get("labels")).get("severity"))
            .as(alert)
            .isIn("page", "ticket");
        String runbook = ((Map<String, String>) rule.get("annotations")).get("runbook");
        assertThat(runbook).as(alert).startsWith("docs/operations.md#");
        String anchor = runbook.substring(runbook.indexOf('#') + 1);
        assertThat(operations.lines().map(MonitoringFilesTest::anchor).toList())
            .as(alert + " runbook section")
            .contains(anchor);
        assertThat(operations).as(alert + " explained").contains(alert);
      }
    }
    assertThat(alerts)
        .contains(
            "OmniReachOutboxStuck",
            "OmniReachApiErrorBudgetFastBurn",
            "OmniReachLlmBudgetNearLimit",
            "OmniReachTenantJobFailures");
  }

  /** GitHub's anchor of a Markdown heading line ("## Outbox stuck" → "outbox-stuck"). */
  static String anchor(String line) {
    if (!line.startsWith("#")) {
      return "";
    }
    return line.replaceFirst("^#+\\s*", "")
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9 -]", "")
        .replace(' ', '-');
  }

  @Test
  void every_registered_name_appears_in_a_scrape_once_its_event_happened() {
    Metrics metrics = new Metrics();
    try {
      metrics.logins("success").increment();
      metrics.httpRequests("api/me", "GET", 200).record(Duration.ofMillis(3));
      metrics.webhookFailed("twilio", 403);
      metrics.tenantJobFailed("outbox-sweep");
      metrics.sendRecorded("email", "sent");
      metrics.stepExecuted("ai_generate", "done", 1_000_000);
      metrics.aiCall("acme", "mistral", "success", 1200, 300, new BigDecimal("0.00021"), 850);
      metrics.rowsImported(50);
      metrics.snapshot(
          "acme",
          new Metrics.TenantSnapshot(
              Instant.now(),
              Map.of("email", Map.of("queued", 3L)),
              Map.of("email", 42.0),
              Map.of("waiting", 2L),
              Map.of("mistral", new BigDecimal("0.00021")),
              0.25),
          Duration.ofMinutes(5));
      String scrape = metrics.registry().scrape();
      for (String name : Metrics.NAMES) {
        assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]");
      }
      assertThat(scrape)
          .contains("omnireach_outbox_depth{channel=\"email\",status=\"queued\"} 3.0")
          .contains("omnireach_outbox_depth{channel=\"sms\",status=\"sending\"} 0.0")
          .contains("omnireach_outbox_oldest_age_seconds{channel=\"email\"} 42.0")
          .contains("omnireach_workflow_runs{status=\"waiting\"} 2.0")
          .contains("omnireach_llm_cost{provider=\"mistral\",tenant=\"acme\"} 2.1E-4")
          .contains("omnireach_llm_budget_used_ratio{tenant=\"acme\"} 0.25");
    } finally {
      metrics.close();
    }
  }

  @Test
  void a_tenant_not_refreshed_for_longer_than_stale_drops_out_of_the_gauges() {
    Metrics metrics = new Metrics();
    try {
      Instant then = Instant.now().minus(Duration.ofHours(1));
      metrics.snapshot(
          "gone",
          new Metrics.TenantSnapshot(
              then, Map.of(), Map.of(), Map.of(), Map.of("mistral", BigDecimal.ONE), 0.5),
          Duration.ofMinutes(5));
      metrics.snapshot(
          "here",
          new Metrics.TenantSnapshot(
              Instant.now(), Map.of(), Map.of(), Map.of(), Map.of("mistral", BigDecimal.TEN), 0.1),
          Duration.ofMinutes(5));
      String scrape = metrics.registry().scrape();
      assertThat(scrape).contains("tenant=\"here\"").doesNotContain("tenant=\"gone\"");
    } finally {
      metrics.close();
    }
  }
}
