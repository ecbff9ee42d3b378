package io.omnireach.ui.persona;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;

/** An editable list of texts (value propositions, writing samples): add, edit, remove. */
final class TextListEditor extends Div {

  private final String noun;
  private final String placeholder;
  private final int maxItems;
  private final int maxLength;
  private final Div items = new Div();
  private final Span counter = new Span();
  private final Span error = new Span();
  private final Button add;
  private final Div actions = new Div();
  private final List<Component> extras = new ArrayList<>();
  private final List<TextArea> areas = new ArrayList<>();
  private boolean readOnly;

  TextListEditor(
      String id,
      String title,
      String hint,
      String noun,
      String placeholder,
      int maxItems,
      int maxLength) {
    this.noun = noun;
    this.placeholder = placeholder;
    this.maxItems = maxItems;
    this.maxLength = maxLength;
    setId(id);
    addClassName("omni-persona-list");
    counter.addClassName("omni-persona-counter");
    Div head = new Div(new H4(title), counter);
    head.addClassName("omni-persona-section-head");
    Span help = new Span(hint);
    help.addClassName("omni-persona-hint");
    items.addClassName("omni-persona-list-items");
    add = new Button("Add " + noun, VaadinIcon.PLUS.create(), e -> addItem("").focus());
    add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    add.setId(id + "-add");
    add.addClassName("omni-persona-add");
    actions.add(add);
    error.addClassName("omni-persona-field-error");
    error.setVisible(false);
    actions.addClassName("omni-persona-list-actions");
    add(head, help, items, error, actions);
    refresh();
  }

  /** Another way to add an entry, shown next to "Add …" (hidden while read only). */
  void addAction(Component action) {
    extras.add(action);
    actions.add(action);
    refresh();
  }

  /** Adds an entry with that text; false when the list is full. */
  boolean append(String value) {
    if (areas.size() >= maxItems) {
      return false;
    }
    addItem(value);
    return true;
  }

  List<String> getValues() {
    return areas.stream().map(TextArea::getValue).filter(v -> !v.isBlank()).toList();
  }

  void setValues(List<String> values) {
    areas.clear();
    items.removeAll();
    values.forEach(this::addItem);
    refresh();
  }

  void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
    areas.forEach(a -> a.setReadOnly(readOnly));
    items
        .getChildren()
        .forEach(
            row ->
                row.getChildren()
                    .filter(Button.class::isInstance)
                    .forEach(b -> b.setVisible(!readOnly)));
    refresh();
  }

  void setError(String message) {
    error.setText(message == null ? "" : message);
    error.setVisible(message != null);
    getElement().setAttribute("invalid", message != null);
  }

  private TextArea addItem(String value) {
    TextArea area = new TextArea();
    area.setValue(value);
    area.setPlaceholder(placeholder);
    area.setMaxLength(maxLength);
    area.setWidthFull();
    area.setReadOnly(readOnly);
    area.addClassName("omni-persona-list-text");
    area.setAriaLabel(noun);
    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    remove.setAriaLabel("Remove " + noun);
    remove.setTooltipText("Remove");
    remove.setVisible(!readOnly);
    Div row = new Div(area, remove);
    row.addClassName("omni-persona-list-item");
    remove.addClickListener(
        e -> {
          areas.remove(area);
          items.remove(row);
          refresh();
        });
    areas.add(area);
    items.add(row);
    refresh();
    return area;
  }

  private void refresh() {
    counter.setText(areas.size() + " / " + maxItems);
    add.setVisible(!readOnly);
    add.setEnabled(areas.size() < maxItems);
    extras.forEach(
        c -> {
          c.setVisible(!readOnly);
          if (c instanceof HasEnabled e) {
            e.setEnabled(areas.size() < maxItems);
          }
        });
    items.setVisible(!areas.isEmpty());
    if (areas.isEmpty() && readOnly) {
      counter.setText("none");
    }
  }
}
