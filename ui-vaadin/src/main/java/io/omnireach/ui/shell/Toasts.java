package io.omnireach.ui.shell;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short confirmations and readable errors in the bottom corner. */
public final class Toasts {

  private Toasts() {}

  public static void success(String message) {
    show(message, NotificationVariant.LUMO_SUCCESS);
  }

  public static void error(String message) {
    show(message, NotificationVariant.LUMO_ERROR);
  }

  private static void show(String message, NotificationVariant variant) {
    Notification n = Notification.show(message, 5000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(variant);
  }
}
