package io.omnireach.ui.policy;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import io.omnireach.policy.Violation;
import java.util.Comparator;
import java.util.List;

/**
 * A text with the excerpts that break policies marked ({@code <mark>}, titled with the rule), for
 * the check box and for blocked messages on the lead page.
 */
public final class PolicyMarks {

  private PolicyMarks() {}

  /** {@code text} (one field: subject or body) with the violations of that field marked. */
  public static Div render(String text, List<Violation> violations, String field) {
    Div out = new Div();
    out.addClassName("omni-policy-text");
    String s = text == null ? "" : text;
    List<Violation> here =
        violations.stream()
            .filter(v -> field.equals(v.field()) && v.start() >= 0 && v.end() <= s.length())
            .sorted(Comparator.comparingInt(Violation::start))
            .toList();
    int at = 0;
    for (Violation v : here) {
      if (v.start() < at) {
        continue; // overlapping: the first mark wins
      }
      out.getElement().appendChild(Element.createText(s.substring(at, v.start())));
      Element mark = new Element("mark");
      mark.setText(s.substring(v.start(), v.end()));
      mark.setAttribute("title", v.policyName() + ": " + v.explanation());
      mark.setAttribute("data-severity", v.severity().wire());
      mark.setAttribute("data-policy", "" + v.policyId());
      out.getElement().appendChild(mark);
      at = v.end();
    }
    out.getElement().appendChild(Element.createText(s.substring(at)));
    return out;
  }

  /**
   * The violations a message was blocked for (from its BLOCKED event): each rule with its
   * explanation and the offending excerpt marked; null when the message was not blocked by a
   * policy.
   */
  public static Div blocked(io.omnireach.channel.MessageView m) {
    if (m.status() != io.omnireach.channel.MessageView.Status.BLOCKED || m.events() == null) {
      return null;
    }
    List<Violation> found = List.of();
    for (io.omnireach.channel.MessageView.Event e : m.events()) {
      if ("BLOCKED".equals(e.type())) {
        found = io.omnireach.policy.Violations.fromJson(e.detail());
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    Div out = new Div();
    out.addClassName("omni-thread-policy");
    for (Violation v : found) {
      Div row = PoliciesView.violation(v);
      if (v.field() != null && v.excerpt() != null) {
        row.getChildren()
            .filter(c -> c.hasClassName("omni-policy-excerpt"))
            .findFirst()
            .ifPresent(row::remove);
        Div text =
            render(
                v.excerpt(),
                List.of(
                    new Violation(
                        v.policyId(),
                        v.policyName(),
                        v.kind(),
                        v.severity(),
                        v.explanation(),
                        v.excerpt(),
                        "x",
                        0,
                        v.excerpt().length())),
                "x");
        Span where = new Span(("subject".equals(v.field()) ? "In the subject: " : "In the body: "));
        where.addClassName("omni-muted");
        text.getElement().insertChild(0, where.getElement());
        row.add(text);
      }
      out.add(row);
    }
    return out;
  }
}
