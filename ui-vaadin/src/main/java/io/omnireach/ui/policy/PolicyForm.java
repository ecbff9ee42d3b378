package io.omnireach.ui.policy;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.omnireach.common.DomainException;
import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyKind;
import io.omnireach.policy.PolicyRules;
import io.omnireach.policy.Rule;
import io.omnireach.policy.Severity;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a policy, those of its kind shown: what the form says becomes the same JSON the API
 * takes, read by {@link PolicyRules}, so the UI and the API validate alike.
 */
final class PolicyForm extends FormLayout {

  final Select<PolicyKind> kind = new Select<>();
  final Select<Severity> severity = new Select<>();
  final TextField name = new TextField("Name");
  final TextArea explanation = new TextArea("Explanation");
  final Checkbox enabled = new Checkbox("Enabled", true);
  final IntegerField percent = new IntegerField("Highest discount (%)");
  final TextArea phrases = new TextArea("Words and phrases (one per line)");
  final TextArea patterns = new TextArea("Regular expressions (one per line)");
  final TextField text = new TextField("Required text");
  final TextField countries = new TextField("Countries (ISO codes, comma-separated; empty = all)");
  final CheckboxGroup<String> channels = new CheckboxGroup<>("Channels (none = all)");
  final IntegerField maxPerWeek = new IntegerField("Touches per lead in 7 days");
  final TimePicker from = new TimePicker("From");
  final TimePicker to = new TimePicker("To");
  final TextArea allowed = new TextArea("Allowed (your addresses, domains, numbers; one per line)");

  PolicyForm() {
    kind.setLabel("Kind");
    kind.setItems(PolicyKind.rules());
    kind.setItemLabelGenerator(PolicyForm::label);
    kind.setValue(PolicyKind.MAX_DISCOUNT);
    kind.setId("policy-kind");
    severity.setLabel("Severity");
    severity.setItems(Severity.values());
    severity.setItemLabelGenerator(
        s ->
            switch (s) {
              case BLOCK -> "Block — never send";
              case WARN -> "Warn — a person confirms";
              case LOG -> "Log — record only";
            });
    severity.setValue(Severity.BLOCK);
    severity.setId("policy-severity");
    name.setPlaceholder("Defaults from the rule");
    name.setId("policy-name");
    explanation.setPlaceholder("In plain language; shown with each violation and given to the AI");
    explanation.setId("policy-explanation");
    percent.setMin(0);
    percent.setMax(100);
    percent.setId("policy-percent");
    phrases.setId("policy-phrases");
    patterns.setId("policy-patterns");
    text.setId("policy-text");
    countries.setId("policy-countries");
    channels.setItems("email", "sms", "voice");
    maxPerWeek.setMin(1);
    maxPerWeek.setId("policy-max-per-week");
    from.setValue(LocalTime.of(9, 0));
    to.setValue(LocalTime.of(18, 0));
    allowed.setId("policy-allowed");
    add(kind, severity, name, enabled, explanation, percent, phrases, patterns, text, countries);
    add(channels, maxPerWeek, from, to, allowed);
    setColspan(explanation, 2);
    for (var c : List.of(phrases, patterns, allowed)) {
      setColspan(c, 2);
    }
    setColspan(text, 2);
    setColspan(countries, 2);
    setColspan(channels, 2);
    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("520px", 2));
    kind.addValueChangeListener(e -> showFields());
    showFields();
  }

  static String label(PolicyKind k) {
    return switch (k) {
      case MAX_DISCOUNT -> "Maximum discount";
      case FORBIDDEN_PHRASE -> "Forbidden phrases";
      case REQUIRED_TEXT -> "Required text";
      case CHANNEL_CONSENT -> "Channel consent";
      case CONTACT_FREQUENCY -> "Contact frequency";
      case SEND_HOURS -> "Send hours";
      case COMPETITOR_MENTION -> "Competitor mentions";
      case OTHER_PERSONAL_DATA -> "Others' personal data";
      case LLM_REVIEW -> "AI review";
    };
  }

  private void showFields() {
    PolicyKind k = kind.getValue();
    percent.setVisible(k == PolicyKind.MAX_DISCOUNT);
    phrases.setVisible(k == PolicyKind.FORBIDDEN_PHRASE || k == PolicyKind.COMPETITOR_MENTION);
    phrases.setLabel(
        k == PolicyKind.COMPETITOR_MENTION
            ? "Competitors (one per line)"
            : "Words and phrases (one per line)");
    patterns.setVisible(k == PolicyKind.FORBIDDEN_PHRASE);
    text.setVisible(k == PolicyKind.REQUIRED_TEXT);
    countries.setVisible(k == PolicyKind.REQUIRED_TEXT);
    channels.setVisible(k == PolicyKind.REQUIRED_TEXT || k == PolicyKind.CHANNEL_CONSENT);
    maxPerWeek.setVisible(k == PolicyKind.CONTACT_FREQUENCY);
    from.setVisible(k == PolicyKind.SEND_HOURS);
    to.setVisible(k == PolicyKind.SEND_HOURS);
    allowed.setVisible(k == PolicyKind.OTHER_PERSONAL_DATA);
  }

  void read(Policy p) {
    kind.setValue(p.kind());
    severity.setValue(p.severity());
    // a defaulted name or explanation stays empty, so it follows the rule when that changes
    name.setValue(p.name().equals(PolicyRules.defaultName(p.kind(), p.rule())) ? "" : p.name());
    explanation.setValue(
        p.explanation().equals(PolicyRules.defaultExplanation(p.kind(), p.rule()))
            ? ""
            : p.explanation());
    enabled.setValue(p.enabled());
    Rule r = p.rule();
    if (r.percent() != null) {
      percent.setValue(r.percent());
    }
    phrases.setValue(String.join("\n", r.phrases()));
    patterns.setValue(String.join("\n", r.patterns()));
    text.setValue(r.text() == null ? "" : r.text());
    countries.setValue(String.join(", ", r.countries()));
    channels.setValue(new java.util.HashSet<>(r.channels()));
    if (r.maxPerWeek() != null) {
      maxPerWeek.setValue(r.maxPerWeek());
    }
    if (r.from() != null) {
      from.setValue(r.from());
      to.setValue(r.to());
    }
    allowed.setValue(String.join("\n", r.allowed()));
  }

  /** The policy as the API's JSON would say it, checked; INVALID names the field at fault. */
  PolicyRules.Draft draft() {
    Map<String, Object> m = new LinkedHashMap<>();
    PolicyKind k = kind.getValue();
    m.put("kind", k.wire());
    m.put("severity", severity.getValue().wire());
    m.put("name", name.getValue());
    m.put("explanation", explanation.getValue());
    m.put("enabled", enabled.getValue());
    switch (k) {
      case MAX_DISCOUNT -> m.put("percent", percent.getValue());
      case FORBIDDEN_PHRASE -> {
        m.put("phrases", lines(phrases.getValue()));
        m.put("patterns", lines(patterns.getValue()));
      }
      case COMPETITOR_MENTION -> m.put("names", lines(phrases.getValue()));
      case REQUIRED_TEXT -> {
        m.put("text", text.getValue());
        m.put(
            "countries",
            Arrays.stream(countries.getValue().split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .toList());
        m.put("channels", new ArrayList<>(channels.getValue()));
      }
      case CHANNEL_CONSENT -> m.put("channels", new ArrayList<>(channels.getValue()));
      case CONTACT_FREQUENCY -> m.put("maxPerWeek", maxPerWeek.getValue());
      case SEND_HOURS -> {
        m.put("from", from.getValue() == null ? null : from.getValue().toString());
        m.put("to", to.getValue() == null ? null : to.getValue().toString());
      }
      case OTHER_PERSONAL_DATA -> m.put("allowed", lines(allowed.getValue()));
      default -> throw new IllegalStateException("unknown kind " + k);
    }
    return PolicyRules.read(m);
  }

  /** Marks the field a DomainException names; true when one was found. */
  boolean show(DomainException e) {
    String f = e.field() == null ? "" : e.field().replaceAll("\\[\\d+]$", "");
    Object field =
        switch (f) {
          case "percent" -> percent;
          case "phrases", "names" -> phrases;
          case "patterns" -> patterns;
          case "text" -> text;
          case "countries" -> countries;
          case "maxPerWeek" -> maxPerWeek;
          case "from" -> from;
          case "to" -> to;
          case "name" -> name;
          case "explanation" -> explanation;
          default -> null;
        };
    if (field instanceof com.vaadin.flow.component.HasValidation v) {
      v.setErrorMessage(e.getMessage());
      v.setInvalid(true);
      return true;
    }
    return false;
  }

  private static List<String> lines(String s) {
    return Arrays.stream(s == null ? new String[0] : s.split("\n"))
        .map(String::strip)
        .filter(x -> !x.isEmpty())
        .toList();
  }
}
