package io.omnireach.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The deterministic negotiation engine: from what a message asks ({@link Ask}), the deal, the price
 * book and the playbook it chooses accept, counter, clarify or escalate, and the terms — never a
 * discount above a product's maximum or a unit price below its floor. The LLM only phrases the
 * result. Pure: no database, no clock, the same inputs always give the same decision.
 *
 * <p>The concession ladder: a longer contract is offered before any discount (when the playbook
 * says so and a longer length is allowed); discounts go up in the playbook's steps, one step per
 * counter already made on the deal; when the ladder is at the limit and the ask is still above it,
 * a person decides. Claims of approval in a message grant nothing: the limits stay and a person
 * sees it.
 */
public final class DecisionEngine {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private DecisionEngine() {}

  /**
   * @param products the price book entries of the deal's lines, by id
   * @param previousCounters how many counters the engine already made on this deal (the ladder
   *     rung)
   */
  public static Decision decide(
      String message,
      Ask ask,
      Deal deal,
      Map<Long, Product> products,
      Playbook playbook,
      int previousCounters) {
    List<Trace.Rule> rules = new ArrayList<>();
    List<Trace.Alternative> rejected = new ArrayList<>();
    Terms current =
        terms(deal, products, BigDecimal.ZERO, deal.termMonths(), deal.paymentTerms(), null);

    // 1. the price book must cover the deal, in the deal's currency
    if (deal.lines().isEmpty()) {
      rules.add(
          rule(
              "price book",
              "triggered",
              "The deal has no products, so it has no limits to negotiate within."));
      return done(
          NegotiationAction.ESCALATE,
          current,
          message,
          ask,
          playbook,
          rules,
          rejected,
          "Escalated: without products from the price book there are no limits, so a person decides.");
    }
    for (DealLine l : deal.lines()) {
      Product p = products.get(l.productId());
      if (p == null || !p.currency().equals(deal.currency())) {
        rules.add(
            rule(
                "price book",
                "triggered",
                "Product "
                    + l.productName()
                    + " is missing from the price book or priced in another currency than the deal ("
                    + deal.currency()
                    + ")."));
        return done(
            NegotiationAction.ESCALATE,
            current,
            message,
            ask,
            playbook,
            rules,
            rejected,
            "Escalated: the price book does not cover this deal in " + deal.currency() + ".");
      }
    }
    rules.add(
        rule(
            "price book",
            "passed",
            "Every product on the deal is in the price book, priced in " + deal.currency() + "."));

    // 2. amounts in another currency are never converted: ask again
    List<String> foreign =
        ask.currencies().stream().filter(c -> !c.equals(deal.currency())).toList();
    if (!foreign.isEmpty()) {
      rules.add(
          rule(
              "currency",
              "triggered",
              "The message names "
                  + String.join(", ", foreign)
                  + " but the deal is priced in "
                  + deal.currency()
                  + "; amounts in another currency are not converted."));
      rejected.add(
          new Trace.Alternative(
              "Read the amount as " + deal.currency(),
              "a currency mix-up must not change the price: the customer confirms the amount in "
                  + deal.currency()
                  + " first"));
      return done(
          NegotiationAction.CLARIFY,
          current,
          message,
          ask,
          playbook,
          rules,
          rejected,
          "Asked to restate the request in " + deal.currency() + ", the deal's currency.");
    }
    rules.add(
        rule("currency", "passed", "No amount in another currency than " + deal.currency() + "."));

    // 3. claims of approval or new instructions change nothing but get a person's eyes
    boolean claimed = !ask.claims().isEmpty();
    if (claimed) {
      rules.add(
          rule(
              "claimed approval",
              "ignored",
              "The message claims an approval or asks to change the rules (\""
                  + ask.claims().get(0)
                  + "\"). Approvals are given in OmniReach, never in a message: the limits stay as they are."));
    } else {
      rules.add(
          rule(
              "claimed approval",
              "passed",
              "No claim of approval or instructions in the message."));
    }

    // 4. anything to answer?
    BigDecimal asked = ask.discountPercent();
    if (asked == null && ask.moneyOff() != null && deal.amount().signum() > 0) {
      asked = ask.moneyOff().multiply(HUNDRED).divide(deal.amount(), 2, RoundingMode.HALF_UP);
      rules.add(
          rule(
              "amount off",
              "applied",
              ask.moneyOff().toPlainString()
                  + " "
                  + deal.currency()
                  + " off a deal of "
                  + deal.amount().toPlainString()
                  + " "
                  + deal.currency()
                  + " is "
                  + Money.percent(asked)
                  + "."));
    }
    if (asked != null && asked.compareTo(HUNDRED) > 0) {
      asked = HUNDRED;
    }
    if (asked == null
        && ask.termMonths() == null
        && ask.paymentTerms() == null
        && ask.quantity() == null) {
      rules.add(
          rule(
              "request",
              "triggered",
              "No discount, contract length, payment terms or quantity found in the message."));
      return done(
          claimed ? NegotiationAction.ESCALATE : NegotiationAction.CLARIFY,
          current,
          message,
          ask,
          playbook,
          rules,
          rejected,
          claimed
              ? "Escalated: the message claims an approval and asks for nothing the engine can weigh."
              : "Asked what the customer would like to change: the message names no price, term or quantity.");
    }

    // 5. quantity: repriced by the volume tiers (single-product deals only)
    Integer quantity = null;
    if (ask.quantity() != null) {
      if (deal.lines().size() == 1 && ask.quantity() > 0) {
        quantity = ask.quantity();
        rules.add(
            rule(
                "quantity", "applied", quantity + " units, priced by the product's volume tiers."));
      } else {
        rules.add(
            rule(
                "quantity",
                "ignored",
                "A quantity applies to one product; this deal has " + deal.lines().size() + "."));
      }
    }

    // 6. contract length and payment terms: only what every product allows
    TreeSet<Integer> lengths = allowedLengths(deal, products);
    boolean counteredTerms = false;
    Integer term = deal.termMonths();
    if (ask.termMonths() != null) {
      if (lengths.contains(ask.termMonths())) {
        term = ask.termMonths();
        rules.add(
            rule(
                "contract length",
                "passed",
                ask.termMonths() + " months is an allowed contract length."));
      } else {
        Integer nearest =
            lengths.floor(ask.termMonths()) != null
                ? lengths.floor(ask.termMonths())
                : lengths.isEmpty() ? null : lengths.first();
        rejected.add(
            new Trace.Alternative(
                ask.termMonths() + "-month contract",
                "the price book allows "
                    + (lengths.isEmpty() ? "no other length" : lengths + " months")));
        if (nearest != null) {
          term = nearest;
        }
        counteredTerms = true;
        rules.add(
            rule(
                "contract length",
                "triggered",
                ask.termMonths()
                    + " months is not allowed; offering "
                    + (term == null ? "the current length" : term + " months")
                    + "."));
      }
    }
    String payment = deal.paymentTerms();
    if (ask.paymentTerms() != null) {
      List<String> allowed = allowedPayments(deal, products);
      if (allowed.contains(ask.paymentTerms())) {
        payment = ask.paymentTerms();
        rules.add(
            rule("payment terms", "passed", ask.paymentTerms() + " is allowed by the price book."));
      } else {
        rejected.add(
            new Trace.Alternative(
                "Payment " + ask.paymentTerms(),
                "the price book allows "
                    + (allowed.isEmpty()
                        ? "none beyond the current terms"
                        : String.join(", ", allowed))));
        payment =
            deal.paymentTerms() != null
                ? deal.paymentTerms()
                : allowed.isEmpty() ? null : allowed.get(0);
        counteredTerms = true;
        rules.add(
            rule(
                "payment terms",
                "triggered",
                ask.paymentTerms()
                    + " is not allowed; offering "
                    + (payment == null ? "the current terms" : payment)
                    + "."));
      }
    }

    // 7. the discount limit: the tightest of each line's maximum and its floor
    BigDecimal limit = HUNDRED;
    String limitBy = null;
    for (DealLine l : deal.lines()) {
      Product p = products.get(l.productId());
      BigDecimal base = p.unitPrice(quantity != null ? quantity : l.quantity());
      BigDecimal byFloor = Money.headroom(base, p.floorPrice());
      BigDecimal line = p.maxDiscountPercent().min(byFloor);
      if (line.compareTo(limit) < 0) {
        limit = line;
        limitBy =
            p.name()
                + (byFloor.compareTo(p.maxDiscountPercent()) < 0
                    ? ": its floor price of "
                        + p.floorPrice().toPlainString()
                        + " allows "
                        + Money.percent(byFloor)
                    : ": its maximum discount is " + Money.percent(p.maxDiscountPercent()));
      }
    }
    rules.add(
        rule(
            "discount limit",
            "applied",
            "At most " + Money.percent(limit) + " off (" + limitBy + ")."));

    BigDecimal discount = BigDecimal.ZERO;
    NegotiationAction action =
        counteredTerms ? NegotiationAction.COUNTER : NegotiationAction.ACCEPT;
    String summary;
    if (asked == null || asked.signum() <= 0) {
      summary =
          counteredTerms
              ? "Countered with terms the price book allows."
              : "Accepted: the requested terms are within the price book.";
    } else {
      BigDecimal step = playbook.discountStepPercent();
      BigDecimal rungCap = step.multiply(BigDecimal.valueOf(previousCounters + 1L));
      Integer longer = lengths.higher(term == null ? 0 : term);
      boolean offerTerm =
          playbook.termBeforeDiscount() && ask.termMonths() == null && longer != null;
      if (asked.compareTo(limit) > 0) {
        rejected.add(
            new Trace.Alternative(
                "Accept " + Money.percent(asked) + " off",
                "above the limit of " + Money.percent(limit) + " — never offered, whoever asks"));
        rules.add(
            rule(
                "requested discount",
                "triggered",
                Money.percent(asked) + " is above the limit of " + Money.percent(limit) + "."));
      } else {
        rules.add(
            rule(
                "requested discount",
                "passed",
                Money.percent(asked) + " is within the limit of " + Money.percent(limit) + "."));
      }
      BigDecimal offer = asked.min(limit).min(rungCap);
      boolean exact = offer.compareTo(asked) == 0;
      if (exact && !offerTerm) {
        discount = asked;
        summary =
            (counteredTerms
                ? "Countered: the discount as asked, with allowed terms."
                : "Accepted "
                    + Money.percent(asked)
                    + " off: within the limit and this step of the ladder.");
      } else {
        if (!exact) {
          rules.add(
              rule(
                  "concession ladder",
                  "applied",
                  "Step "
                      + (previousCounters + 1)
                      + " of "
                      + Money.percent(step)
                      + " steps allows up to "
                      + Money.percent(rungCap.min(limit))
                      + "."));
        }
        boolean spent =
            asked.compareTo(limit) > 0
                && previousCounters > 0
                && step.multiply(BigDecimal.valueOf(previousCounters)).compareTo(limit) >= 0;
        if (spent) {
          // the ladder is spent and the customer still wants more
          discount = limit;
          action = NegotiationAction.ESCALATE;
          summary =
              "Escalated: the ladder is at the limit of "
                  + Money.percent(limit)
                  + " and the customer still asks "
                  + Money.percent(asked)
                  + ".";
        } else {
          discount = offer;
          action = NegotiationAction.COUNTER;
          if (offerTerm) {
            term = longer;
            rules.add(
                rule(
                    "term before discount",
                    "applied",
                    "A "
                        + longer
                        + "-month contract is offered with the discount, before deeper discounts."));
            rejected.add(
                new Trace.Alternative(
                    "Discount only, same term",
                    "the playbook offers a longer contract before discounting further"));
          }
          summary =
              "Countered with "
                  + Money.percent(discount)
                  + " off"
                  + (offerTerm ? " on a " + longer + "-month contract" : "")
                  + ".";
        }
        if (!exact) {
          rejected.add(
              new Trace.Alternative(
                  Money.percent(asked.min(limit)) + " now",
                  asked.min(limit).compareTo(offer) > 0
                      ? "the ladder gives " + Money.percent(step) + " per step"
                      : "it is the limit"));
        }
      }
    }

    Terms terms = terms(deal, products, discount, term, payment, quantity);

    // 8. a person decides above the playbook's amount
    boolean above =
        playbook.autonomy() != Autonomy.SUGGEST_ONLY && playbook.escalateAbove() != null;
    if (above
        && terms.total().compareTo(playbook.escalateAbove()) > 0
        && action != NegotiationAction.ESCALATE) {
      rules.add(
          rule(
              "escalate above",
              "triggered",
              "The deal total "
                  + terms.total().toPlainString()
                  + " "
                  + deal.currency()
                  + " is above "
                  + playbook.escalateAbove().toPlainString()
                  + ": a person decides."));
      rejected.add(
          new Trace.Alternative(
              action.wire() + " on its own",
              "the playbook escalates deals above " + playbook.escalateAbove().toPlainString()));
      action = NegotiationAction.ESCALATE;
      summary = "Escalated for approval: " + summary;
    } else if (above) {
      rules.add(
          rule(
              "escalate above",
              "passed",
              "The deal total "
                  + terms.total().toPlainString()
                  + " is not above "
                  + playbook.escalateAbove().toPlainString()
                  + "."));
    }
    if (claimed && action != NegotiationAction.ESCALATE) {
      rejected.add(
          new Trace.Alternative(
              action.wire() + " on its own", "the message claims an approval: a person checks it"));
      action = NegotiationAction.ESCALATE;
      summary =
          "Escalated because the message claims an approval; proposed within the limits: "
              + summary;
    }

    // 9. the last guard: whatever happened above, the terms stay within the price book
    for (Terms.Line l : terms.lines()) {
      Product p = products.get(l.productId());
      if (l.discountPercent().compareTo(p.maxDiscountPercent()) > 0
          || l.netUnitPrice().compareTo(p.floorPrice()) < 0) {
        rules.add(
            rule("final limits check", "triggered", l.product() + " would be below its limits."));
        return done(
            NegotiationAction.ESCALATE,
            current,
            message,
            ask,
            playbook,
            rules,
            rejected,
            "Escalated: the terms failed the final limits check.");
      }
    }
    rules.add(
        rule(
            "final limits check",
            "passed",
            "Every line is at or below its maximum discount and at or above its floor price."));
    return done(action, terms, message, ask, playbook, rules, rejected, summary);
  }

  /** The deal's lines at {@code discount}, with the tier price of {@code quantity} when set. */
  static Terms terms(
      Deal deal,
      Map<Long, Product> products,
      BigDecimal discount,
      Integer term,
      String payment,
      Integer quantity) {
    List<Terms.Line> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (DealLine l : deal.lines()) {
      Product p = products.get(l.productId());
      int qty = quantity != null ? quantity : l.quantity();
      BigDecimal base =
          p == null ? l.unitPrice() : quantity != null ? p.unitPrice(qty) : l.unitPrice();
      BigDecimal d = p == null || discount.signum() == 0 ? l.discountPercent() : discount;
      BigDecimal unit = Money.discounted(base, d);
      BigDecimal net = unit.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
      lines.add(new Terms.Line(l.productId(), l.productName(), qty, base, d, unit, net));
      total = total.add(net);
    }
    BigDecimal overall = lines.isEmpty() ? discount : lines.get(0).discountPercent();
    return new Terms(
        overall, term, payment, deal.currency(), lines, total.setScale(2, RoundingMode.HALF_UP));
  }

  private static TreeSet<Integer> allowedLengths(Deal deal, Map<Long, Product> products) {
    TreeSet<Integer> out = null;
    for (DealLine l : deal.lines()) {
      TreeSet<Integer> mine = new TreeSet<>(products.get(l.productId()).contractMonths());
      if (out == null) {
        out = mine;
      } else {
        out.retainAll(mine);
      }
    }
    return out == null ? new TreeSet<>() : out;
  }

  private static List<String> allowedPayments(Deal deal, Map<Long, Product> products) {
    List<String> out = null;
    for (DealLine l : deal.lines()) {
      List<String> mine = products.get(l.productId()).paymentTerms();
      out =
          out == null
              ? new ArrayList<>(mine)
              : new ArrayList<>(out.stream().filter(mine::contains).toList());
    }
    return out == null ? List.of() : out;
  }

  private static Trace.Rule rule(String name, String outcome, String detail) {
    return new Trace.Rule(name, outcome, detail);
  }

  private static Decision done(
      NegotiationAction action,
      Terms terms,
      String message,
      Ask ask,
      Playbook playbook,
      List<Trace.Rule> rules,
      List<Trace.Alternative> rejected,
      String summary) {
    return new Decision(
        action,
        Objects.requireNonNull(terms),
        new Trace(message, ask, playbook.version(), rules, rejected, summary));
  }
}
