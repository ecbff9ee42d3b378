package io.omnireach.ui.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import io.omnireach.channel.Mailbox;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.Stage;
import io.omnireach.persona.Persona;
import io.omnireach.ui.workflow.Durations.Amount;
import io.omnireach.ui.workflow.Durations.Unit;
import io.omnireach.ui.workflow.WorkflowGraphJson.Node;
import io.omnireach.user.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The settings of the selected node, one form per node type, validated before they go to the
 * canvas: persona and prompt for AI generate; mailbox and either the AI draft or subject and body
 * (optionally A/B variants) for Send; a duration, or a reply/open with a time-out, for Wait; a
 * condition for Decision; stage and tag for Update lead; title and assignee for Task.
 */
class WorkflowNodePanel extends Div {

  /** The tenant's choices the forms offer. */
  record Choices(List<Persona> personas, List<Mailbox> mailboxes, List<Member> members) {}

  static final String OWNER = "owner";
  static final String ROTATE = "rotate";

  /** The config keys the forms write; a config's other keys pass through. */
  static final java.util.Set<String> OWNED =
      java.util.Set.of(
          "label",
          "personaId",
          "personaName",
          "prompt",
          "mailboxId",
          "subject",
          "body",
          "variants",
          "duration",
          "until",
          "timeout",
          "condition",
          "stage",
          "addTag",
          "title",
          "assignee");

  static final List<String> CONDITIONS = List.of("replied", "opened", "clicked", "field", "score");
  static final List<String> OPS =
      List.of("eq", "neq", "contains", "empty", "not_empty", "gt", "gte", "lt", "lte");

  private final Choices choices;
  private final boolean canWrite;
  private final BiConsumer<String, JsonObject> onApply;
  private final Div head = new Div();
  private final Div body = new Div();
  private final Button apply = new Button("Apply", VaadinIcon.CHECK.create());
  private final List<BooleanSupplier> checks = new ArrayList<>();
  private Node node;
  private Consumer<JsonObject> writer = c -> {};
  private TextField label;

  WorkflowNodePanel(
      Choices choices, boolean canWrite, BiConsumer<String, JsonObject> onApply, Runnable onClose) {
    this.choices = choices;
    this.canWrite = canWrite;
    this.onApply = onApply;
    setId("node-panel");
    addClassName("omni-node-panel");
    head.addClassName("omni-node-panel-head");
    body.addClassName("omni-node-panel-body");
    apply.setId("node-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.addClickListener(e -> apply());
    apply.setVisible(canWrite);
    Button close = new Button("Close", e -> onClose.run());
    close.setId("node-close");
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Div footer = new Div(close, apply);
    footer.addClassName("omni-node-panel-footer");
    add(head, body, footer);
  }

  /** Shows the form of a node; {@code aiBefore} tells whether an AI generate step precedes it. */
  void show(Node node, boolean aiBefore) {
    this.node = node;
    checks.clear();
    head.removeAll();
    body.removeAll();
    NodeKind kind = NodeKind.of(node.type());
    Icon icon = kind.icon.create();
    Div tile = new Div(icon);
    tile.addClassName("omni-node-panel-icon");
    tile.getStyle().set("--omni-node-color", kind.color);
    H3 title = new H3(kind.label);
    Span id = new Span(node.id());
    id.addClassName("omni-muted");
    id.setId("node-panel-id");
    head.add(tile, new Div(title, id));

    JsonObject c = node.config();
    label = new TextField("Step name");
    label.setId("node-label");
    label.setPlaceholder(kind.label);
    label.setHelperText("Optional; shown on the canvas");
    label.setValue(WorkflowGraphJson.text(c, "label"));
    label.setWidthFull();
    switch (kind) {
      case START -> info("Every lead enrolled in this workflow starts here.");
      case END -> info("The run ends here. Leads can be enrolled again later.");
      case AI_GENERATE -> aiGenerate(c);
      case SEND_EMAIL -> sendEmail(c, aiBefore);
      case WAIT -> waitStep(c);
      case DECISION -> decision(c);
      case UPDATE_LEAD -> updateLead(c);
      case TASK -> task(c);
    }
    if (kind != NodeKind.START && kind != NodeKind.END) {
      body.addComponentAsFirst(label);
    }
    apply.setVisible(canWrite && kind != NodeKind.START && kind != NodeKind.END);
    body.getChildren().forEach(ch -> ch.getElement().setProperty("readonly", !canWrite));
  }

  String nodeId() {
    return node == null ? null : node.id();
  }

  /** Validates the form; when it holds, hands the new config to the canvas. */
  boolean apply() {
    if (node == null) {
      return false;
    }
    boolean ok = true;
    for (BooleanSupplier check : checks) {
      ok &= check.getAsBoolean();
    }
    if (!ok) {
      return false;
    }
    JsonObject fresh = Json.createObject();
    if (!label.getValue().isBlank()) {
      fresh.put("label", label.getValue().trim());
    }
    writer.accept(fresh);
    // Keys this form does not manage (maxAttempts, …) stay as they were.
    JsonObject config = Json.createObject();
    for (String key : node.config().keys()) {
      if (!OWNED.contains(key)) {
        config.put(key, (elemental.json.JsonValue) node.config().get(key));
      }
    }
    for (String key : fresh.keys()) {
      config.put(key, (elemental.json.JsonValue) fresh.get(key));
    }
    onApply.accept(node.id(), config);
    return true;
  }

  private void info(String text) {
    Paragraph p = new Paragraph(text);
    p.addClassName("omni-muted");
    body.add(p);
    writer = c -> {};
  }

  private void aiGenerate(JsonObject c) {
    Select<Persona> persona = new Select<>();
    persona.setId("node-persona");
    persona.setLabel("Persona");
    persona.setItems(choices.personas());
    persona.setItemLabelGenerator(Persona::name);
    persona.setEmptySelectionAllowed(false);
    persona.setWidthFull();
    Long personaId = number(c, "personaId");
    choices.personas().stream()
        .filter(p -> personaId != null && p.id() == personaId)
        .findFirst()
        .ifPresent(persona::setValue);
    TextArea prompt = new TextArea("What should the email do?");
    prompt.setId("node-prompt");
    prompt.setWidthFull();
    prompt.setMinHeight("140px");
    prompt.setHelperText(
        "The brief for the AI, e.g. \"invite them to the webinar on 3 March\". It already knows"
            + " the lead's name, company, title and industry. Offline drafts cannot follow it.");
    prompt.setValue(WorkflowGraphJson.text(c, "prompt"));
    body.add(persona, prompt);
    if (choices.personas().isEmpty()) {
      info("Create a persona first (Personas), so the AI writes in its voice.");
    }
    checks.add(() -> valid(persona, persona.getValue() != null, "Choose a persona."));
    checks.add(() -> valid(prompt, !prompt.getValue().isBlank(), "Say what the email should do."));
    writer =
        out -> {
          out.put("personaId", persona.getValue().id());
          out.put("prompt", prompt.getValue().trim());
        };
  }

  private void sendEmail(JsonObject c, boolean aiBefore) {
    Select<String> mailbox = new Select<>();
    mailbox.setId("node-mailbox");
    mailbox.setLabel("Send from");
    List<String> boxes = new ArrayList<>();
    if (choices.mailboxes().size() > 1) {
      boxes.add(ROTATE);
    }
    choices.mailboxes().forEach(m -> boxes.add(Long.toString(m.id())));
    mailbox.setItems(boxes);
    mailbox.setItemLabelGenerator(
        id ->
            id.equals(ROTATE)
                ? "Rotate across all mailboxes"
                : choices.mailboxes().stream()
                    .filter(m -> Long.toString(m.id()).equals(id))
                    .map(m -> (String) (m.name() + " · " + m.fromAddress()))
                    .findFirst()
                    .orElse(id));
    mailbox.setWidthFull();
    String mailboxId = WorkflowGraphJson.text(c, "mailboxId");
    if (boxes.contains(mailboxId)) {
      mailbox.setValue(mailboxId);
    }
    RadioButtonGroup<String> content = new RadioButtonGroup<>("Content");
    content.setId("node-content");
    content.setItems("ai", "write");
    content.setItemLabelGenerator(
        v -> v.equals("ai") ? "The AI draft of the previous step" : "Write it here");
    JsonArray existing = WorkflowGraphJson.array(c, "variants");
    boolean written =
        !WorkflowGraphJson.text(c, "subject").isBlank()
            || !WorkflowGraphJson.text(c, "body").isBlank()
            || existing.length() > 0;
    content.setValue(written || !aiBefore ? "write" : "ai");
    Checkbox ab = new Checkbox("A/B test variants");
    ab.setId("node-ab");
    VariantList variants = new VariantList();
    if (existing.length() > 0) {
      for (int i = 0; i < existing.length(); i++) {
        if (existing.get(i).getType() == JsonType.OBJECT) {
          variants.add(existing.getObject(i));
        }
      }
    } else {
      JsonObject a = Json.createObject();
      a.put("name", "A");
      a.put("subject", WorkflowGraphJson.text(c, "subject"));
      a.put("body", WorkflowGraphJson.text(c, "body"));
      variants.add(a);
    }
    ab.setValue(existing.length() > 1);
    Paragraph aiHint = new Paragraph();
    aiHint.addClassName("omni-muted");
    Runnable sync =
        () -> {
          boolean write = "write".equals(content.getValue());
          ab.setVisible(write);
          variants.setVisible(write);
          variants.setAb(ab.getValue());
          aiHint.setVisible(!write);
          aiHint.setText(
              aiBefore
                  ? "Sends the subject and body the preceding AI generate step wrote."
                  : "No AI generate step comes before this one yet: add one, or write the email.");
        };
    content.addValueChangeListener(e -> sync.run());
    ab.addValueChangeListener(e -> sync.run());
    sync.run();
    body.add(mailbox, content, aiHint, ab, variants);
    if (choices.mailboxes().isEmpty()) {
      info("Add a mailbox first (Settings → Mailboxes).");
    }
    checks.add(() -> valid(mailbox, mailbox.getValue() != null, "Choose a mailbox."));
    checks.add(() -> !"write".equals(content.getValue()) || variants.validate());
    writer =
        out -> {
          if (mailbox.getValue().equals(ROTATE)) {
            out.put("mailboxId", ROTATE);
          } else {
            out.put("mailboxId", Long.parseLong(mailbox.getValue()));
          }
          if ("write".equals(content.getValue())) {
            List<JsonObject> vs = variants.values();
            out.put("subject", vs.get(0).getString("subject"));
            out.put("body", vs.get(0).getString("body"));
            if (ab.getValue() && vs.size() > 1) {
              JsonArray arr = Json.createArray();
              vs.forEach(v -> arr.set(arr.length(), v));
              out.put("variants", arr);
            }
          } else {
            out.put("subject", "");
            out.put("body", "");
          }
        };
  }

  private void waitStep(JsonObject c) {
    RadioButtonGroup<String> mode = new RadioButtonGroup<>("Wait");
    mode.setId("node-wait-mode");
    mode.setItems("time", "reply", "open");
    mode.setItemLabelGenerator(
        v ->
            switch (v) {
              case "reply" -> "Until they reply";
              case "open" -> "Until they open";
              default -> "For a set time";
            });
    String until = WorkflowGraphJson.text(c, "until");
    mode.setValue(until.equals("reply") || until.equals("open") ? until : "time");
    String iso = WorkflowGraphJson.text(c, until.isEmpty() ? "duration" : "timeout");
    if (iso.isEmpty()) {
      iso = WorkflowGraphJson.text(c, "duration");
    }
    Amount amount = Objects.requireNonNullElse(Durations.parse(iso), new Amount(2, Unit.DAYS));
    IntegerField number = new IntegerField();
    number.setId("node-wait-amount");
    number.setMin(1);
    number.setStepButtonsVisible(true);
    number.setValue(amount.amount());
    number.setWidth("8em");
    Select<Unit> unit = new Select<>();
    unit.setId("node-wait-unit");
    unit.setItems(Unit.values());
    unit.setItemLabelGenerator(u -> u.label);
    unit.setValue(amount.unit());
    unit.setWidth("9em");
    Div row = new Div(number, unit);
    row.addClassName("omni-node-panel-row");
    Runnable sync = () -> number.setLabel("time".equals(mode.getValue()) ? "For" : "Give up after");
    mode.addValueChangeListener(e -> sync.run());
    sync.run();
    body.add(mode, row);
    checks.add(
        () ->
            valid(
                number,
                number.getValue() != null && number.getValue() >= 1,
                "A whole number, at least 1."));
    writer =
        out -> {
          String value = new Amount(number.getValue(), unit.getValue()).iso();
          if ("time".equals(mode.getValue())) {
            out.put("duration", value);
          } else {
            out.put("until", mode.getValue());
            out.put("timeout", value);
          }
        };
  }

  private void decision(JsonObject c) {
    JsonObject cond = WorkflowGraphJson.object(c, "condition");
    Select<String> kind = new Select<>();
    kind.setId("node-condition");
    kind.setLabel("Go down “Yes” when");
    kind.setItems(CONDITIONS);
    kind.setItemLabelGenerator(WorkflowNodePanel::conditionLabel);
    kind.setWidthFull();
    String k = WorkflowGraphJson.text(cond, "kind");
    kind.setValue(CONDITIONS.contains(k) ? k : "replied");
    Select<String> field = new Select<>();
    field.setId("node-condition-field");
    field.setLabel("Field");
    List<String> fields =
        Arrays.stream(LeadField.values())
            .map(LeadField::json)
            .filter(f -> !f.equals("score") && !f.equals("ownerId"))
            .toList();
    field.setItems(fields);
    String f = WorkflowGraphJson.text(cond, "field");
    field.setValue(fields.contains(f) ? f : "industry");
    Select<String> op = new Select<>();
    op.setId("node-condition-op");
    op.setLabel("is");
    op.setItems(OPS);
    op.setItemLabelGenerator(WorkflowNodePanel::opLabel);
    String o = WorkflowGraphJson.text(cond, "op");
    op.setValue(OPS.contains(o) ? o : "eq");
    op.setWidth("10em");
    TextField value = new TextField("Value");
    value.setId("node-condition-value");
    value.setValue(WorkflowGraphJson.text(cond, "value"));
    Div row = new Div(field, op, value);
    row.addClassName("omni-node-panel-row");
    Paragraph hint = new Paragraph();
    hint.addClassName("omni-muted");
    Runnable sync =
        () -> {
          String v = kind.getValue();
          boolean needsValue = v.equals("field") || v.equals("score");
          row.setVisible(needsValue);
          field.setVisible(v.equals("field"));
          hint.setText(
              needsValue
                  ? "Leads that match go down “Yes”, the others down “No”."
                  : "Counts events since the lead entered this workflow. Connect both outputs.");
        };
    kind.addValueChangeListener(e -> sync.run());
    sync.run();
    body.add(kind, row, hint);
    checks.add(
        () -> {
          String v = kind.getValue();
          if (v.equals("score")) {
            return valid(value, value.getValue().trim().matches("-?\\d+"), "A whole number.");
          }
          return !v.equals("field")
              || valid(value, !value.getValue().isBlank(), "Give a value to compare with.");
        });
    writer =
        out -> {
          JsonObject cc = Json.createObject();
          String v = kind.getValue();
          cc.put("kind", v);
          if (v.equals("field")) {
            cc.put("field", field.getValue());
          }
          if (v.equals("field") || v.equals("score")) {
            cc.put("op", op.getValue());
            if (v.equals("score")) {
              cc.put("value", Integer.parseInt(value.getValue().trim()));
            } else {
              cc.put("value", value.getValue().trim());
            }
          }
          out.put("condition", cc);
        };
  }

  private void updateLead(JsonObject c) {
    Select<String> stage = new Select<>();
    stage.setId("node-stage");
    stage.setLabel("Move to stage");
    List<String> stages = new ArrayList<>();
    stages.add("");
    Arrays.stream(Stage.values()).map(Stage::value).forEach(stages::add);
    stage.setItems(stages);
    stage.setItemLabelGenerator(s -> s.isEmpty() ? "Keep the stage" : capitalize(s));
    String s = WorkflowGraphJson.text(c, "stage");
    stage.setValue(stages.contains(s) ? s : "");
    stage.setWidthFull();
    TextField tag = new TextField("Add tag");
    tag.setId("node-tag");
    tag.setValue(WorkflowGraphJson.text(c, "addTag"));
    tag.setWidthFull();
    body.add(stage, tag);
    checks.add(
        () ->
            valid(
                tag,
                !stage.getValue().isEmpty() || !tag.getValue().isBlank(),
                "Change the stage, add a tag, or both."));
    writer =
        out -> {
          if (!stage.getValue().isEmpty()) {
            out.put("stage", stage.getValue());
          }
          if (!tag.getValue().isBlank()) {
            out.put("addTag", tag.getValue().trim().toLowerCase(Locale.ROOT));
          }
        };
  }

  private void task(JsonObject c) {
    TextField title = new TextField("Task");
    title.setId("node-task-title");
    title.setValue(WorkflowGraphJson.text(c, "title"));
    title.setWidthFull();
    Select<String> assignee = new Select<>();
    assignee.setId("node-assignee");
    assignee.setLabel("Assign to");
    List<String> ids = new ArrayList<>();
    ids.add(OWNER);
    choices.members().forEach(m -> ids.add(m.email()));
    assignee.setItems(ids);
    assignee.setItemLabelGenerator(
        id ->
            id.equals(OWNER)
                ? "The lead's owner"
                : choices.members().stream()
                    .filter(m -> m.email().equals(id))
                    .map(Member::displayName)
                    .findFirst()
                    .orElse(id));
    String a = WorkflowGraphJson.text(c, "assignee");
    assignee.setValue(ids.contains(a) ? a : OWNER);
    assignee.setWidthFull();
    body.add(title, assignee);
    checks.add(() -> valid(title, !title.getValue().isBlank(), "Say what to do."));
    writer =
        out -> {
          out.put("title", title.getValue().trim());
          out.put("assignee", assignee.getValue());
        };
  }

  static String conditionLabel(String kind) {
    return switch (kind) {
      case "replied" -> "The lead replied";
      case "opened" -> "The lead opened the email";
      case "clicked" -> "The lead clicked a link";
      case "field" -> "A lead field matches";
      case "score" -> "The lead score compares";
      default -> kind;
    };
  }

  static String opLabel(String op) {
    return switch (op) {
      case "eq" -> "equal to";
      case "neq" -> "not equal to";
      case "empty" -> "empty";
      case "not_empty" -> "not empty";
      case "gt" -> "greater than";
      case "gte" -> "at least";
      case "lt" -> "less than";
      case "lte" -> "at most";
      default -> op;
    };
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Long number(JsonObject c, String key) {
    String t = WorkflowGraphJson.text(c, key);
    return t.matches("\\d+") ? Long.valueOf(t) : null;
  }

  static boolean valid(Component field, boolean ok, String message) {
    if (field instanceof HasValidation v) {
      v.setErrorMessage(ok ? null : message);
      v.setInvalid(!ok);
    }
    return ok;
  }

  /** Subject and body (variant A), and more variants with weights when A/B testing. */
  private static final class VariantList extends Div {

    private final List<VariantEditor> editors = new ArrayList<>();
    private final Button more = new Button("Add variant", VaadinIcon.PLUS.create());
    private boolean ab;

    VariantList() {
      addClassName("omni-variants");
      more.setId("variant-add");
      more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      more.addClickListener(
          e -> {
            JsonObject v = Json.createObject();
            v.put("name", String.valueOf((char) ('A' + editors.size())));
            add(v);
          });
      add(more);
    }

    void add(JsonObject v) {
      VariantEditor editor = new VariantEditor(editors.size(), v, this::remove);
      editors.add(editor);
      addComponentAtIndex(editors.size() - 1, editor);
      refresh();
    }

    private void remove(VariantEditor editor) {
      editors.remove(editor);
      remove((Component) editor);
      refresh();
    }

    void setAb(boolean ab) {
      this.ab = ab;
      if (ab && editors.size() < 2) {
        JsonObject v = Json.createObject();
        v.put("name", "B");
        add(v);
      }
      refresh();
    }

    private void refresh() {
      for (int i = 0; i < editors.size(); i++) {
        editors.get(i).setVisible(ab || i == 0);
        editors.get(i).showVariantFields(ab, editors.size() > 2);
      }
      more.setVisible(ab && editors.size() < 5);
    }

    boolean validate() {
      boolean ok = true;
      for (int i = 0; i < (ab ? editors.size() : 1); i++) {
        ok &= editors.get(i).validate();
      }
      return ok;
    }

    List<JsonObject> values() {
      return editors.subList(0, ab ? editors.size() : 1).stream()
          .map(VariantEditor::value)
          .toList();
    }
  }

  private static final class VariantEditor extends Div {

    private final TextField name = new TextField("Variant");
    private final IntegerField weight = new IntegerField("Weight");
    private final TextField subject = new TextField("Subject");
    private final TextArea text = new TextArea("Body");
    private final Button remove = new Button(VaadinIcon.TRASH.create());
    private final Div variantRow;

    VariantEditor(int index, JsonObject v, Consumer<VariantEditor> onRemove) {
      addClassName("omni-variant");
      String prefix = "variant-" + index + "-";
      name.setId(prefix + "name");
      weight.setId(prefix + "weight");
      subject.setId(index == 0 ? "node-subject" : prefix + "subject");
      text.setId(index == 0 ? "node-body" : prefix + "body");
      name.setValue(WorkflowGraphJson.text(v, "name"));
      name.setWidth("7em");
      String w = WorkflowGraphJson.text(v, "weight");
      weight.setValue(w.matches("\\d+") ? Integer.parseInt(w) : 50);
      weight.setMin(1);
      weight.setWidth("7em");
      weight.setHelperText("share of sends");
      subject.setValue(WorkflowGraphJson.text(v, "subject"));
      subject.setWidthFull();
      subject.setHelperText("Merge fields such as {{lead.firstName}} work.");
      text.setValue(WorkflowGraphJson.text(v, "body"));
      text.setWidthFull();
      text.setMinHeight("140px");
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
      remove.setAriaLabel("Remove variant");
      remove.addClickListener(e -> onRemove.accept(this));
      variantRow = new Div(name, weight, remove);
      variantRow.addClassName("omni-node-panel-row");
      add(variantRow, subject, text);
    }

    void showVariantFields(boolean ab, boolean removable) {
      variantRow.setVisible(ab);
      remove.setVisible(removable);
      setClassName("omni-variant-card", ab);
    }

    boolean validate() {
      boolean ok = valid(subject, !subject.getValue().isBlank(), "Write a subject.");
      ok &= valid(text, !text.getValue().isBlank(), "Write the email.");
      ok &= valid(name, !name.getValue().isBlank(), "Name the variant.");
      return ok & valid(weight, weight.getValue() != null && weight.getValue() > 0, "At least 1.");
    }

    JsonObject value() {
      JsonObject v = Json.createObject();
      v.put("name", name.getValue().trim());
      v.put("subject", subject.getValue().trim());
      v.put("body", text.getValue().trim());
      v.put("weight", weight.getValue() == null ? 1 : weight.getValue());
      return v;
    }
  }
}
