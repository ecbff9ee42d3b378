package io.omnireach.deal;

import java.math.BigDecimal;

/**
 * The manager's rules for negotiating: how autonomous the agent is, the deal total above which a
 * person always decides ({@code escalateAbove}, null: none), the size of each discount step, and
 * whether a longer contract is offered before any discount.
 */
public record Playbook(
    Autonomy autonomy,
    BigDecimal escalateAbove,
    BigDecimal discountStepPercent,
    boolean termBeforeDiscount,
    int version) {

  public static Playbook defaults() {
    return new Playbook(Autonomy.SUGGEST_ONLY, null, BigDecimal.valueOf(5), true, 1);
  }
}
