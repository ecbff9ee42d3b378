package io.omnireach.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Asks the operator to type a tenant's slug before a change that hurts (suspend, delete): the
 * confirm button stays disabled until the typed text matches exactly.
 */
class TypeToConfirmDialog extends Dialog {

  TypeToConfirmDialog(
      String title, String explanation, String slug, String action, boolean danger, Runnable onOk) {
    setHeaderTitle(title);
    addClassName("omni-confirm-dialog");
    Paragraph text = new Paragraph(explanation);
    text.addClassName("omni-confirm-text");
    Span code = new Span(slug);
    code.addClassName("omni-code");
    Div prompt = new Div(new Span("Type "), code, new Span(" to confirm."));
    prompt.addClassName("omni-confirm-prompt");
    TextField typed = new TextField();
    typed.setId("confirm-slug");
    typed.setWidthFull();
    typed.setPlaceholder(slug);
    typed.setValueChangeMode(ValueChangeMode.EAGER);
    Button ok =
        new Button(
            action,
            e -> {
              close();
              onOk.run();
            });
    ok.setId("confirm-action");
    ok.setEnabled(false);
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    if (danger) {
      ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
    }
    typed.addValueChangeListener(e -> ok.setEnabled(slug.equals(e.getValue().trim())));
    Div body = new Div(text, prompt, typed);
    body.addClassName("omni-dialog-body");
    add(body);
    getFooter().add(new Button("Cancel", e -> close()), ok);
  }
}
