package io.omnireach.ui.persona;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * One tone scale as a native {@code <input type="range">} (Vaadin 24.9 has no free slider) with the
 * words at both ends, the current value and room for an error.
 */
final class ToneSlider extends Div {

  private final ToneScale scale;
  private final Input range = new Input(ValueChangeMode.EAGER);
  private final Span reading = new Span();
  private final Span error = new Span();

  ToneSlider(ToneScale scale) {
    this.scale = scale;
    addClassName("omni-persona-slider");
    range.setType("range");
    range.getElement().setAttribute("min", "0").setAttribute("max", "100");
    range.getElement().setAttribute("step", "1");
    range.setId("persona-tone-" + scale.key);
    range.setAriaLabel(scale.label + ", 0 " + scale.low + " to 100 " + scale.high);
    range.addClassName("omni-persona-range");
    range.addValueChangeListener(
        e -> {
          show(getValue());
          setError(null);
        });

    Span title = new Span(scale.label);
    title.addClassName("omni-persona-slider-title");
    reading.addClassName("omni-persona-slider-value");
    Div head = new Div(title, reading);
    head.addClassName("omni-persona-slider-head");
    Span low = new Span(scale.low);
    Span high = new Span(scale.high);
    Div ends = new Div(low, high);
    ends.addClassName("omni-persona-slider-ends");
    error.addClassName("omni-persona-field-error");
    error.setVisible(false);
    add(head, range, ends, error);
    setValue(50);
  }

  /**
   * {@code listener} runs once the slider has rested for {@code millis} (a drag sends many input
   * events; a preview should be written once, with the value it stopped at).
   */
  void addSettledListener(int millis, Runnable listener) {
    range.getElement().addEventListener("input", e -> listener.run()).debounce(millis);
  }

  int getValue() {
    try {
      return Integer.parseInt(range.getValue());
    } catch (NumberFormatException e) {
      return 50;
    }
  }

  void setValue(int value) {
    range.setValue(Integer.toString(value));
    show(value);
  }

  void setReadOnly(boolean readOnly) {
    range.setEnabled(!readOnly);
  }

  void setError(String message) {
    error.setText(message == null ? "" : message);
    error.setVisible(message != null);
    getElement().setAttribute("invalid", message != null);
  }

  private void show(int value) {
    reading.setText(value + " · " + scale.describe(value));
    range.getStyle().set("--omni-value", value + "%");
  }
}
