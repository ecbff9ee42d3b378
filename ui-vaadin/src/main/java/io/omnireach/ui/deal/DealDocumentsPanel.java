package io.omnireach.ui.deal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.omnireach.channel.Mailbox;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.Outbox;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Deal;
import io.omnireach.deal.DealDocument;
import io.omnireach.deal.DealDocuments;
import io.omnireach.deal.DealTemplate;
import io.omnireach.deal.DealTemplates;
import io.omnireach.deal.OfferWriter;
import io.omnireach.deal.StoredDecision;
import io.omnireach.policy.OutboundText;
import io.omnireach.policy.Policies;
import io.omnireach.policy.PolicyEngine;
import io.omnireach.policy.Verdict;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.Toasts;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A deal's "Documents" section: generate an offer letter, order form or contract from a template
 * (optionally with the terms of the latest decision), every version with its status, a download, a
 * frozen badge on the accepted one, and (for writers) send with the offer email, accept or delete.
 */
final class DealDocumentsPanel extends Div {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
          .withZone(ZoneId.systemDefault());

  /** What the section needs; injected into the deal page as one bean. */
  @Dependent
  static class Services {
    @Inject DealDocuments documents;
    @Inject DealTemplates templates;
    @Inject Mailboxes mailboxes;
    @Inject Outbox outbox;
    @Inject Policies policies;
  }

  private final Services s;
  private final TenantRef tenant;
  private final Deal deal;
  private final String actor;
  private final boolean canWrite;
  private final Supplier<StoredDecision> latestDecision;
  private final Runnable changed;
  private final Div versions = new Div();

  DealDocumentsPanel(
      Services s,
      TenantRef tenant,
      Deal deal,
      String actor,
      boolean canWrite,
      Supplier<StoredDecision> latestDecision,
      Runnable changed) {
    this.s = s;
    this.tenant = tenant;
    this.deal = deal;
    this.actor = actor;
    this.canWrite = canWrite;
    this.latestDecision = latestDecision;
    this.changed = changed;
    addClassNames("omni-panel", "omni-deal-documents");
    setId("deal-documents");
    add(new H3("Documents"));
    if (canWrite) {
      add(generateBar());
    }
    versions.addClassName("omni-doc-versions");
    versions.setId("deal-document-versions");
    add(versions);
    refresh();
  }

  private Div generateBar() {
    Select<DealTemplate> template = new Select<>();
    template.setId("doc-template");
    template.setLabel("Template");
    List<DealTemplate> all = s.templates.list(tenant);
    template.setItems(all);
    template.setItemLabelGenerator(t -> t.name() + " · v" + t.version());
    if (!all.isEmpty()) {
      template.setValue(all.get(0));
    }
    Checkbox fromDecision = new Checkbox("Print the latest offer's terms");
    fromDecision.setId("doc-from-decision");
    StoredDecision latest = latestDecision.get();
    boolean offered =
        latest != null
            && latest.decision().terms() != null
            && switch (latest.decision().action()) {
              case ACCEPT, COUNTER -> true;
              default -> false;
            };
    fromDecision.setEnabled(offered);
    fromDecision.setValue(offered);
    Button generate = new Button("Generate PDF", VaadinIcon.FILE_ADD.create());
    generate.setId("doc-generate");
    generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    generate.addClickListener(
        e -> {
          if (template.getValue() == null) {
            Toasts.error("Choose a template first (Deals → Templates & clauses).");
            return;
          }
          try {
            DealDocument d =
                s.documents.generate(
                    tenant,
                    deal.id(),
                    new DealDocuments.Request(
                        template.getValue().id(),
                        fromDecision.getValue() && latest != null ? latest.id() : null,
                        null),
                    actor);
            Toasts.success(d.kind().label() + " version " + d.version() + " is ready.");
            refresh();
            changed.run();
          } catch (DomainException ex) {
            Toasts.error(ex.getMessage());
          }
        });
    Div bar = new Div(template, fromDecision, generate);
    bar.addClassName("omni-doc-generate");
    return bar;
  }

  void refresh() {
    versions.removeAll();
    List<DealDocument> docs = s.documents.list(tenant, deal.id());
    if (docs.isEmpty()) {
      versions.add(
          new EmptyState(
              VaadinIcon.FILE_TEXT_O,
              "No documents yet",
              "Generate an offer letter, order form or contract: each run is a new version."));
      return;
    }
    docs.forEach(d -> versions.add(row(d)));
  }

  private Div row(DealDocument d) {
    Span version = new Span("v" + d.version());
    version.addClassName("omni-doc-version");
    Span name = new Span(d.kind().label());
    name.addClassName("omni-doc-name");
    Span meta =
        new Span(
            d.templateName()
                + " v"
                + d.templateVersion()
                + " · "
                + DealsView.money(d.terms().total(), d.terms().currency())
                + " · "
                + WHEN.format(d.createdAt())
                + " · SHA-256 "
                + d.sha256().substring(0, 12)
                + "…");
    meta.addClassName("omni-muted");
    Div text = new Div(new Div(name, status(d)), meta);
    text.addClassName("omni-doc-text");
    Anchor download = new Anchor(pdf(d), "PDF");
    download.setTarget(AnchorTarget.BLANK);
    download.getElement().setAttribute("download", d.filename());
    download.setId("doc-download-" + d.version());
    download.addClassName("omni-doc-download");
    Div actions = new Div(download);
    actions.addClassName("omni-doc-actions");
    if (canWrite) {
      Button send = new Button("Send", VaadinIcon.PAPERPLANE.create(), e -> send(d));
      send.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
      send.setId("doc-send-" + d.version());
      actions.add(send);
      if (!d.frozen()) {
        Button accept = new Button("Accept", VaadinIcon.CHECK.create(), e -> accept(d));
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        accept.setId("doc-accept-" + d.version());
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> delete(d));
        delete.addThemeVariants(
            ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete version " + d.version());
        actions.add(accept, delete);
      }
    }
    Div row = new Div(version, text, actions);
    row.addClassNames("omni-doc-row", d.frozen() ? "omni-doc-frozen" : "omni-doc-open");
    row.setId("doc-row-" + d.version());
    return row;
  }

  private static Span status(DealDocument d) {
    Span badge =
        d.frozen()
            ? new Span(VaadinIcon.LOCK.create(), new Span("Accepted · frozen"))
            : new Span(d.status() == io.omnireach.deal.DocumentStatus.SENT ? "Sent" : "Generated");
    badge
        .getElement()
        .getThemeList()
        .add(
            switch (d.status()) {
              case ACCEPTED -> "badge success pill";
              case SENT -> "badge pill";
              case GENERATED -> "badge contrast pill";
            });
    badge.addClassName("omni-doc-status");
    return badge;
  }

  private DownloadHandler pdf(DealDocument d) {
    return (DownloadEvent event) -> {
      event.setFileName(d.filename());
      event.setContentType("application/pdf");
      event.getOutputStream().write(s.documents.pdf(tenant, deal.id(), d.id()));
    };
  }

  private void accept(DealDocument d) {
    try {
      s.documents.accept(tenant, deal.id(), d.id(), actor);
      Toasts.success("Version " + d.version() + " accepted: it is frozen.");
    } catch (DomainException ex) {
      Toasts.error(ex.getMessage());
    }
    refresh();
    changed.run();
  }

  private void delete(DealDocument d) {
    try {
      s.documents.delete(tenant, deal.id(), d.id(), actor);
      Toasts.success("Version " + d.version() + " deleted.");
    } catch (DomainException ex) {
      Toasts.error(ex.getMessage());
    }
    refresh();
    changed.run();
  }

  /** The offer email with the PDF attached: mailbox, then the policies, then the outbox. */
  private void send(DealDocument d) {
    List<Mailbox> boxes = s.mailboxes.list(tenant);
    if (boxes.isEmpty()) {
      Toasts.error("No mailbox yet: an Admin adds one in Settings → Mailboxes.");
      return;
    }
    OfferWriter.Text text;
    try {
      text = s.documents.cover(tenant, deal.id(), d.id(), null, null);
    } catch (DomainException ex) {
      Toasts.error(ex.getMessage());
      return;
    }
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Send " + d.kind().label().toLowerCase(Locale.ROOT) + " v" + d.version());
    Select<Mailbox> mailbox = new Select<>();
    mailbox.setLabel("Send from");
    mailbox.setItems(boxes);
    mailbox.setItemLabelGenerator(m -> m.name() + " · " + m.fromAddress());
    mailbox.setValue(boxes.get(0));
    mailbox.setId("doc-send-mailbox");
    Div preview = new Div(new Span(text.subject()), new Span(text.body()));
    preview.addClassName("omni-doc-mail-preview");
    Span attachment = new Span(VaadinIcon.PAPERCLIP.create(), new Span(d.filename()));
    attachment.addClassName("omni-doc-attachment");
    dialog.add(new Div(mailbox, preview, attachment));
    Button cancel = new Button("Cancel", e -> dialog.close());
    Button send = new Button("Send", VaadinIcon.PAPERPLANE.create());
    send.setId("doc-send-confirm");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickListener(
        e -> {
          Verdict verdict =
              PolicyEngine.evaluate(
                  s.policies.list(tenant),
                  new OutboundText("email", text.subject(), text.body()),
                  s.policies.context(tenant, deal.leadId(), "email", Instant.now()));
          if (verdict.outcome() == Verdict.Outcome.BLOCK) {
            Toasts.error("Not sent: " + verdict.reason());
            return;
          }
          try {
            long id =
                s.documents.send(
                    tenant,
                    deal.id(),
                    d.id(),
                    new DealDocuments.Sending(
                        mailbox.getValue().id(), text.subject(), text.body(), null),
                    actor);
            s.outbox.dispatch(tenant, id); // committed: send() returned
            Toasts.success("Queued with " + d.filename() + " attached.");
            dialog.close();
          } catch (DomainException ex) {
            Toasts.error(ex.getMessage());
          }
          refresh();
          changed.run();
        });
    dialog.getFooter().add(cancel, send);
    dialog.open();
  }
}
