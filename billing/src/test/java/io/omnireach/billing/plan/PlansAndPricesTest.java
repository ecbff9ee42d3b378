package io.omnireach.billing.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.billing.BillingFixture;
import io.omnireach.billing.MutableClock;
import io.omnireach.billing.UsagePricing;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.SendingGate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plans and prices as data (V8 seed), retail over wholesale, pricing, the hard-limit gate. */
class PlansAndPricesTest {

  static BillingFixture f;
  static MutableClock clock = new MutableClock(Instant.parse("2026-03-20T10:00:00Z"));

  @BeforeAll
  static void database() {
    f = new BillingFixture();
  }

  @AfterAll
  static void drop() {
    f.close();
  }

  @Test
  void the_three_plans_are_data_with_terms_per_meter() {
    List<PlanTerms> plans = new PriceBook(f.jpa).plans();
    assertThat(plans).extracting(PlanTerms::code).containsExactly("FREE", "TEAM", "SCALE");
    PlanTerms team = plans.get(1);
    assertThat(team.baseFeeMinor()).isEqualTo(9900);
    assertThat(team.seatLimit()).isEqualTo(25);
    MeterTerms emails = team.meter(Meter.EMAILS_SENT);
    assertThat(emails.included()).isEqualTo(10_000);
    assertThat(emails.softLimit()).isEqualTo(8_000);
    assertThat(emails.hardLimit()).isEqualTo(25_000);
    // the enum the seat policy uses agrees with the data
    for (PlanTerms p : plans) {
      assertThat(io.omnireach.billing.Plan.valueOf(p.code()).seats()).isEqualTo(p.seatLimit());
    }
  }

  @Test
  void a_reseller_sees_wholesale_read_only_sets_retail_and_sees_its_margin() {
    long reseller = f.reseller("globalnet", "STANDARD");
    ResellerPrices prices = new ResellerPrices(f.jpa, clock);
    ResellerPrices.PlanLine team = line(prices.sheet(reseller), "TEAM");
    assertThat(team.wholesale().baseFeeMinor()).isEqualTo(6930); // 30 % below 99.00
    assertThat(team.retail()).isEqualTo(team.list()); // nothing set: list price
    assertThat(team.margin().baseFeeMinor()).isEqualTo(9900 - 6930);

    ResellerPrices.Sheet sheet =
        prices.setRetail(
            reseller,
            List.of(
                new ResellerPrices.RetailInput(
                    "team", 12900L, 2500L, Map.of("emails_sent", 1_500_000L))),
            "rex@globalnet.test");
    team = line(sheet, "TEAM");
    assertThat(team.retail().baseFeeMinor()).isEqualTo(12900);
    assertThat(team.retail().usagePrice(Meter.EMAILS_SENT)).isEqualTo(1_500_000);
    assertThat(team.retail().usagePrice(Meter.WORKFLOW_STEPS)).isEqualTo(200_000); // list
    assertThat(team.margin().baseFeeMinor()).isEqualTo(12900 - 6930);
    assertThat(team.margin().usagePer1000Micros().get(Meter.EMAILS_SENT))
        .isEqualTo(1_500_000 - 700_000);
    assertThat(team.retailUpdatedAt()).isEqualTo(clock.now);
    assertThat(line(sheet, "SCALE").retail()).isEqualTo(line(sheet, "SCALE").list());
  }

  @Test
  void bad_retail_prices_are_refused_with_the_field_and_nothing_is_stored() {
    long reseller = f.reseller("badprices", "STANDARD");
    ResellerPrices prices = new ResellerPrices(f.jpa, clock);
    assertThatThrownBy(
            () ->
                prices.setRetail(
                    reseller,
                    List.of(
                        new ResellerPrices.RetailInput("TEAM", 100L, 100L, Map.of()),
                        new ResellerPrices.RetailInput("GOLD", 1L, 1L, Map.of())),
                    "x"))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("field", "plans[1].plan");
    assertThatThrownBy(
            () ->
                prices.setRetail(
                    reseller,
                    List.of(new ResellerPrices.RetailInput("TEAM", -1L, 100L, Map.of())),
                    "x"))
        .hasFieldOrPropertyWithValue("field", "plans[0].baseFeeMinor");
    assertThatThrownBy(
            () ->
                prices.setRetail(
                    reseller,
                    List.of(
                        new ResellerPrices.RetailInput("TEAM", 1L, 1L, Map.of("active_seats", 5L))),
                    "x"))
        .hasFieldOrPropertyWithValue("field", "plans[0].usagePer1000Micros");
    assertThat(line(prices.sheet(reseller), "TEAM").retail().baseFeeMinor()).isEqualTo(9900);
    assertThatThrownBy(() -> prices.sheet(999_999))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("No reseller");
  }

  @Test
  void usage_pricing_uses_the_tenants_plan_and_retail_prices() {
    long reseller = f.reseller("retailco", "STANDARD");
    new ResellerPrices(f.jpa, clock)
        .setRetail(
            reseller,
            List.of(
                new ResellerPrices.RetailInput(
                    "TEAM", 12900L, 2500L, Map.of("emails_sent", 2_000_000L))),
            "x");
    TenantRef t = f.tenant("shopper", "TEAM", reseller);
    Map<Meter, UsagePricing.Charge> charges =
        new PlanPricing(f.jpa)
            .charges(
                t.id(),
                Map.of(Meter.EMAILS_SENT, 10_500L, Meter.ACTIVE_SEATS, 7L),
                Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(charges.get(Meter.EMAILS_SENT))
        .isEqualTo(
            new UsagePricing.Charge(
                Meter.EMAILS_SENT, 10_500, 10_000, 100, "USD", 8_000L, 25_000L));
    assertThat(charges.get(Meter.ACTIVE_SEATS))
        .isEqualTo(new UsagePricing.Charge(Meter.ACTIVE_SEATS, 7, 5, 5000, "USD", null, 25L));
  }

  @Test
  void the_hard_limit_gate_counts_this_months_usage_and_says_why_it_stops() throws Exception {
    TenantRef free = f.tenant("tightwad", "FREE", null);
    HardLimitGate gate = new HardLimitGate(clock);
    f.usage(free, Meter.EMAILS_SENT, 250, Instant.parse("2026-02-27T10:00:00Z")); // February
    f.usage(free, Meter.EMAILS_SENT, 299, Instant.parse("2026-03-02T10:00:00Z"));
    SendingGate.Allowance one = allowance(gate, free, Meter.EMAILS_SENT);
    assertThat(one.remaining()).isEqualTo(1);
    assertThat(one.reason())
        .isEqualTo("The Free plan's limit of 300 emails this month is reached (resets on 1 Apr).");
    f.usage(free, Meter.EMAILS_SENT, 1, Instant.parse("2026-03-19T10:00:00Z"));
    assertThat(allowance(gate, free, Meter.EMAILS_SENT).remaining()).isZero();

    TenantRef team = f.tenant("roomy", "TEAM", null);
    assertThat(allowance(gate, team, Meter.EMAILS_SENT).remaining()).isEqualTo(25_000);
    assertThat(allowance(gate, team, Meter.AI_INPUT_TOKENS))
        .isEqualTo(SendingGate.Allowance.UNLIMITED);

    PlanOverview.View view = new PlanOverview(f.jpa, f.db.transactions(), clock).of(free);
    PlanOverview.MeterStatus emails =
        view.meters().stream()
            .filter(m -> m.meter() == Meter.EMAILS_SENT)
            .findFirst()
            .orElseThrow();
    assertThat(emails.used()).isEqualTo(300);
    assertThat(emails.state()).isEqualTo(PlanOverview.State.LIMIT_REACHED);
    assertThat(view.warnings()).first().isEqualTo(one.reason());
  }

  @Test
  void the_plan_card_warns_at_the_soft_limit_and_explains_overage() {
    TenantRef t = f.tenant("busy", "TEAM", null);
    f.usage(t, Meter.EMAILS_SENT, 8_200, Instant.parse("2026-03-02T10:00:00Z"));
    f.usage(t, Meter.WORKFLOW_STEPS, 52_000, Instant.parse("2026-03-02T10:00:00Z"));
    PlanOverview.View view = new PlanOverview(f.jpa, f.db.transactions(), clock).of(t);
    assertThat(view.name()).isEqualTo("Team");
    assertThat(view.baseFeeMinor()).isEqualTo(9900);
    assertThat(view.resetsOn()).hasToString("2026-04-01");
    assertThat(view.warnings())
        .containsExactly(
            "52,000 workflow steps this month: 2,000 beyond the 50,000 included are billed at"
                + " $0.20 per 1,000.",
            "8,200 of the 10,000 emails included this month are used (82 %).");
  }

  private static SendingGate.Allowance allowance(HardLimitGate gate, TenantRef t, Meter m) {
    return f.db.transactions().platform(c -> gate.allowance(c, t.id(), m));
  }

  private static ResellerPrices.PlanLine line(ResellerPrices.Sheet sheet, String plan) {
    return sheet.plans().stream().filter(p -> p.plan().equals(plan)).findFirst().orElseThrow();
  }
}
