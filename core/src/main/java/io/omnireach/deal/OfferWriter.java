package io.omnireach.deal;

import java.util.stream.Collectors;

/**
 * Phrases a decision as an email, from the chosen action and terms only (the message asked is never
 * echoed: it may carry injected text). This is the offline writer: a template, labelled {@value
 * #GENERATOR} on the decision.
 */
public final class OfferWriter {

  public static final String GENERATOR = "offline";

  /** A subject and a body. */
  public record Text(String subject, String body) {}

  private OfferWriter() {}

  public static Text write(Decision d, Deal deal, String firstName) {
    String hi =
        "Hi " + (firstName == null || firstName.isBlank() ? "there" : firstName.strip()) + ",\n\n";
    Terms t = d.terms();
    String subject = "Re: " + deal.title();
    String body =
        switch (d.action()) {
          case ACCEPT ->
              hi
                  + "Good news: we can do that. "
                  + offer(t)
                  + "\n\nI will send the paperwork over for signature.";
          case COUNTER ->
              hi
                  + "Thank you for the note. Here is what I can offer: "
                  + offer(t)
                  + "\n\nWould that work for you?";
          case CLARIFY ->
              hi
                  + (d.trace().rules().stream()
                          .anyMatch(
                              r -> r.rule().equals("currency") && r.outcome().equals("triggered"))
                      ? "Our pricing for this deal is in "
                          + deal.currency()
                          + ". Could you tell me the figure you have in mind in "
                          + deal.currency()
                          + "?"
                      : "Thank you for getting back to me. Could you tell me what you would like to change: the quantity, the contract length, the payment terms or the price?");
          case ESCALATE ->
              hi + "Thank you. I am reviewing this with my team and will come back to you shortly.";
        };
    return new Text(subject, body + "\n\nBest regards");
  }

  /** The terms in one paragraph: lines, discount, contract length, payment terms and total. */
  static String offer(Terms t) {
    String lines =
        t.lines().stream()
            .map(
                l ->
                    l.quantity()
                        + " × "
                        + l.product()
                        + " at "
                        + l.netUnitPrice().toPlainString()
                        + " "
                        + t.currency())
            .collect(Collectors.joining(", "));
    StringBuilder s = new StringBuilder(lines);
    if (t.discountPercent().signum() > 0) {
      s.append(" (").append(Money.percent(t.discountPercent()).replace(" %", "%")).append(" off)");
    }
    if (t.termMonths() != null) {
      s.append(" on a ").append(t.termMonths()).append("-month contract");
    }
    if (t.paymentTerms() != null) {
      s.append(", payment ").append(t.paymentTerms());
    }
    s.append(", ")
        .append(t.total().toPlainString())
        .append(" ")
        .append(t.currency())
        .append(" in total.");
    return s.toString();
  }
}
