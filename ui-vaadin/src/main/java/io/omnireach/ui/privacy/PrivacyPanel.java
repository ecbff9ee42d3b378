package io.omnireach.ui.privacy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.privacy.PrivacyRetention;
import io.omnireach.privacy.Retention;
import io.omnireach.ui.security.UiSession;
import jakarta.inject.Inject;

/**
 * Settings → Privacy (Admins): how long message and reply bodies, cached AI texts and lead signals
 * are kept; empty keeps forever. The retention job applies it hourly and audits what it purged.
 */
public class PrivacyPanel extends Div {

  private final PrivacyRetention retention;
  private final AuthenticatedUser user;
  private final IntegerField messages = field("Message bodies", "months", 120);
  private final IntegerField replies = field("Reply bodies", "months", 120);
  private final IntegerField aiTexts = field("Cached AI texts", "days", 3650);
  private final IntegerField signals = field("Lead signals", "days", 3650);
  private final Span status = new Span();

  @Inject
  public PrivacyPanel(PrivacyRetention retention) {
    this.retention = retention;
    this.user = UiSession.require();
    setId("privacy-settings");
    addClassName("omni-panel");
    status.setId("privacy-retention-status");
    status.getElement().getThemeList().add("badge pill");
    Div head = new Div(new H3("Privacy"), status);
    head.addClassName("omni-panel-head");
    Paragraph intro =
        new Paragraph(
            "Retention: older message and reply texts are blanked (the messages stay for"
                + " analytics), cached AI texts and processed lead signals deleted. Leave a field"
                + " empty to keep forever. Export or erase a single person from their lead page"
                + " (Privacy).");
    intro.addClassName("omni-muted");
    messages.setId("retention-messages");
    replies.setId("retention-replies");
    aiTexts.setId("retention-ai");
    signals.setId("retention-signals");
    FormLayout form = new FormLayout(messages, replies, aiTexts, signals);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
    Button save = new Button("Save retention", e -> save());
    save.setId("retention-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(head, intro, form, save);
    show(retention.get(user.tenant().ref()));
  }

  private static IntegerField field(String label, String unit, int max) {
    IntegerField f = new IntegerField(label);
    f.setMin(1);
    f.setMax(max);
    f.setPlaceholder("Keep forever");
    f.setSuffixComponent(new Span(unit));
    f.setClearButtonVisible(true);
    f.setHelperText("1–" + max + " " + unit);
    return f;
  }

  private void show(Retention r) {
    messages.setValue(r.messageBodyMonths());
    replies.setValue(r.replyBodyMonths());
    aiTexts.setValue(r.aiCacheDays());
    signals.setValue(r.signalDays());
    boolean keepAll = r.equals(Retention.KEEP_ALL);
    status.setText(keepAll ? "Keeps everything" : "Retention on");
    status.getElement().getThemeList().set("success", !keepAll);
  }

  private void save() {
    for (IntegerField f : new IntegerField[] {messages, replies, aiTexts, signals}) {
      f.setInvalid(false);
    }
    try {
      Retention saved =
          retention.put(
              user.tenant().ref(),
              new Retention(
                  messages.getValue(), replies.getValue(), aiTexts.getValue(), signals.getValue()),
              user.email());
      show(saved);
      toast("Retention saved.", false);
    } catch (DomainException e) {
      IntegerField f =
          switch (e.field() == null ? "" : e.field()) {
            case "replyBodyMonths" -> replies;
            case "aiCacheDays" -> aiTexts;
            case "signalDays" -> signals;
            default -> messages;
          };
      f.setErrorMessage(e.getMessage());
      f.setInvalid(true);
    }
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
