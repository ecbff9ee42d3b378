package io.omnireach.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may approve what: the smallest rule covering the discount decides; Admins always may. */
class ApproverRuleTest {

  private static final List<ApproverRule> RULES =
      List.of(
          new ApproverRule(new BigDecimal("25"), List.of("Sales"), List.of("Lee@Acme.example")),
          new ApproverRule(new BigDecimal("10"), List.of(), List.of("kim@acme.example")));

  @Test
  void the_smallest_rule_covering_the_discount_applies() {
    assertThat(ApproverRule.applying(RULES, new BigDecimal("8")).orElseThrow().users())
        .containsExactly("kim@acme.example");
    assertThat(ApproverRule.applying(RULES, new BigDecimal("20")).orElseThrow().roles())
        .containsExactly("Sales");
    assertThat(ApproverRule.applying(RULES, new BigDecimal("30"))).isEmpty();
  }

  @Test
  void named_users_and_roles_approve_within_their_rule_and_admins_always() {
    assertThat(ApproverRule.allows(RULES, new BigDecimal("8"), "kim@acme.example", List.of()))
        .isTrue();
    assertThat(
            ApproverRule.allows(RULES, new BigDecimal("8"), "rep@acme.example", List.of("Sales")))
        .isFalse();
    assertThat(
            ApproverRule.allows(RULES, new BigDecimal("20"), "rep@acme.example", List.of("Sales")))
        .isTrue();
    assertThat(ApproverRule.allows(RULES, new BigDecimal("20"), "lee@acme.example", List.of()))
        .isTrue();
    assertThat(
            ApproverRule.allows(RULES, new BigDecimal("30"), "lee@acme.example", List.of("Sales")))
        .isFalse();
    assertThat(
            ApproverRule.allows(RULES, new BigDecimal("30"), "boss@acme.example", List.of("Admin")))
        .isTrue();
    assertThat(
            ApproverRule.allows(
                List.of(), new BigDecimal("1"), "rep@acme.example", List.of("Sales")))
        .isFalse();
    assertThat(ApproverRule.who(List.of(), new BigDecimal("1"))).isEqualTo("an Admin only");
  }
}
