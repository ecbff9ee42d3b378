package io.omnireach.ui.settings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.omnireach.common.DomainException;

/** The pieces the channel panels of Settings (Calendly, SMS) share: facts, errors, toasts. */
final class ChannelPanelParts {

  private ChannelPanelParts() {}

  /** A labelled value in a panel's two-column details. */
  static Div fact(String label, Component value) {
    Span l = new Span(label);
    l.addClassName("omni-muted");
    Div row = new Div(l, value);
    row.addClassName("omni-channel-fact");
    return row;
  }

  static void invalid(HasValidation field, DomainException ex) {
    field.setInvalid(true);
    field.setErrorMessage(ex.getMessage());
  }

  static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
