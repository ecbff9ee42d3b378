package io.omnireach.deal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may approve an escalated decision whose discount is at most {@code upToDiscountPercent}: any
 * member with one of {@code roles}, or one of the named {@code users} (emails). The rule with the
 * smallest limit that covers the discount applies; above every rule only an Admin approves. Admins
 * may always approve: they set the rules.
 */
public record ApproverRule(BigDecimal upToDiscountPercent, List<String> roles, List<String> users) {

  public static final String ADMIN = "Admin";

  public ApproverRule {
    roles = roles == null ? List.of() : List.copyOf(roles);
    users =
        users == null
            ? List.of()
            : users.stream().map(u -> u.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** The rule that decides who approves {@code discount}; empty: only Admins. */
  public static Optional<ApproverRule> applying(List<ApproverRule> rules, BigDecimal discount) {
    BigDecimal d = discount == null ? BigDecimal.ZERO : discount;
    return rules.stream()
        .filter(r -> r.upToDiscountPercent().compareTo(d) >= 0)
        .min(Comparator.comparing(ApproverRule::upToDiscountPercent));
  }

  /** Whether {@code email} with {@code roles} may approve {@code discount} under {@code rules}. */
  public static boolean allows(
      List<ApproverRule> rules, BigDecimal discount, String email, List<String> roles) {
    if (roles.contains(ADMIN)) {
      return true;
    }
    return applying(rules, discount)
        .map(
            r ->
                r.roles().stream().anyMatch(roles::contains)
                    || (email != null && r.users().contains(email.toLowerCase(Locale.ROOT))))
        .orElse(false);
  }

  /** Who may approve, in words, for a refusal or the approval task. */
  public static String who(List<ApproverRule> rules, BigDecimal discount) {
    return applying(rules, discount)
        .map(
            r -> {
              List<String> names = new java.util.ArrayList<>(List.of(ADMIN));
              r.roles().stream().filter(x -> !x.equals(ADMIN)).forEach(names::add);
              names.addAll(r.users());
              return String.join(", ", names)
                  + " (discounts up to "
                  + Money.percent(r.upToDiscountPercent())
                  + ")";
            })
        .orElse("an Admin only");
  }
}
