package io.omnireach.ui.billing;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.omnireach.ui.billing.BillingUsage.DayUsage;
import io.omnireach.ui.billing.BillingUsage.MeterUsage;
import io.omnireach.ui.billing.BillingUsage.Usage;
import io.omnireach.usage.Meter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usage charts: right shares and colours, a running total that stops today, valid JSON. */
class UsageChartsTest {

  static final LocalDate FROM = LocalDate.parse("2026-11-01");
  static final LocalDate TO = LocalDate.parse("2026-11-30");

  static Usage usage() {
    List<MeterUsage> meters = new ArrayList<>();
    for (Meter m : Meter.values()) {
      meters.add(
          switch (m) {
            case EMAILS_SENT -> new MeterUsage(m, 8_100, 10_000, 0, "USD", true);
            case WORKFLOW_STEPS -> new MeterUsage(m, 60_000, 50_000, 0, "USD", true);
            case ACTIVE_SEATS -> new MeterUsage(m, 6, 25, 0, "USD", false);
            case SMS_SEGMENTS -> new MeterUsage(m, 0, 0, 0, "USD", false);
            default -> new MeterUsage(m, 10, 2_000, 0, "USD", false);
          });
    }
    List<DayUsage> days =
        List.of(
            new DayUsage(LocalDate.parse("2026-11-02"), Meter.EMAILS_SENT, 5_000),
            new DayUsage(LocalDate.parse("2026-11-05"), Meter.EMAILS_SENT, 3_100),
            new DayUsage(LocalDate.parse("2026-11-05"), Meter.ACTIVE_SEATS, 6));
    return new Usage(FROM, TO, meters, days);
  }

  @Test
  void allowance_bars_show_the_share_used_coloured_by_how_close_to_the_limit() {
    JsonObject o = Json.parse(UsageCharts.allowanceOption(usage()));
    JsonArray names = o.getObject("yAxis").getArray("data");
    // meters without an allowance (SMS here) have no share and are left out; top row first
    assertThat(names.length()).isEqualTo(Meter.values().length - 1);
    assertThat(names.getString(names.length() - 1)).isEqualTo("Emails sent");
    JsonArray bars = o.getArray("series").getObject(0).getArray("data");
    JsonObject emails = bars.getObject(names.length() - 1);
    assertThat(emails.getNumber("value")).isEqualTo(81.0);
    assertThat(emails.getObject("itemStyle").getString("color")).isEqualTo(UsageCharts.WARNING);
    assertThat(emails.getObject("label").getString("formatter"))
        .isEqualTo("81%  ·  8,100 of 10,000");
    JsonObject steps = bars.getObject(indexOf(names, "Workflow steps"));
    assertThat(steps.getNumber("value")).isEqualTo(120.0);
    assertThat(steps.getObject("itemStyle").getString("color")).isEqualTo(UsageCharts.OVER);
    assertThat(o.getObject("xAxis").getNumber("max")).isEqualTo(125);
    // the dashed "Included" line sits at 100 % on every row
    assertThat(o.getArray("series").getObject(1).getArray("data").getNumber(0)).isEqualTo(100);
  }

  static int indexOf(JsonArray names, String name) {
    for (int i = 0; i < names.length(); i++) {
      if (names.getString(i).equals(name)) {
        return i;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void the_trend_has_every_day_of_the_period_and_the_running_total_stops_today() {
    JsonObject o =
        Json.parse(
            UsageCharts.trendOption(usage(), Meter.EMAILS_SENT, LocalDate.parse("2026-11-10")));
    assertThat(o.getObject("xAxis").getArray("data").length()).isEqualTo(30);
    JsonArray series = o.getArray("series");
    JsonArray daily = series.getObject(0).getArray("data");
    assertThat(daily.getNumber(1)).isEqualTo(5_000);
    assertThat(daily.getNumber(2)).isZero();
    JsonArray running = series.getObject(1).getArray("data");
    assertThat(running.getNumber(4)).isEqualTo(8_100);
    assertThat(running.getNumber(9)).isEqualTo(8_100);
    assertThat(running.get(10).getType().name()).isEqualTo("NULL");
    // 81 % used: the allowance is drawn
    assertThat(series.length()).isEqualTo(3);
    assertThat(series.getObject(2).getString("name")).isEqualTo("Included");
  }

  @Test
  void snapshot_meters_draw_their_daily_values_without_a_running_total() {
    JsonObject o =
        Json.parse(
            UsageCharts.trendOption(usage(), Meter.ACTIVE_SEATS, LocalDate.parse("2026-11-30")));
    JsonArray series = o.getArray("series");
    assertThat(series.length()).as("6 of 25 seats: no allowance line").isEqualTo(1);
    assertThat(series.getObject(0).getString("type")).isEqualTo("line");
    assertThat(series.getObject(0).getArray("data").getNumber(4)).isEqualTo(6);
  }

  @Test
  void money_is_shown_from_minor_units() {
    assertThat(UsageSection.money(123_456, "USD")).isEqualTo("$1,234.56");
    assertThat(UsageSection.money(5, "EUR")).isEqualTo("0.05 EUR");
    assertThat(UsageSection.periodLabel(FROM, TO)).isEqualTo("Nov 1 – Nov 30, 2026");
  }
}
