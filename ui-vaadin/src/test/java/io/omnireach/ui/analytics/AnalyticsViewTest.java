package io.omnireach.ui.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonObject;
import io.omnireach.channel.analytics.ChannelStats;
import io.omnireach.channel.analytics.EmailStats;
import io.omnireach.channel.analytics.EmailStats.Counts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ECharts options the view builds are valid JSON and carry tenant text only as strings. */
class AnalyticsViewTest {

  static final LocalDate DAY = LocalDate.of(2026, 5, 4);

  static EmailStats stats(String mailboxName) {
    Counts c = new Counts(3, 2, 1, 1, 0, 0);
    return new EmailStats(
        DAY.minusDays(1),
        DAY,
        c,
        0,
        1,
        List.of(new EmailStats.Day(DAY.minusDays(1), Counts.ZERO), new EmailStats.Day(DAY, c)),
        List.of(new EmailStats.Group(1L, mailboxName, c)),
        List.of());
  }

  @Test
  void options_are_json_and_names_are_escaped() {
    String evil = "Sales\"],\"x\":[\"</script><img src=x onerror=alert(1)>";
    JsonObject bars = Json.parse(AnalyticsView.mailboxOption(stats(evil)));
    assertThat(bars.getObject("xAxis").getArray("data").getString(0)).isEqualTo(evil);
    assertThat(bars.getArray("series").length()).isEqualTo(3);
    JsonObject daily = Json.parse(AnalyticsView.dailyOption(stats("Sales")));
    assertThat(daily.getObject("xAxis").getArray("data").getString(1)).isEqualTo("May 4");
    assertThat(daily.getArray("series").getObject(0).getArray("data").getNumber(1)).isEqualTo(3);
    assertThat(daily.getArray("color").getString(0)).isEqualTo("var(--lumo-primary-color)");
  }

  @Test
  void the_channel_chart_groups_four_outcomes_per_channel() {
    ChannelStats.Counts n = new ChannelStats.Counts(5, 4, 2, 1);
    ChannelStats stats =
        new ChannelStats(
            DAY,
            DAY,
            null,
            ChannelStats.CHANNELS.stream()
                .map(
                    c ->
                        new ChannelStats.ChannelRow(
                            c, c.equals("sms") ? n : ChannelStats.Counts.ZERO))
                .toList(),
            List.of());
    JsonObject bars = Json.parse(AnalyticsView.channelOption(stats));
    assertThat(bars.getObject("xAxis").getArray("data").toJson())
        .isEqualTo("[\"Email\",\"SMS\",\"LinkedIn\",\"Call\"]");
    assertThat(bars.getArray("series").length()).isEqualTo(4);
    assertThat(bars.getArray("series").getObject(3).getString("name")).isEqualTo("Booked");
    assertThat(bars.getArray("series").getObject(1).getArray("data").getNumber(1)).isEqualTo(4);
  }

  @Test
  void rates_read_as_percentages() {
    assertThat(AnalyticsView.pct(0.6667)).isEqualTo("66.7%");
    assertThat(AnalyticsView.pct(0)).isEqualTo("0.0%");
  }
}
