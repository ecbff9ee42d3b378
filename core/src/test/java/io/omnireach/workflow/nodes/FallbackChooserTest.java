package io.omnireach.workflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.workflow.nodes.FallbackChooser.Choice;
import io.omnireach.workflow.nodes.FallbackChooser.Reach;
import io.omnireach.workflow.nodes.FallbackChooser.Route;
import io.omnireach.workflow.nodes.FallbackChooser.Skip;
import io.omnireach.workflow.nodes.FallbackChooser.Skipped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure choice of a fallback step's channel, rule by rule. */
class FallbackChooserTest {

  static final List<Route> ORDER = List.of(Route.EMAIL, Route.LINKEDIN, Route.SMS);

  static Reach email() {
    return new Reach(true, "ada@example.com", null, false, null, false);
  }

  static Reach linkedin() {
    return new Reach(true, "https://www.linkedin.com/in/ada", null, false, null, false);
  }

  static Reach sms() {
    return new Reach(true, "+14155550123", "granted", true, null, false);
  }

  static Map<Route, Reach> all(Reach email, Reach linkedin, Reach sms) {
    Map<Route, Reach> m = new EnumMap<>(Route.class);
    m.put(Route.EMAIL, email);
    m.put(Route.LINKEDIN, linkedin);
    m.put(Route.SMS, sms);
    return m;
  }

  static List<Skip> reasons(Choice c) {
    return c.skipped().stream().map(Skipped::reason).toList();
  }

  @Test
  void the_first_channel_that_can_send_wins_and_nothing_is_skipped() {
    Choice c = FallbackChooser.choose(ORDER, false, all(email(), linkedin(), sms()));
    assertThat(c.route()).contains(Route.EMAIL);
    assertThat(c.skipped()).isEmpty();
  }

  @Test
  void the_authors_order_decides_not_the_enum_order() {
    Choice c =
        FallbackChooser.choose(
            List.of(Route.SMS, Route.EMAIL), false, all(email(), linkedin(), sms()));
    assertThat(c.route()).contains(Route.SMS);
  }

  @Test
  void a_lead_without_email_and_linkedin_url_falls_through_to_sms_with_both_reasons() {
    Choice c =
        FallbackChooser.choose(
            ORDER,
            false,
            all(
                new Reach(true, null, null, false, null, false),
                new Reach(true, " ", null, false, null, false),
                sms()));
    assertThat(c.route()).contains(Route.SMS);
    assertThat(c.skipped())
        .extracting(Skipped::route, Skipped::reason, Skipped::why)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Route.EMAIL, Skip.NO_ADDRESS, "the lead has no email address"),
            org.assertj.core.groups.Tuple.tuple(
                Route.LINKEDIN, Skip.NO_ADDRESS, "the lead has no LinkedIn profile URL"));
  }

  @Test
  void sms_needs_a_granted_opt_in_and_a_denied_consent_is_named_as_such() {
    Reach unknown = new Reach(true, "+14155550123", "unknown", true, null, false);
    Reach none = new Reach(true, "+14155550123", null, true, null, false);
    Reach denied = new Reach(true, "+14155550123", "denied", true, null, false);
    assertThat(
            reasons(FallbackChooser.choose(List.of(Route.SMS), false, Map.of(Route.SMS, unknown))))
        .containsExactly(Skip.CONSENT_MISSING);
    Choice noRecord = FallbackChooser.choose(List.of(Route.SMS), false, Map.of(Route.SMS, none));
    assertThat(noRecord.route()).isEmpty();
    assertThat(noRecord.skipped().get(0).why())
        .isEqualTo("the lead has not granted SMS consent (none recorded)");
    assertThat(
            reasons(FallbackChooser.choose(List.of(Route.SMS), false, Map.of(Route.SMS, denied))))
        .containsExactly(Skip.CONSENT_DENIED);
  }

  @Test
  void email_is_opt_out_denied_consent_or_a_suppressed_address_skips_it() {
    Reach denied = new Reach(true, "a@example.com", "denied", false, null, false);
    Reach unknown = new Reach(true, "a@example.com", null, false, null, false);
    Reach suppressed = new Reach(true, "a@example.com", "granted", false, "UNSUBSCRIBED", false);
    assertThat(reasons(choose(Route.EMAIL, denied))).containsExactly(Skip.CONSENT_DENIED);
    assertThat(choose(Route.EMAIL, unknown).route()).contains(Route.EMAIL);
    Choice c = choose(Route.EMAIL, suppressed);
    assertThat(reasons(c)).containsExactly(Skip.SUPPRESSED);
    assertThat(c.skipped().get(0).why())
        .isEqualTo("the address is on the suppression list (unsubscribed)");
  }

  @Test
  void a_channel_not_set_up_or_at_its_cap_is_skipped() {
    Reach noMailbox = new Reach(false, "a@example.com", null, false, null, false);
    Reach capped = new Reach(true, "+14155550123", "granted", true, null, true);
    Choice c =
        FallbackChooser.choose(
            List.of(Route.EMAIL, Route.SMS, Route.LINKEDIN),
            false,
            all(noMailbox, linkedin(), capped));
    assertThat(c.route()).contains(Route.LINKEDIN);
    assertThat(reasons(c)).containsExactly(Skip.NOT_CONFIGURED, Skip.AT_CAP);
    assertThat(c.skipped())
        .extracting(Skipped::why)
        .containsExactly(
            "the workspace has no mailbox to send from", "the SMS number is at its daily cap");
    // a channel the step has no facts for (not listed in its config) is not set up
    assertThat(reasons(FallbackChooser.choose(List.of(Route.SMS), false, Map.of())))
        .containsExactly(Skip.NOT_CONFIGURED);
  }

  @Test
  void a_missing_address_is_reported_before_consent_and_setup() {
    Reach everythingWrong = new Reach(false, null, "denied", true, null, true);
    assertThat(reasons(choose(Route.SMS, everythingWrong))).containsExactly(Skip.NO_ADDRESS);
  }

  @Test
  void do_not_contact_skips_every_channel_and_nothing_is_chosen() {
    Choice c = FallbackChooser.choose(ORDER, true, all(email(), linkedin(), sms()));
    assertThat(c.route()).isEmpty();
    assertThat(reasons(c))
        .containsExactly(Skip.DO_NOT_CONTACT, Skip.DO_NOT_CONTACT, Skip.DO_NOT_CONTACT);
  }

  @Test
  void routes_parse_from_their_config_names_only() {
    assertThat(Route.parse("linkedin")).contains(Route.LINKEDIN);
    assertThat(Route.parse("LinkedIn")).isEmpty();
    assertThat(Route.parse("fax")).isEmpty();
    assertThat(Route.parse(null)).isEmpty();
  }

  private static Choice choose(Route route, Reach reach) {
    return FallbackChooser.choose(List.of(route), false, Map.of(route, reach));
  }
}
