package io.omnireach.ui.billing;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.auth.AuthenticatedUser;

/**
 * A full-width bar on top of the shell when the workspace has an unpaid invoice: amber while the
 * grace period runs, red once sending is paused, with a link to settle it.
 */
public class PaymentBanner extends Div {

  public PaymentBanner(PaymentNotices.Notice notice) {
    setId("payment-banner");
    addClassName("omni-payment-banner");
    if (notice.paused()) {
      addClassName("omni-payment-banner--paused");
    }
    getElement().setAttribute("role", "alert");
    var icon = (notice.paused() ? VaadinIcon.PAUSE : VaadinIcon.WARNING).create();
    icon.addClassName("omni-payment-banner-icon");
    Span title = new Span(notice.title());
    title.addClassName("omni-payment-banner-title");
    Span message = new Span(notice.message());
    message.setId("payment-banner-message");
    Div text = new Div(title, message);
    text.addClassName("omni-payment-banner-text");
    add(icon, text);
    if (notice.actionUrl() != null) {
      Anchor action = new Anchor(notice.actionUrl(), notice.actionLabel());
      action.setTarget("_blank");
      action.setId("payment-banner-action");
      action.addClassName("omni-payment-banner-action");
      add(action);
    }
  }

  /** Puts the banner on top of the shell when the user has something to act on. */
  public static void addTo(AppLayout shell, PaymentNotices notices, AuthenticatedUser user) {
    if (user.tenant() != null) {
      notices.forUser(user).ifPresent(n -> shell.addToNavbar(new PaymentBanner(n)));
    }
  }
}
