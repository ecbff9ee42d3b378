package io.omnireach.ui.deal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Approvals;
import io.omnireach.deal.ApproverRule;
import io.omnireach.deal.Autonomy;
import io.omnireach.deal.Negotiations;
import io.omnireach.deal.Playbook;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Permission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The negotiation agent's settings (the "Agent" tab): how autonomous it is (suggest only, auto-send
 * within limits, escalate above an amount), the concession ladder, and who may approve what beyond
 * the limits — one rule a line, "up to 25: Sales, lee@acme.example". Admins edit; others read.
 */
final class AgentSettings extends Div {

  private final Negotiations negotiations;
  private final Approvals approvals;
  private final TenantRef tenant;
  private final String actor;
  private final Select<Autonomy> autonomy = new Select<>();
  private final BigDecimalField escalateAbove = new BigDecimalField("Escalate deals above");
  private final BigDecimalField step = new BigDecimalField("Discount step (%)");
  private final Checkbox termFirst = new Checkbox("Offer a longer contract before any discount");
  private final TextArea rules = new TextArea("Who may approve beyond the limits");
  private final Span version = new Span();

  AgentSettings(
      Negotiations negotiations,
      Approvals approvals,
      TenantRef tenant,
      String actor,
      boolean admin) {
    this.negotiations = negotiations;
    this.approvals = approvals;
    this.tenant = tenant;
    this.actor = actor;
    setId("agent-settings");
    addClassName("omni-agent-settings");
    autonomy.setLabel("Autonomy");
    autonomy.setItems(Autonomy.values());
    autonomy.setItemLabelGenerator(DecisionActions::label);
    autonomy.setId("agent-autonomy");
    autonomy.setHelperText(
        "Auto-send queues accepts, counters and questions within the limits through the outbox;"
            + " escalations always wait for a person.");
    autonomy.setWidthFull();
    escalateAbove.setWidthFull();
    step.setWidthFull();
    escalateAbove.setHelperText("Deal total; empty: no amount");
    escalateAbove.setId("agent-escalate-above");
    step.setId("agent-step");
    rules.setId("agent-approvers");
    rules.setWidthFull();
    rules.setHelperText(
        "One rule a line: \"up to 25: Sales, lee@acme.example\" — roles Admin or Sales, or"
            + " emails. Above every rule, only Admins approve.");
    Div ladder = new Div(autonomy, escalateAbove, step);
    ladder.addClassName("omni-agent-row");
    H3 title = new H3("Negotiation agent");
    Paragraph intro =
        new Paragraph(
            "The agent decides by these rules and the price book only; nothing outside the limits"
                + " is ever offered or sent.");
    intro.addClassName("omni-muted");
    version.addClassName("omni-muted");
    Div card = new Div(title, intro, ladder, termFirst, rules, version);
    card.addClassName("omni-panel");
    if (admin) {
      Button save = new Button("Save agent settings", VaadinIcon.CHECK.create(), e -> save());
      save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      save.setId("agent-save");
      card.add(new Div(save));
    } else {
      ladder.getChildren().forEach(c -> c.getElement().setEnabled(false));
      termFirst.setEnabled(false);
      rules.setReadOnly(true);
    }
    add(card);
    load();
  }

  private void load() {
    Playbook p = negotiations.playbook(tenant);
    autonomy.setValue(p.autonomy());
    escalateAbove.setValue(p.escalateAbove());
    step.setValue(p.discountStepPercent());
    termFirst.setValue(p.termBeforeDiscount());
    rules.setValue(
        String.join("\n", approvals.rules(tenant).stream().map(AgentSettings::line).toList()));
    version.setText("Playbook version " + p.version());
  }

  private void save() {
    if (!UiSession.permits(Permission.DEALS_CONFIGURE)) {
      return;
    }
    rules.setInvalid(false);
    try {
      List<ApproverRule> parsed = parse(rules.getValue());
      negotiations.updatePlaybook(
          tenant,
          autonomy.getValue(),
          escalateAbove.getValue(),
          step.getValue(),
          termFirst.getValue(),
          actor);
      approvals.replaceRules(tenant, parsed);
      Toasts.success("Agent settings saved.");
      load();
    } catch (DomainException e) {
      if (e.field() != null && e.field().startsWith("rules")) {
        rules.setErrorMessage(e.getMessage());
        rules.setInvalid(true);
      } else {
        Toasts.error(e.getMessage());
      }
    }
  }

  static String line(ApproverRule r) {
    List<String> who = new ArrayList<>(r.roles());
    who.addAll(r.users());
    return "up to "
        + r.upToDiscountPercent().stripTrailingZeros().toPlainString()
        + ": "
        + String.join(", ", who);
  }

  /** "up to 25: Sales, lee@acme.example" lines as rules; a malformed line is INVALID rules. */
  static List<ApproverRule> parse(String text) {
    List<ApproverRule> out = new ArrayList<>();
    int n = 0;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      String limit =
          colon < 0
              ? ""
              : line.substring(0, colon).replaceFirst("(?i)^up to", "").replace("%", "").strip();
      if (colon < 0 || !limit.matches("\\d{1,3}(\\.\\d{1,2})?")) {
        throw DomainException.invalid(
            "rules[" + n + "]",
            "Write each rule as \"up to 25: Sales, lee@acme.example\"; got '" + line + "'.");
      }
      List<String> roles = new ArrayList<>();
      List<String> users = new ArrayList<>();
      Arrays.stream(line.substring(colon + 1).split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(s -> (s.contains("@") ? users : roles).add(s));
      out.add(new ApproverRule(new BigDecimal(limit), roles, users));
      n++;
    }
    return out;
  }
}
