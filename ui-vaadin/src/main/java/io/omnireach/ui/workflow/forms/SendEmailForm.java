package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
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
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Send email: the mailbox, and either the AI draft of the previous step or a written email
 * (optionally A/B variants with weights).
 */
public final class SendEmailForm implements NodeFormProvider {

  @Override
  public String type() {
    return "send_email";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    boolean aiBefore = ctx.hasUpstream("ai_generate");
    Select<String> mailbox = new Select<>();
    mailbox.setId("node-mailbox");
    mailbox.setLabel("Send from");
    List<String> boxes = new ArrayList<>();
    if (ctx.mailboxes().size() > 1) {
      boxes.add(SendEmailForm.ROTATE);
    }
    ctx.mailboxes().forEach(m -> boxes.add(Long.toString(m.id())));
    mailbox.setItems(boxes);
    mailbox.setItemLabelGenerator(
        id ->
            id.equals(SendEmailForm.ROTATE)
                ? "Rotate across all mailboxes"
                : ctx.mailboxes().stream()
                    .filter(m -> Long.toString(m.id()).equals(id))
                    .map(m -> (String) (m.name() + " · " + m.fromAddress()))
                    .findFirst()
                    .orElse(id));
    mailbox.setWidthFull();
    String mailboxId = NodeForm.text(c, "mailboxId");
    if (boxes.contains(mailboxId)) {
      mailbox.setValue(mailboxId);
    }
    RadioButtonGroup<String> content = new RadioButtonGroup<>("Content");
    content.setId("node-content");
    content.setItems("ai", "write");
    content.setItemLabelGenerator(
        v -> v.equals("ai") ? "The AI draft of the previous step" : "Write it here");
    JsonArray existing = NodeForm.array(c, "variants");
    boolean written =
        !NodeForm.text(c, "subject").isBlank()
            || !NodeForm.text(c, "body").isBlank()
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
      a.put("subject", NodeForm.text(c, "subject"));
      a.put("body", NodeForm.text(c, "body"));
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
    form.add(mailbox, content, aiHint, ab, variants);
    if (ctx.mailboxes().isEmpty()) {
      form.note("Add a mailbox first (Settings → Mailboxes).");
    }
    form.check(() -> NodeForm.valid(mailbox, mailbox.getValue() != null, "Choose a mailbox."));
    form.check(() -> !"write".equals(content.getValue()) || variants.validate());
    form.writes(
        out -> {
          if (mailbox.getValue().equals(SendEmailForm.ROTATE)) {
            out.put("mailboxId", SendEmailForm.ROTATE);
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
        },
        "mailboxId",
        "subject",
        "body",
        "variants");
    return form;
  }

  /** The mailbox choice that rotates across all mailboxes. */
  static final String ROTATE = "rotate";

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
      name.setValue(NodeForm.text(v, "name"));
      name.setWidth("7em");
      String w = NodeForm.text(v, "weight");
      weight.setValue(w.matches("\\d+") ? Integer.parseInt(w) : 50);
      weight.setMin(1);
      weight.setWidth("7em");
      weight.setHelperText("share of sends");
      subject.setValue(NodeForm.text(v, "subject"));
      subject.setWidthFull();
      subject.setHelperText("Merge fields such as {{lead.firstName}} work.");
      text.setValue(NodeForm.text(v, "body"));
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
      boolean ok = NodeForm.valid(subject, !subject.getValue().isBlank(), "Write a subject.");
      ok &= NodeForm.valid(text, !text.getValue().isBlank(), "Write the email.");
      ok &= NodeForm.valid(name, !name.getValue().isBlank(), "Name the variant.");
      return ok
          & NodeForm.valid(
              weight, weight.getValue() != null && weight.getValue() > 0, "At least 1.");
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
