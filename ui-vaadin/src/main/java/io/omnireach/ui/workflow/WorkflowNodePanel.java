package io.omnireach.ui.workflow;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import elemental.json.Json;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import io.omnireach.ui.workflow.WorkflowGraphJson.Node;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.NodeTypes;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The settings of the selected node: a header from its type's palette entry (icon, colour, label),
 * the step name, and the form its {@link NodeFormProvider} builds, validated before the new config
 * goes to the canvas. Config keys the form does not own ({@code maxAttempts}, …) pass through.
 */
class WorkflowNodePanel extends Div {

  private final NodeChoices choices;
  private final boolean canWrite;
  private final BiConsumer<String, JsonObject> onApply;
  private final Div head = new Div();
  private final Div body = new Div();
  private final Button apply = new Button("Apply", VaadinIcon.CHECK.create());
  private final TextField label = new TextField("Step name");
  private Node node;
  private NodeForm form;

  WorkflowNodePanel(
      NodeChoices choices,
      boolean canWrite,
      BiConsumer<String, JsonObject> onApply,
      Runnable onClose) {
    this.choices = choices;
    this.canWrite = canWrite;
    this.onApply = onApply;
    setId("node-panel");
    addClassName("omni-node-panel");
    head.addClassName("omni-node-panel-head");
    body.addClassName("omni-node-panel-body");
    label.setId("node-label");
    label.setHelperText("Optional; shown on the canvas");
    label.setWidthFull();
    apply.setId("node-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.addClickListener(e -> apply());
    Button close = new Button("Close", e -> onClose.run());
    close.setId("node-close");
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Div footer = new Div(close, apply);
    footer.addClassName("omni-node-panel-footer");
    add(head, body, footer);
  }

  /** Shows the form of a node; {@code upstream} tells whether a type comes before it. */
  void show(Node node, Predicate<String> upstream) {
    if (showing(node)) {
      // a second click on the step already open keeps what was typed and not yet applied
      return;
    }
    this.node = node;
    head.removeAll();
    body.removeAll();
    NodePalette palette = NodeTypes.find(node.type()).map(NodeTypeFactory::palette).orElse(null);
    String title = palette == null ? node.type() : palette.label();
    Div tile = new Div();
    if (palette != null) {
      tile.add(new Html(svg(palette.icon())));
      tile.getStyle().set("--omni-node-color", palette.color());
    }
    tile.addClassName("omni-node-panel-icon");
    Span id = new Span(node.id());
    id.addClassName("omni-muted");
    id.setId("node-panel-id");
    head.add(tile, new Div(new H3(title), id));

    JsonObject c = node.config();
    form =
        NodeForms.of(node.type())
            .map(p -> p.create(c, new NodeFormContext(choices, upstream)))
            .orElseGet(() -> NodeForm.info("This step has no settings."));
    if (form.editable()) {
      label.setPlaceholder(title);
      label.setValue(WorkflowGraphJson.text(c, "label"));
      label.setInvalid(false);
      body.add(label);
    }
    form.fields().forEach(body::add);
    apply.setVisible(canWrite && form.editable());
    body.getChildren().forEach(ch -> ch.getElement().setProperty("readonly", !canWrite));
  }

  private boolean showing(Node other) {
    return node != null
        && node.id().equals(other.id())
        && node.type().equals(other.type())
        && node.config().toJson().equals(other.config().toJson());
  }

  String nodeId() {
    return node == null ? null : node.id();
  }

  /** Validates the form; when it holds, hands the new config to the canvas. */
  boolean apply() {
    if (node == null || form == null || !form.editable() || !form.validate()) {
      return false;
    }
    JsonObject fresh = Json.createObject();
    if (!label.getValue().isBlank()) {
      fresh.put("label", label.getValue().trim());
    }
    form.write(fresh);
    JsonObject config = Json.createObject();
    for (String key : node.config().keys()) {
      if (!key.equals("label") && !form.keys().contains(key)) {
        config.put(key, (JsonValue) node.config().get(key));
      }
    }
    for (String key : fresh.keys()) {
      config.put(key, (JsonValue) fresh.get(key));
    }
    onApply.accept(node.id(), config);
    return true;
  }

  /** The palette's icon markup as a 24×24 stroke icon (the canvas draws the same). */
  private static String svg(String inner) {
    return "<span class=\"omni-node-panel-svg\"><svg width=\"20\" height=\"20\" viewBox=\"0 0 24 24\" fill=\"none\""
        + " stroke=\"currentColor\" stroke-width=\"1.9\" stroke-linecap=\"round\""
        + " stroke-linejoin=\"round\" aria-hidden=\"true\">"
        + inner
        + "</svg></span>";
  }
}
