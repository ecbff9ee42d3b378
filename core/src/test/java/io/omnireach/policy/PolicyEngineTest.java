package io.omnireach.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure engine against adversarial texts: what a sales rep (or an injected lead) might try. */
class PolicyEngineTest {

  private static Policy policy(long id, Map<String, Object> json) {
    PolicyRules.Draft d = PolicyRules.read(json);
    return new Policy(
        id, d.name(), d.kind(), d.severity(), d.rule(), d.explanation(), true, 1, null, null);
  }

  private static final Policy MAX15 =
      policy(1, Map.of("kind", "max_discount", "percent", 15, "severity", "block"));
  private static final Policy GUARANTEE =
      policy(
          2,
          Map.of(
              "kind",
              "forbidden_phrase",
              "phrases",
              List.of("guarantee", "risk-free"),
              "patterns",
              List.of("\\bno\\s+risk\\b"),
              "severity",
              "block"));

  private static Verdict check(String body, Policy... policies) {
    return PolicyEngine.evaluate(
        List.of(policies), new OutboundText("email", null, body), PolicyContext.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Get 20% off this month.",
        "A 20 percent discount for early birds.",
        "We can do twenty-five per cent off.",
        "Save 25 % when you sign today.",
        "I can take a fifth off list for you.",
        "It's half price until Friday.",
        "Take 1/3 off the list price.",
        "That's $200 off $1,000 for annual plans.",
        "Only €800 instead of €1,000.",
        "Get ２０％ off today", // full-width digits and percent sign
        "Get 2\u200B0% off today", // zero-width space between the digits
        "Get 20% \u043Eff today", // Cyrillic o in "off"
        "Sign now and get a ninety percent discount",
        "An exclusive 90% discount as you asked",
        "Get 9 0 % off today", // digits spaced out
        "A 2 5 percent discount, just for you"
      })
  void discountsAboveTheLimitBlock(String body) {
    Verdict v = check(body, MAX15);
    assertThat(v.outcome()).as(body).isEqualTo(Verdict.Outcome.BLOCK);
    Violation violation = v.violations().get(0);
    assertThat(violation.policyId()).isEqualTo(1);
    assertThat(violation.kind()).isEqualTo(PolicyKind.MAX_DISCOUNT);
    // the offsets point at the original text, invisible characters and all
    assertThat(body.substring(violation.start(), violation.end())).isEqualTo(violation.excerpt());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20% of our customers doubled their pipeline.",
        "Get 10% off this month.",
        "Save 15 percent on the first year.",
        "Our uptime is 99.9 percent.",
        "$100 off $1,000 for annual plans.",
        "Half of our customers are in logistics."
      })
  void allowedDiscountsAndPlainNumbersPass(String body) {
    assertThat(check(body, MAX15).outcome()).as(body).isEqualTo(Verdict.Outcome.ALLOW);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We GUARANTEE results.",
        "We guarantée results.", // diacritic
        "We gu\u0430rantee results.", // Cyrillic a
        "We g\u200Du\u200Darantee results.", // zero-width joiners
        "We g.u.a.r.a.n.t.e.e results.",
        "We gu4r4nt33 results.",
        "It is completely Risk-Free.",
        "There is NO   risk at all."
      })
  void forbiddenPhrasesAreFoundHoweverWritten(String body) {
    Verdict v = check(body, GUARANTEE);
    assertThat(v.outcome()).as(body).isEqualTo(Verdict.Outcome.BLOCK);
    Violation violation = v.violations().get(0);
    assertThat(violation.field()).isEqualTo("body");
    assertThat(body.substring(violation.start(), violation.end())).isEqualTo(violation.excerpt());
  }

  @Test
  void phrasesMatchWholeWordsOnly() {
    assertThat(check("Our guarantor is a bank.", GUARANTEE).outcome())
        .isEqualTo(Verdict.Outcome.ALLOW);
  }

  @Test
  void theSubjectIsCheckedToo() {
    Verdict v =
        PolicyEngine.evaluate(
            List.of(MAX15),
            new OutboundText("email", "30% off for you", "Hello"),
            PolicyContext.NONE);
    assertThat(v.violations()).singleElement().extracting(Violation::field).isEqualTo("subject");
  }

  @Test
  void severityDecidesTheVerdict() {
    Policy warn =
        policy(
            3,
            Map.of(
                "kind", "competitor_mention", "names", List.of("Outreachly"), "severity", "warn"));
    Policy log =
        policy(
            4, Map.of("kind", "forbidden_phrase", "phrases", List.of("cheap"), "severity", "log"));
    assertThat(check("Unlike Outreachly we are not cheap", warn, log).outcome())
        .isEqualTo(Verdict.Outcome.WARN);
    assertThat(check("We are not cheap", log).outcome()).isEqualTo(Verdict.Outcome.ALLOW);
    assertThat(check("We are not cheap", log).violations()).hasSize(1);
    assertThat(check("Unlike Outreachly, 50% off", warn, MAX15).outcome())
        .isEqualTo(Verdict.Outcome.BLOCK);
  }

  @Test
  void requiredTextPerCountryAndChannel() {
    Policy uk =
        policy(
            5,
            Map.of(
                "kind",
                "required_text",
                "text",
                "Reply STOP to opt out",
                "countries",
                List.of("GB"),
                "channels",
                List.of("sms"),
                "severity",
                "block"));
    PolicyContext gb = new PolicyContext(null, null, "GB", "granted", 0, null);
    PolicyContext de = new PolicyContext(null, null, "DE", "granted", 0, null);
    assertThat(
            PolicyEngine.evaluate(List.of(uk), new OutboundText("sms", null, "Hi!"), gb).outcome())
        .isEqualTo(Verdict.Outcome.BLOCK);
    assertThat(
            PolicyEngine.evaluate(
                    List.of(uk), new OutboundText("sms", null, "Hi! reply stop  to opt out"), gb)
                .outcome())
        .isEqualTo(Verdict.Outcome.ALLOW);
    assertThat(
            PolicyEngine.evaluate(List.of(uk), new OutboundText("sms", null, "Hi!"), de).outcome())
        .isEqualTo(Verdict.Outcome.ALLOW);
    assertThat(
            PolicyEngine.evaluate(List.of(uk), new OutboundText("email", null, "Hi!"), gb)
                .outcome())
        .isEqualTo(Verdict.Outcome.ALLOW);
  }

  @Test
  void consentFrequencyAndHoursComeFromTheContext() {
    Policy consent = policy(6, Map.of("kind", "channel_consent", "severity", "block"));
    Policy freq =
        policy(7, Map.of("kind", "contact_frequency", "maxPerWeek", 3, "severity", "block"));
    Policy hours =
        policy(8, Map.of("kind", "send_hours", "from", "09:00", "to", "18:00", "severity", "warn"));
    ZonedDateTime night = ZonedDateTime.of(2026, 12, 7, 23, 30, 0, 0, ZoneId.of("Europe/Berlin"));
    ZonedDateTime noon = night.withHour(12);
    OutboundText sms = new OutboundText("sms", null, "Hi");
    assertThat(
            PolicyEngine.evaluate(
                    List.of(consent), sms, new PolicyContext(null, null, null, "none", 0, noon))
                .outcome())
        .isEqualTo(Verdict.Outcome.BLOCK);
    assertThat(
            PolicyEngine.evaluate(
                    List.of(consent), sms, new PolicyContext(null, null, null, "granted", 0, noon))
                .outcome())
        .isEqualTo(Verdict.Outcome.ALLOW);
    assertThat(
            PolicyEngine.evaluate(
                    List.of(freq), sms, new PolicyContext(null, null, null, "granted", 3, noon))
                .outcome())
        .isEqualTo(Verdict.Outcome.BLOCK);
    assertThat(
            PolicyEngine.evaluate(
                    List.of(freq), sms, new PolicyContext(null, null, null, "granted", 2, noon))
                .outcome())
        .isEqualTo(Verdict.Outcome.ALLOW);
    assertThat(
            PolicyEngine.evaluate(
                    List.of(hours), sms, new PolicyContext(null, null, null, "granted", 0, night))
                .outcome())
        .isEqualTo(Verdict.Outcome.WARN);
    assertThat(
            PolicyEngine.evaluate(
                    List.of(hours), sms, new PolicyContext(null, null, null, "granted", 0, noon))
                .outcome())
        .isEqualTo(Verdict.Outcome.ALLOW);
  }

  @Test
  void otherPeoplesEmailsAndPhonesButNotTheLeads() {
    Policy pii =
        policy(
            9,
            Map.of(
                "kind",
                "other_personal_data",
                "allowed",
                List.of("acme.example"),
                "severity",
                "block"));
    PolicyContext lead =
        new PolicyContext("maria@northwind.example", "+44 20 7946 0958", null, null, 0, null);
    OutboundText ok =
        new OutboundText(
            "email",
            null,
            "Maria, write to sam@acme.example or reply to maria@northwind.example, call 020 7946 0958");
    assertThat(PolicyEngine.evaluate(List.of(pii), ok, lead).outcome())
        .isEqualTo(Verdict.Outcome.ALLOW);
    OutboundText leak =
        new OutboundText(
            "email",
            null,
            "Your colleague John (john.doe@northwind.example, +1 415 555 0199) said yes.");
    Verdict v = PolicyEngine.evaluate(List.of(pii), leak, lead);
    assertThat(v.violations())
        .extracting(Violation::excerpt)
        .containsExactly("john.doe@northwind.example", "+1 415 555 0199");
  }

  @Test
  void disabledPoliciesDoNotApply() {
    Policy off =
        new Policy(1, "x", MAX15.kind(), MAX15.severity(), MAX15.rule(), "x", false, 1, null, null);
    assertThat(check("90% off", off).outcome()).isEqualTo(Verdict.Outcome.ALLOW);
  }

  @Test
  void badRulesAreRejectedWithTheField() {
    assertThatThrownBy(() -> PolicyRules.read(Map.of("kind", "max_discount", "percent", 150)))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("percent must be a whole number from 0 to 100");
    // a number too large for a double must not wrap into range
    assertThatThrownBy(
            () ->
                PolicyRules.read(
                    Map.of("kind", "max_discount", "percent", new java.math.BigDecimal("-1e400"))))
        .hasMessageContaining("percent must be a whole number from 0 to 100");
    assertThatThrownBy(() -> PolicyRules.read(Map.of("kind", "nope")))
        .hasMessageContaining("kind must be one of max_discount");
    assertThatThrownBy(
            () ->
                PolicyRules.read(
                    Map.of("kind", "forbidden_phrase", "patterns", List.of("(unclosed"))))
        .hasMessageContaining("patterns[0] is not a valid regular expression");
    assertThatThrownBy(
            () ->
                PolicyRules.read(
                    Map.of("kind", "max_discount", "percent", 10, "severity", "maybe")))
        .hasMessageContaining("severity must be block, warn or log");
  }
}
