package io.omnireach.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.billing.plan.MeterTerms;
import io.omnireach.billing.plan.PlanTerms;
import io.omnireach.billing.plan.Prices;
import io.omnireach.usage.Meter;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceCalculatorTest {

  static final PlanTerms TEAM =
      new PlanTerms(
          "TEAM",
          "Team",
          "USD",
          9900,
          5,
          1900,
          25,
          Map.of(
              Meter.EMAILS_SENT, new MeterTerms(10_000, 1_000_000, 80, 25_000L),
              Meter.AI_INPUT_TOKENS, new MeterTerms(2_000_000, 600, 80, null)));
  static final PlanTerms SCALE =
      new PlanTerms(
          "SCALE",
          "Scale",
          "USD",
          49900,
          25,
          1500,
          500,
          Map.of(Meter.EMAILS_SENT, new MeterTerms(100_000, 800_000, 80, 1_000_000L)));
  static final Map<String, PlanTerms> PLANS = Map.of("TEAM", TEAM, "SCALE", SCALE);
  static final YearMonth MARCH = YearMonth.of(2026, 3);

  @Test
  void base_fee_seats_beyond_the_included_and_usage_beyond_the_included_quantity() {
    var computed =
        InvoiceCalculator.compute(
            new InvoiceCalculator.Input(
                MARCH,
                "TEAM",
                List.of(),
                Map.of(Meter.EMAILS_SENT, 12_500L, Meter.AI_INPUT_TOKENS, 2_345_678L),
                7),
            PLANS::get,
            PlanTerms::listPrices);
    assertThat(computed.lines())
        .extracting(Line::kind, Line::description, Line::billable, Line::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                LineKind.BASE_FEE, "Team plan, March 2026", 1L, 9900L),
            org.assertj.core.groups.Tuple.tuple(LineKind.SEATS, "Seats (5 included)", 2L, 3800L),
            // 2,500 emails at 1.00 USD per 1,000
            org.assertj.core.groups.Tuple.tuple(LineKind.USAGE, "Emails sent", 2_500L, 250L),
            // 345,678 tokens at 0.0006 USD per 1,000 = 20.74068 cents, rounded half up
            org.assertj.core.groups.Tuple.tuple(LineKind.USAGE, "AI input tokens", 345_678L, 21L));
    assertThat(computed.totalMinor()).isEqualTo(9900 + 3800 + 250 + 21);
    assertThat(computed.currency()).isEqualTo("USD");
  }

  @Test
  void an_upgrade_mid_month_credits_the_unused_old_fee_and_charges_the_new_one_to_the_second() {
    Instant at = Instant.parse("2026-03-11T00:00:00Z"); // 21 of March's 31 days remain
    var computed =
        InvoiceCalculator.compute(
            new InvoiceCalculator.Input(
                MARCH,
                "TEAM",
                List.of(new InvoiceCalculator.Change(at, "TEAM", "SCALE")),
                Map.of(Meter.EMAILS_SENT, 12_500L),
                7),
            PLANS::get,
            PlanTerms::listPrices);
    assertThat(computed.lines())
        .extracting(Line::kind, Line::description, Line::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LineKind.BASE_FEE, "Team plan, March 2026", 9900L),
            // 9900 × 21/31 = 6706.45
            org.assertj.core.groups.Tuple.tuple(
                LineKind.PRORATION_CREDIT, "Unused time on Team after 11 Mar 2026", -6706L),
            // 49900 × 21/31 = 33803.23
            org.assertj.core.groups.Tuple.tuple(
                LineKind.PRORATION_CHARGE, "Remaining time on Scale from 11 Mar 2026", 33803L),
            // Scale includes 25 seats and 100,000 emails: nothing beyond
            org.assertj.core.groups.Tuple.tuple(LineKind.SEATS, "Seats (25 included)", 0L),
            org.assertj.core.groups.Tuple.tuple(LineKind.USAGE, "Emails sent", 0L));
    assertThat(computed.planCode()).isEqualTo("SCALE");
    assertThat(computed.totalMinor()).isEqualTo(9900 - 6706 + 33803);
  }

  @Test
  void retail_prices_replace_list_prices_and_keep_what_they_do_not_set() {
    var computed =
        InvoiceCalculator.compute(
            new InvoiceCalculator.Input(
                MARCH, "TEAM", List.of(), Map.of(Meter.EMAILS_SENT, 11_000L), 5),
            PLANS::get,
            plan -> plan.listPrices().with(12900L, null, Map.of(Meter.EMAILS_SENT, 1_500_000L)));
    assertThat(computed.lines()).extracting(Line::amountMinor).containsExactly(12900L, 0L, 150L);
  }

  @Test
  void usage_amounts_round_half_up_once_for_the_whole_quantity() {
    assertThat(Prices.usageAmount(5, 1_000_000, "USD")).isEqualTo(1); // 0.5 cent
    assertThat(Prices.usageAmount(4, 1_000_000, "USD")).isEqualTo(0); // 0.4 cent
    assertThat(Prices.usageAmount(1_000_000, 600, "USD")).isEqualTo(60); // 0.60 USD per 1M
    assertThat(Prices.usageAmount(1_000, 1_000_000, "JPY")).isEqualTo(1); // no minor unit
    assertThat(Prices.prorate(9900, 1, 2)).isEqualTo(4950);
    assertThat(Prices.prorate(99, 1, 2)).isEqualTo(50);
  }
}
