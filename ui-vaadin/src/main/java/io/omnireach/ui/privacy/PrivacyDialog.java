package io.omnireach.ui.privacy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import io.omnireach.common.DomainException;
import io.omnireach.privacy.PrivacyRequest;
import io.omnireach.privacy.PrivacyRequests;
import io.omnireach.tenant.TenantRef;
import java.util.Locale;

/**
 * A lead's data-subject requests (Admins): "Export data" runs the export job with a progress bar,
 * then offers the zip; "Erase person" asks for the lead's email (or name, for a lead without one)
 * typed out, runs the erasure with a progress bar, then leaves the lead's page.
 */
public class PrivacyDialog extends Dialog {

  private final PrivacyRequests requests;
  private final TenantRef tenant;
  private final String actor;
  private final long leadId;
  private final Runnable afterErasure;
  // UI polling is ignored while a modal dialog makes the page inert: a timer inside the dialog
  // sends the ticks instead
  private static final String TICK_START =
      "clearInterval(this.__omniTick);"
          + " this.__omniTick = setInterval(() => this.dispatchEvent(new CustomEvent('omni-tick')),"
          + " 500);";
  private static final String TICK_STOP = "clearInterval(this.__omniTick);";
  private final Span ticker = new Span();
  private Registration poll;

  public PrivacyDialog(
      PrivacyRequests requests,
      TenantRef tenant,
      String actor,
      long leadId,
      String leadName,
      String confirmation,
      Runnable afterErasure) {
    this.requests = requests;
    this.tenant = tenant;
    this.actor = actor;
    this.leadId = leadId;
    this.afterErasure = afterErasure;
    setId("privacy-dialog");
    setHeaderTitle("Privacy · " + leadName);
    setWidth("560px");
    add(exportSection(), eraseSection(confirmation), ticker);
    Button close = new Button("Close", e -> close());
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    getFooter().add(close);
    addDetachListener(e -> stopPolling());
  }

  private Div exportSection() {
    Paragraph text =
        new Paragraph(
            "Everything this workspace holds about the person — fields, messages, replies,"
                + " events, tasks, meetings, deals, the texts of their search index — as a zip of"
                + " JSON files with a README.");
    text.addClassName("omni-muted");
    ProgressBar bar = new ProgressBar();
    bar.setVisible(false);
    Span status = new Span();
    status.setId("privacy-export-status");
    status.addClassName("omni-muted");
    Div done = new Div();
    Button start = new Button("Export data", VaadinIcon.DOWNLOAD.create());
    start.setId("privacy-export");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.addClickListener(
        e -> {
          start.setEnabled(false);
          bar.setVisible(true);
          try {
            PrivacyRequest r = requests.request(tenant, PrivacyRequest.Kind.EXPORT, leadId, actor);
            follow(
                r.id(),
                PrivacyRequest.Kind.EXPORT,
                bar,
                status,
                finished -> {
                  if (finished.status() == PrivacyRequest.Status.COMPLETED) {
                    Anchor link = new Anchor(archive(finished), "Download the archive (.zip)");
                    link.setId("privacy-export-download");
                    link.getElement().setAttribute("download", true);
                    done.add(link);
                  } else {
                    start.setEnabled(true);
                  }
                });
          } catch (DomainException ex) {
            toast(ex.getMessage(), true);
            start.setEnabled(true);
          }
        });
    Div section = new Div(new H4("Export data"), text, start, bar, status, done);
    section.addClassName("omni-privacy-section");
    return section;
  }

  private Div eraseSection(String confirmation) {
    Paragraph text =
        new Paragraph(
            "Deletes the person everywhere: lead, messages and the outbox, replies, events,"
                + " tasks, runs, meetings, deals, graph, search index and cached AI texts."
                + " Their email and phone are kept only as a one-way hash, so nobody can contact"
                + " or import them again. This cannot be undone.");
    text.addClassName("omni-muted");
    TextField confirm = new TextField("Type " + confirmation + " to confirm");
    confirm.setId("privacy-erase-confirm");
    confirm.setWidthFull();
    confirm.setValueChangeMode(ValueChangeMode.EAGER);
    Button erase = new Button("Erase person", VaadinIcon.TRASH.create());
    erase.setId("privacy-erase");
    erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    erase.setEnabled(false);
    confirm.addValueChangeListener(
        e ->
            erase.setEnabled(
                e.getValue()
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .equals(confirmation.toLowerCase(Locale.ROOT))));
    ProgressBar bar = new ProgressBar();
    bar.setVisible(false);
    Span status = new Span();
    status.setId("privacy-erase-status");
    status.addClassName("omni-muted");
    erase.addClickListener(
        e -> {
          erase.setEnabled(false);
          confirm.setReadOnly(true);
          bar.setVisible(true);
          try {
            PrivacyRequest r = requests.request(tenant, PrivacyRequest.Kind.ERASE, leadId, actor);
            follow(
                r.id(),
                PrivacyRequest.Kind.ERASE,
                bar,
                status,
                finished -> {
                  if (finished.status() == PrivacyRequest.Status.COMPLETED) {
                    toast("The person was erased; their address stays suppressed.", false);
                    close();
                    afterErasure.run();
                  }
                });
          } catch (DomainException ex) {
            toast(ex.getMessage(), true);
          }
        });
    Div section = new Div(new H4("Erase person"), text, confirm, erase, bar, status);
    section.addClassNames("omni-privacy-section", "omni-privacy-danger");
    return section;
  }

  /** Polls the request until it ends, showing its progress, then hands it to {@code done}. */
  private void follow(
      long id,
      PrivacyRequest.Kind kind,
      ProgressBar bar,
      Span status,
      java.util.function.Consumer<PrivacyRequest> done) {
    Runnable refresh =
        () -> {
          PrivacyRequest r = requests.get(tenant, kind, id);
          bar.setValue(r.progress());
          status.setText(
              switch (r.status()) {
                case QUEUED -> "Queued…";
                case RUNNING ->
                    "Step " + (r.stepsDone() + 1) + " of " + r.stepsTotal() + " · " + percent(r);
                case COMPLETED ->
                    kind == PrivacyRequest.Kind.EXPORT
                        ? "Export ready · "
                            + r.counts().entrySet().stream()
                                .filter(c -> !c.getKey().equals("archive"))
                                .mapToInt(c -> c.getValue())
                                .sum()
                            + " records"
                        : "Erased";
                case FAILED -> "Failed: " + r.error();
              });
          if (r.status().finished()) {
            stopPolling();
            done.accept(r);
          }
        };
    stopPolling();
    poll = ticker.getElement().addEventListener("omni-tick", e -> refresh.run());
    ticker.getElement().executeJs(TICK_START);
    refresh.run();
  }

  private void stopPolling() {
    if (poll != null) {
      poll.remove();
      poll = null;
      ticker.getElement().executeJs(TICK_STOP);
    }
  }

  private DownloadHandler archive(PrivacyRequest r) {
    return event -> {
      event.setFileName("lead-" + r.leadId() + "-export-" + r.id() + ".zip");
      event.setContentType("application/zip");
      event.getOutputStream().write(requests.archive(tenant, r.id()));
    };
  }

  private static String percent(PrivacyRequest r) {
    return Math.round(r.progress() * 100) + " %";
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
