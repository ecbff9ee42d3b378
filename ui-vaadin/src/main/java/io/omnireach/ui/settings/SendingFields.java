package io.omnireach.ui.settings;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.omnireach.channel.Mailbox;
import io.omnireach.channel.SendWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

/**
 * The "when and how fast" fields of a mailbox: an optional send window (days, from, to), the
 * minimum spacing between sends and the zone for leads without one. Used by the add dialog and the
 * "Sending rules" dialog of Settings → Mailboxes.
 */
final class SendingFields {

  final Checkbox limited = new Checkbox("Only send inside a window (in each lead's time zone)");
  final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>("Days");
  final TimePicker start = new TimePicker("From");
  final TimePicker end = new TimePicker("Until");
  final IntegerField spacing = new IntegerField("Seconds between sends");
  final ComboBox<String> zone = new ComboBox<>("Time zone for leads without one");

  SendingFields() {
    limited.setId("mailbox-window-on");
    days.setId("mailbox-window-days");
    days.setItems(DayOfWeek.values());
    days.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
    days.setValue(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    start.setId("mailbox-window-start");
    start.setStep(Duration.ofMinutes(30));
    start.setValue(LocalTime.of(9, 0));
    end.setId("mailbox-window-end");
    end.setStep(Duration.ofMinutes(30));
    end.setValue(LocalTime.of(17, 0));
    end.setHelperText("00:00 means midnight");
    spacing.setId("mailbox-spacing");
    spacing.setMin(0);
    spacing.setMax(86_400);
    spacing.setValue(0);
    spacing.setHelperText("0 sends as fast as the server takes them");
    zone.setId("mailbox-timezone");
    zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
    zone.setPlaceholder("UTC");
    zone.setClearButtonVisible(true);
    limited.addValueChangeListener(e -> enableWindow(e.getValue()));
    enableWindow(false);
  }

  private void enableWindow(boolean on) {
    days.setEnabled(on);
    start.setEnabled(on);
    end.setEnabled(on);
  }

  void show(Mailbox m) {
    SendWindow w = m.sendWindow();
    limited.setValue(w != null);
    if (w != null) {
      days.setValue(w.days());
      start.setValue(w.start());
      end.setValue(w.end());
    }
    spacing.setValue(m.minSpacingSeconds());
    zone.setValue(m.timezone());
  }

  /** The window, or null when not limited; a DomainException (field sendWindow) when invalid. */
  SendWindow window() {
    if (!limited.getValue()) {
      return null;
    }
    return new SendWindow(
        days.getValue().isEmpty()
            ? EnumSet.noneOf(DayOfWeek.class)
            : EnumSet.copyOf(days.getValue()),
        start.getValue(),
        end.getValue());
  }

  void addTo(FormLayout form, Map<String, com.vaadin.flow.component.HasValidation> fields) {
    form.add(limited, days, start, end, spacing, zone);
    form.setColspan(limited, 2);
    form.setColspan(days, 2);
    fields.put("sendWindow", start);
    fields.put("minSpacingSeconds", spacing);
    fields.put("timezone", zone);
  }
}
