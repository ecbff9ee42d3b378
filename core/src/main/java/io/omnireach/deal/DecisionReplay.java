package io.omnireach.deal;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * "What would it do now?": runs a stored decision's message through the {@link DecisionEngine}
 * again, with the current playbook or one changed by the manager, against the deal and price book
 * as they are now and the same rung of the concession ladder (the counters made before it). The
 * result is compared with the original; nothing is stored, phrased or sent.
 */
public final class DecisionReplay {

  /** The replayed decision, the playbook it used, and what changed against the original. */
  public record Replay(
      StoredDecision original, Playbook playbook, Decision decision, List<Change> changes) {}

  /** One difference: what, before (the original), after (the replay). */
  public record Change(String what, String before, String after) {}

  private final Transactions tx;

  public DecisionReplay(Transactions tx) {
    this.tx = tx;
  }

  /** {@code change} turns the current playbook into the one to replay with (identity: as is). */
  public Replay replay(TenantRef tenant, long decisionId, UnaryOperator<Playbook> change) {
    return tx.tenant(
        tenant,
        c -> {
          StoredDecision original = Negotiations.find(c, decisionId);
          Playbook playbook = valid(change.apply(Negotiations.playbook(c)));
          Deal deal = Deals.find(c, original.dealId());
          Map<Long, Product> products = new HashMap<>();
          for (DealLine l : deal.lines()) {
            products.put(l.productId(), Products.find(c, l.productId()));
          }
          String message = original.decision().trace().message();
          Decision d =
              DecisionEngine.decide(
                  message,
                  AskParser.parse(message),
                  deal,
                  products,
                  playbook,
                  countersBefore(c, original.dealId(), decisionId));
          return new Replay(original, playbook, d, changes(original.decision(), d));
        });
  }

  private static Playbook valid(Playbook p) {
    if (p.autonomy() == null) {
      throw DomainException.invalid(
          "autonomy", "autonomy is SUGGEST_ONLY, AUTO_SEND or ALWAYS_ESCALATE_ABOVE.");
    }
    if (p.autonomy() == Autonomy.ALWAYS_ESCALATE_ABOVE && p.escalateAbove() == null) {
      throw DomainException.invalid(
          "escalateAbove",
          "ALWAYS_ESCALATE_ABOVE needs escalateAbove, the deal total above which a person decides.");
    }
    if (p.escalateAbove() != null && p.escalateAbove().signum() < 0) {
      throw DomainException.invalid("escalateAbove", "escalateAbove is an amount of 0 or more.");
    }
    BigDecimal step = p.discountStepPercent();
    if (step == null || step.signum() <= 0 || step.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw DomainException.invalid(
          "discountStepPercent", "discountStepPercent is a number above 0, at most 100.");
    }
    return p;
  }

  static List<Change> changes(Decision before, Decision after) {
    List<Change> out = new ArrayList<>();
    diff(out, "action", before.action().wire(), after.action().wire());
    Terms a = before.terms();
    Terms b = after.terms();
    diff(out, "discountPercent", plain(a.discountPercent()), plain(b.discountPercent()));
    diff(out, "termMonths", str(a.termMonths()), str(b.termMonths()));
    diff(out, "paymentTerms", a.paymentTerms(), b.paymentTerms());
    diff(out, "total", plain(a.total()), plain(b.total()));
    Map<String, String> was = outcomes(before.trace());
    Map<String, String> now = outcomes(after.trace());
    for (Map.Entry<String, String> e : now.entrySet()) {
      diff(out, "rule: " + e.getKey(), was.get(e.getKey()), e.getValue());
    }
    for (Map.Entry<String, String> e : was.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        diff(out, "rule: " + e.getKey(), e.getValue(), null);
      }
    }
    return out;
  }

  private static Map<String, String> outcomes(Trace t) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Trace.Rule r : t.rules()) {
      // the decision's own engine rules only: phrasing, policy, sending and approval came later
      if (!List.of("llm phrasing", "policy check", "auto-send", "approval", "trigger")
          .contains(r.rule())) {
        out.putIfAbsent(r.rule(), r.outcome());
      }
    }
    return out;
  }

  private static void diff(List<Change> out, String what, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.add(new Change(what, before, after));
    }
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros().toPlainString();
  }

  private static String str(Integer v) {
    return v == null ? null : v.toString();
  }

  private static int countersBefore(Connection c, long dealId, long decisionId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from deal_decisions where deal_id = ? and id < ?"
                + " and action = 'COUNTER'")) {
      ps.setLong(1, dealId);
      ps.setLong(2, decisionId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
