package io.omnireach.ui.brand;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.omnireach.brand.BrandRules;
import io.omnireach.ui.shell.Colours;
import java.util.Locale;

/**
 * A colour: the browser's colour picker beside a hex field, kept in sync, with a warning when white
 * text on the colour (buttons, the login panel) would be hard to read.
 */
public class ColourField extends CustomField<String> {

  private final Input picker = new Input(ValueChangeMode.EAGER);
  private final TextField hex = new TextField();
  private final Span warning = new Span();

  public ColourField(String label, String initial) {
    setLabel(label);
    addClassName("omni-colour-field");
    picker.setType("color");
    picker.addClassName("omni-colour-picker");
    hex.setId(idFor(label));
    hex.setWidth("9em");
    hex.setValueChangeMode(ValueChangeMode.LAZY);
    hex.setValueChangeTimeout(200);
    warning.addClassName("omni-contrast-warning");
    warning.setId(idFor(label) + "-warning");
    picker.addValueChangeListener(
        e -> {
          hex.setValue(e.getValue());
          updateValue();
        });
    hex.addValueChangeListener(
        e -> {
          if (Colours.isHex(e.getValue().trim())) {
            picker.setValue(e.getValue().trim().toLowerCase(Locale.ROOT));
          }
          updateValue();
        });
    Span row = new Span(picker, hex, warning);
    row.addClassName("omni-colour-row");
    add(row);
    setPresentationValue(initial);
    addValueChangeListener(e -> checkContrast());
    checkContrast();
  }

  private static String idFor(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", "");
  }

  @Override
  protected String generateModelValue() {
    return hex.getValue().trim().toLowerCase(Locale.ROOT);
  }

  @Override
  protected void setPresentationValue(String value) {
    String v = value == null ? "" : value;
    hex.setValue(v);
    if (Colours.isHex(v)) {
      picker.setValue(v);
    }
    checkContrast();
  }

  /** True for a #rrggbb colour; marks the field invalid otherwise. */
  public boolean isValid() {
    boolean ok = Colours.isHex(generateModelValue());
    setInvalid(!ok);
    setErrorMessage(ok ? null : "Use a hex colour like #4f46e5.");
    return ok;
  }

  private void checkContrast() {
    String v = generateModelValue();
    if (!Colours.isHex(v)) {
      warning.setText("");
      warning.setVisible(false);
      return;
    }
    double ratio = BrandRules.contrastWithWhite(v);
    boolean low = ratio < BrandRules.MIN_CONTRAST_WITH_WHITE;
    warning.setVisible(low);
    warning.setText(
        low
            ? String.format(
                Locale.ENGLISH,
                "Too light: white text on it reaches %.1f:1, it needs %.1f:1 (WCAG AA)."
                    + " Choose a darker shade.",
                ratio,
                BrandRules.MIN_CONTRAST_WITH_WHITE)
            : "");
  }
}
